package feed

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"html"
	"strings"
	"time"

	"bantin/internal/site"
)

type rss struct {
	XMLName xml.Name `xml:"rss"`
	Version string   `xml:"version,attr"`
	Atom    string   `xml:"xmlns:atom,attr"`
	Channel channel  `xml:"channel"`
}

type channel struct {
	Title         string   `xml:"title"`
	Link          string   `xml:"link"`
	Description   string   `xml:"description"`
	Language      string   `xml:"language"`
	LastBuildDate string   `xml:"lastBuildDate,omitempty"`
	Self          atomLink `xml:"atom:link"`
	Items         string   `xml:",innerxml"` // the encoded items
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type item struct {
	XMLName     xml.Name
	Title       string   `xml:"title"`
	Link        string   `xml:"link"`
	GUID        guid     `xml:"guid"`
	PubDate     string   `xml:"pubDate,omitempty"`
	Categories  []string `xml:"category"`
	Description string   `xml:"description"`
}

type guid struct {
	Value       string `xml:",chardata"`
	IsPermaLink bool   `xml:"isPermaLink,attr"`
}

// RSS returns the RSS 2.0 feed of list page p.
func (w *Writer) RSS(p *site.Page) ([]byte, error) {
	cfg := p.Site.Config
	list, newest := entries(p)
	ch := channel{
		Title: title(p), Link: p.Permalink, Description: html.EscapeString(description(p)), Language: cfg.LanguageCode,
		Self: atomLink{Href: cfg.AbsURL(p.URL + "index.xml"), Rel: "self", Type: "application/rss+xml"},
	}
	var items strings.Builder
	for _, e := range list {
		s, err := w.cached(entryKey{e.page, false}, func() (string, error) { return rssItem(e, cfg.Location) })
		if err != nil {
			return nil, fmt.Errorf("feed %s: %w", p.URL, err)
		}
		items.WriteString(s)
	}
	ch.Items = items.String()
	if !newest.IsZero() {
		ch.LastBuildDate = newest.In(cfg.Location).Format(time.RFC1123Z)
	}
	return encode(rss{Version: "2.0", Atom: "http://www.w3.org/2005/Atom", Channel: ch}, p, len(ch.Items))
}

// rssItem encodes the item of one entry, which depends on its page only.
func rssItem(e entry, loc *time.Location) (string, error) {
	q := e.page
	desc := e.content
	if !e.html {
		desc = html.EscapeString(desc) // readers render description as HTML: a summary is text
	}
	it := item{XMLName: xml.Name{Local: "item"}, Title: q.Title, Link: q.Permalink, GUID: guid{q.Permalink, true}, Description: desc, Categories: q.Terms["topics"]}
	if !q.Date.IsZero() {
		it.PubDate = q.Date.In(loc).Format(time.RFC1123Z)
	}
	return encodeEntry(it, "    ")
}

// encode writes feed v, whose entries take about entriesSize bytes, into a
// buffer grown once to about its size.
func encode(v any, p *site.Page, entriesSize int) ([]byte, error) {
	var b bytes.Buffer
	b.Grow(len(xml.Header) + entriesSize + 1024)
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("feed %s: %w", p.URL, err)
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}
