package layout

import (
	"html/template"
	"strings"
	"time"

	"bantin/internal/site"
	"bantin/internal/vi"
)

// listItems write the entries of page lists. Every page of a site with
// pagination is an item of some list, and its item is made once per build
// (partialCachedEach) but made for every page: as template actions, the
// item of a page cost more than twice what writing it here costs. The theme's
// page-item.html and link-item.html call these; a site that overrides
// those partials gets its own markup.
type listItems struct{ loc *time.Location }

// pageItem is an entry of a list page: the title linked, the date, the
// summary.
func (l listItems) pageItem(p *site.Page) template.HTML {
	var b strings.Builder
	b.WriteString("<li class=\"page-item\">\n    <h3 class=\"page-item-title\"><a href=\"" + urlAttr(p.RelPermalink) + "\">" + esc(p.LinkTitle()) + "</a></h3>\n    ")
	if !p.Date.IsZero() {
		b.WriteString(`<time class="page-item-date" datetime="` + isoDate(p.Date, l.loc) + `">` + esc(vi.FormatDate(p.Date, l.loc)) + "</time>")
	}
	b.WriteString("\n    ")
	if p.Summary != "" {
		b.WriteString(`<p class="page-item-summary">` + esc(p.Summary) + "</p>")
	}
	b.WriteString("\n  </li>\n")
	return template.HTML(b.String())
}

// linkItem is an entry of a short list (related pages, other news): the
// title linked and the date.
func (l listItems) linkItem(p *site.Page) template.HTML {
	s := `<li><a href="` + urlAttr(p.RelPermalink) + `">` + esc(p.LinkTitle()) + "</a>"
	if !p.Date.IsZero() {
		s += ` <time datetime="` + isoDate(p.Date, l.loc) + `">` + esc(vi.FormatDate(p.Date, l.loc)) + "</time>"
	}
	return template.HTML(s + "</li>\n")
}
