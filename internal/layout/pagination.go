package layout

import (
	"html/template"
	"strconv"
	"strings"

	"bantin/internal/site"
)

// paginationNav writes a list pager's navigation: previous, the numbered
// links of Pager.Links ("…" for numbers left out, the current one marked
// aria-current) and next, or nothing when the list has one pager. Every
// pager page of every list renders it, so it is one function rather than
// a partial of some forty template actions.
type paginationNav struct{ strs *Strings }

func (n paginationNav) write(p *site.Page) template.HTML {
	pg := p.Pager()
	if pg == nil || !pg.HasOthers() {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<nav class="pagination" aria-label="` + esc(n.strs.Translate("pagination")) + "\">\n  <ul>\n")
	if pg.Prev != nil {
		b.WriteString(`    <li><a href="` + urlAttr(pg.Prev.URL) + `" rel="prev">← ` + esc(n.strs.Translate("prevPage")) + "</a></li>\n")
	}
	b.WriteString("    ")
	for _, q := range pg.Links() {
		switch {
		case q == nil:
			b.WriteString(`<li><span class="gap">…</span></li>`)
		case q.Number == pg.Number:
			b.WriteString(`<li><span aria-current="page">` + strconv.Itoa(q.Number) + "</span></li>")
		default:
			b.WriteString(`<li><a href="` + urlAttr(q.URL) + `">` + strconv.Itoa(q.Number) + "</a></li>")
		}
	}
	b.WriteString("\n")
	if pg.Next != nil {
		b.WriteString(`    <li><a href="` + urlAttr(pg.Next.URL) + `" rel="next">` + esc(n.strs.Translate("nextPage")) + " →</a></li>\n")
	}
	b.WriteString("  </ul>\n</nav>\n")
	return template.HTML(b.String())
}
