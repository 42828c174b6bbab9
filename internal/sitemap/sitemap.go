package sitemap

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"time"

	"bantin/internal/site"
)

// Path is where the sitemap is written.
const Path = "sitemap.xml"

type urlset struct {
	XMLName xml.Name `xml:"urlset"`
	NS      string   `xml:"xmlns,attr"`
	URLs    []entry  `xml:"url"`
}

type entry struct {
	Loc     string `xml:"loc"`
	Lastmod string `xml:"lastmod,omitempty"`
}

// XML returns the sitemap of pages.
func XML(pages []*site.Page) ([]byte, error) {
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for _, p := range pages {
		e := entry{Loc: p.Permalink}
		if !p.Lastmod.IsZero() {
			e.Lastmod = p.Lastmod.In(p.Site.Config.Location).Format(time.RFC3339)
		}
		set.URLs = append(set.URLs, e)
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(set); err != nil {
		return nil, fmt.Errorf("sitemap: %w", err)
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}
