package layout

import (
	"html/template"
	"strconv"
	"strings"

	"bantin/internal/markdown"
	"bantin/internal/site"
)

// tocItems writes the entries of a page's table of contents, one <li> per
// heading: what the theme's single.html wrote with a range over .TOC, and
// escaped as html/template escaped it there (the level in a class, the id
// after "#" in an href, the text in a text node). Every long article
// renders it, some ten headings each; as template actions it cost about a
// sixth of rendering an article. The theme's partials/toc-items.html calls
// it; a site that overrides that partial writes its own markup.
func tocItems(p *site.Page) template.HTML { return tocHTML(p.TOC()) }

// tocHTML writes the entries of toc.
func tocHTML(toc []markdown.Heading) template.HTML {
	var b strings.Builder
	for _, h := range toc {
		b.WriteString(`<li class="toc-h`)
		b.WriteString(strconv.Itoa(h.Level))
		b.WriteString(`"><a href="#`)
		writeURLComponent(&b, h.ID)
		b.WriteString(`">`)
		writeHTMLText(&b, h.Text)
		b.WriteString("</a></li>")
	}
	return template.HTML(b.String())
}

// writeHTMLText writes s escaped as html/template escapes text and quoted
// attribute values: NUL, the quotes, &, +, < and >.
func writeHTMLText(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var repl string
		switch s[i] {
		case 0:
			repl = "\uFFFD"
		case '"':
			repl = "&#34;"
		case '&':
			repl = "&amp;"
		case '\'':
			repl = "&#39;"
		case '+':
			repl = "&#43;"
		case '<':
			repl = "&lt;"
		case '>':
			repl = "&gt;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(repl)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// writeURLComponent writes s as html/template writes a value in the query
// or fragment of a URL: RFC 3986's unreserved characters as they are,
// every other byte percent-encoded in lower-case hex. Nothing is left for
// HTML escaping.
func writeURLComponent(b *strings.Builder, s string) {
	const hex = "0123456789abcdef"
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
}
