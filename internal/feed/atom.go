package feed

import (
	"encoding/xml"
	"fmt"
	"strings"
	"time"

	"bantin/internal/site"
)

type atomFeed struct {
	XMLName xml.Name   `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string     `xml:"xml:lang,attr"`
	ID      string     `xml:"id"`
	Title   string     `xml:"title"`
	Updated string     `xml:"updated"`
	Links   []atomHref `xml:"link"`
	Author  atomPerson `xml:"author"`
	Entries string     `xml:",innerxml"` // the encoded entries
}

type atomHref struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomText struct {
	Type  string `xml:"type,attr"`
	Value string `xml:",chardata"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

type atomEntry struct {
	XMLName    xml.Name
	ID         string         `xml:"id"`
	Title      string         `xml:"title"`
	Updated    string         `xml:"updated"`
	Published  string         `xml:"published,omitempty"`
	Link       atomHref       `xml:"link"`
	Authors    []atomPerson   `xml:"author"`
	Categories []atomCategory `xml:"category"`
	Summary    *atomText      `xml:"summary,omitempty"`
	Content    *atomText      `xml:"content,omitempty"`
}

// Atom returns the Atom 1.0 feed of list page p.
func (w *Writer) Atom(p *site.Page) ([]byte, error) {
	cfg := p.Site.Config
	list, newest := entries(p)
	stamp := func(t time.Time) string { return t.In(cfg.Location).Format(time.RFC3339) }
	if newest.IsZero() {
		newest = time.Date(2000, 1, 1, 0, 0, 0, 0, cfg.Location) // an empty feed still needs a stable date
	}
	f := atomFeed{
		Lang: cfg.LanguageCode, ID: p.Permalink, Title: title(p), Updated: stamp(newest),
		Links: []atomHref{
			{Href: cfg.AbsURL(p.URL + "atom.xml"), Rel: "self", Type: "application/atom+xml"},
			{Href: p.Permalink, Rel: "alternate", Type: "text/html"},
		},
		Author: atomPerson{Name: p.Site.Title},
	}
	var entries strings.Builder
	for _, e := range list {
		entryXML := func() (string, error) { return atomEntryOf(e, stamp(newest), stamp) }
		var s string
		var err error
		if e.page.Lastmod.IsZero() {
			s, err = entryXML() // it takes the feed's date: the entry is this feed's own
		} else {
			s, err = w.cached(entryKey{e.page, true}, entryXML)
		}
		if err != nil {
			return nil, fmt.Errorf("feed %s: %w", p.URL, err)
		}
		entries.WriteString(s)
	}
	f.Entries = entries.String()
	return encode(f, p, len(f.Entries))
}

// atomEntryOf encodes the entry of one page; updated stands for a missing
// lastmod.
func atomEntryOf(e entry, updated string, stamp func(time.Time) string) (string, error) {
	q := e.page
	ae := atomEntry{XMLName: xml.Name{Local: "entry"}, ID: q.Permalink, Title: q.Title, Updated: updated,
		Link: atomHref{Href: q.Permalink, Rel: "alternate", Type: "text/html"}}
	if !q.Lastmod.IsZero() {
		ae.Updated = stamp(q.Lastmod)
	}
	if !q.Date.IsZero() {
		ae.Published = stamp(q.Date)
	}
	for _, a := range q.Terms["authors"] {
		ae.Authors = append(ae.Authors, atomPerson{Name: a})
	}
	for _, t := range q.Terms["topics"] {
		ae.Categories = append(ae.Categories, atomCategory{Term: t})
	}
	if e.html {
		ae.Content = &atomText{Type: "html", Value: e.content}
	} else {
		ae.Summary = &atomText{Type: "text", Value: e.content}
	}
	return encodeEntry(ae, "  ")
}
