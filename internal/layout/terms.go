package layout

import (
	"html/template"
	"strings"

	"bantin/internal/site"
)

// termLinks writes a page's terms of every taxonomy but authors (which the
// page's byline shows), a paragraph per taxonomy: its name, then a link to
// each term's list page. Every regular page renders it; as template actions
// (a range over the taxonomies, one over each one's terms) it was most of
// what taxonomies added to the rendering of a page.
func termLinks(p *site.Page) template.HTML {
	if p.Site == nil {
		return ""
	}
	var b strings.Builder
	for _, t := range p.Site.Taxonomies {
		if t.Plural == "authors" {
			continue
		}
		terms := p.TermsOf(t.Plural)
		if len(terms) == 0 {
			continue
		}
		b.WriteString("\n<p class=\"terms terms-" + esc(t.Plural) + "\"><span class=\"terms-label\">" + esc(t.Name) + ":</span>\n")
		for _, term := range terms {
			href := ""
			if term.Page != nil {
				href = term.Page.RelPermalink
			}
			b.WriteString(`<a href="` + urlAttr(href) + `" rel="tag">` + esc(term.Name) + "</a>")
		}
		b.WriteString("</p>\n")
	}
	return template.HTML(b.String())
}
