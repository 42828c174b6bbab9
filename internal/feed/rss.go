package feed

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"time"

	"bantin/internal/site"
)

// MaxItems is the most items a feed holds.
const MaxItems = 20

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
	Items         []item   `xml:"item"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type item struct {
	Title       string `xml:"title"`
	Link        string `xml:"link"`
	GUID        string `xml:"guid"`
	PubDate     string `xml:"pubDate,omitempty"`
	Description string `xml:"description"`
}

// Path returns where the feed of list page p is written.
func Path(p *site.Page) string {
	return p.URL[1:] + "index.xml"
}

// RSS returns the RSS 2.0 feed of list page p.
func RSS(p *site.Page) ([]byte, error) {
	cfg := p.Site.Config
	title := p.Site.Title
	if !p.IsHome() {
		title = p.Title + " – " + p.Site.Title
	}
	desc := cfg.Description
	if desc == "" {
		desc = title
	}
	ch := channel{
		Title: title, Link: p.Permalink, Description: desc, Language: cfg.LanguageCode,
		Self: atomLink{Href: cfg.AbsURL(p.URL + "index.xml"), Rel: "self", Type: "application/rss+xml"},
	}
	var newest time.Time
	for i, q := range p.Pages {
		if i == MaxItems {
			break
		}
		if q.Lastmod.After(newest) {
			newest = q.Lastmod
		}
		it := item{Title: q.Title, Link: q.Permalink, GUID: q.Permalink, Description: q.Summary}
		if !q.Date.IsZero() {
			it.PubDate = q.Date.In(cfg.Location).Format(time.RFC1123Z)
		}
		ch.Items = append(ch.Items, it)
	}
	if !newest.IsZero() {
		ch.LastBuildDate = newest.In(cfg.Location).Format(time.RFC1123Z)
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(rss{Version: "2.0", Atom: "http://www.w3.org/2005/Atom", Channel: ch}); err != nil {
		return nil, fmt.Errorf("feed %s: %w", p.URL, err)
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}
