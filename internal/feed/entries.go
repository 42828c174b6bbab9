package feed

import (
	"strings"
	"time"

	"bantin/internal/site"
)

// entry is what both formats say about one page.
type entry struct {
	page    *site.Page
	content string // summary text, or absolute-link HTML with fullContent
	html    bool
}

// entries returns the newest pages of list p and the newest lastmod.
func entries(p *site.Page) ([]entry, time.Time) {
	cfg := p.Site.Config
	var out []entry
	var newest time.Time
	for _, q := range p.Pages {
		if len(out) == cfg.Feeds.Limit {
			break
		}
		if q.Lastmod.After(newest) {
			newest = q.Lastmod
		}
		e := entry{page: q, content: q.Summary}
		if cfg.Feeds.FullContent {
			e.content, e.html = absolutize(string(q.Content()), cfg.Base.Scheme+"://"+cfg.Base.Host), true
		}
		out = append(out, e)
	}
	return out, newest
}

// absolutize makes the root-relative href and src attributes of HTML
// absolute against origin ("https://host").
func absolutize(html, origin string) string {
	r := strings.NewReplacer(`href="/`, `href="`+origin+`/`, `src="/`, `src="`+origin+`/`,
		`href="//`, `href="//`, `src="//`, `src="//`)
	return r.Replace(html)
}

func title(p *site.Page) string {
	if p.IsHome() {
		return p.Site.Title
	}
	return p.Title + " – " + p.Site.Title
}

func description(p *site.Page) string {
	if d := p.Site.Config.Description; d != "" && p.IsHome() {
		return d
	}
	if p.Description != "" {
		return p.Description
	}
	return title(p)
}

// RSSPath and AtomPath return where the feeds of list page p are written.
func RSSPath(p *site.Page) string  { return p.URL[1:] + "index.xml" }
func AtomPath(p *site.Page) string { return p.URL[1:] + "atom.xml" }
