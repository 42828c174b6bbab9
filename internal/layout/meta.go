package layout

import (
	"encoding/json"
	"fmt"
	"html/template"
	"strings"
	"time"

	"bantin/internal/site"
)

// metaTags writes what a page's <head> tells browsers, search engines and
// sharing (Facebook, Zalo): <title>, the description, the canonical URL,
// rel prev/next, the feeds of a list, Open Graph, the Twitter card and the
// JSON-LD. It is one function rather than a partial of some forty template
// actions: the default theme's head.html calls it once, and html/template
// spent a third of every page's allocations on those actions. Values are
// escaped as html/template escapes them in these places: text and
// attributes with HTMLEscapeString, URLs normalised first (urlAttr), the
// JSON-LD by encoding/json, which escapes <, > and &.
type metaTags struct {
	strs *Strings
	loc  *time.Location
}

func (m metaTags) write(p *site.Page) (template.HTML, error) {
	var b strings.Builder
	b.Grow(4096) // an article's tags: about 3.5 KB, written once
	cfg := p.Site.Config
	desc := p.Description
	if desc == "" {
		desc = cfg.Description
	}
	descText := esc(truncate(300, desc)) // the description and og:description
	write(&b, "<title>", esc(m.title(p)), "</title>\n")
	if desc != "" {
		write(&b, `<meta name="description" content="`, descText, "\">\n")
	}
	if len(p.Keywords) > 0 {
		write(&b, `<meta name="keywords" content="`, esc(strings.Join(p.Keywords, ", ")), "\">\n")
	}
	if p.Permalink != "" {
		write(&b, `<link rel="canonical" href="`, urlAttr(p.Permalink), "\">\n")
	}
	if pg := p.Pager(); pg != nil {
		if pg.Prev != nil {
			write(&b, `<link rel="prev" href="`, urlAttr(pg.Prev.URL), "\">\n")
		}
		if pg.Next != nil {
			write(&b, `<link rel="next" href="`, urlAttr(pg.Next.URL), "\">\n")
		}
	}
	if p.IsSection() || p.Kind == site.KindTerm {
		m.feedLinks(&b, p)
	}
	kind := "website"
	if p.IsPage() {
		kind = "article"
	}
	title := esc(p.Title)
	write(&b, `<meta property="og:type" content="`, kind, "\">\n")
	write(&b, `<meta property="og:title" content="`, title, "\">\n")
	if desc != "" {
		write(&b, `<meta property="og:description" content="`, descText, "\">\n")
	}
	if p.Permalink != "" {
		write(&b, `<meta property="og:url" content="`, urlAttr(p.Permalink), "\">\n")
	}
	img := p.ImageURL()
	if img != "" {
		write(&b, `<meta property="og:image" content="`, urlAttr(img), "\">\n")
		if og := p.SharingImage; og != nil {
			b.WriteString(fmt.Sprintf("<meta property=\"og:image:width\" content=\"%d\">\n<meta property=\"og:image:height\" content=\"%d\">\n", og.Width, og.Height))
		}
	}
	if p.IsPage() && !p.Date.IsZero() {
		m.articleTags(&b, p)
	}
	card := "summary"
	if img != "" {
		card = "summary_large_image"
	}
	write(&b, `<meta name="twitter:card" content="`, card, "\">\n")
	write(&b, `<meta name="twitter:title" content="`, title, "\">\n")
	if desc != "" {
		write(&b, `<meta name="twitter:description" content="`, esc(truncate(200, desc)), "\">\n")
	}
	if img != "" {
		write(&b, `<meta name="twitter:image" content="`, urlAttr(img), "\">\n")
	}
	if p.Permalink != "" {
		ld, err := json.Marshal(jsonLD(p))
		if err != nil {
			return "", fmt.Errorf("metaTags: %w", err)
		}
		b.WriteString(`<script type="application/ld+json">`)
		b.Write(ld)
		b.WriteString("</script>\n")
	}
	return template.HTML(b.String()), nil
}

// write writes a tag's parts one after the other, with no string made of
// them first.
func write(b *strings.Builder, parts ...string) {
	for _, s := range parts {
		b.WriteString(s)
	}
}

// title is the page's <title>: the site's on the home page, else the
// page's (with its pager's number after the first) and the site's.
func (m metaTags) title(p *site.Page) string {
	if p.IsHome() {
		return p.Site.Title
	}
	t := p.Title
	if pg := p.Pager(); pg != nil && pg.Number > 1 {
		t += " – " + m.strs.Translate("pageOf", pg.Number, pg.Total)
	}
	return t + " – " + p.Site.Title
}

// feedLinks announces the RSS and Atom feeds of a list, which live at the
// list's first pager.
func (m metaTags) feedLinks(b *strings.Builder, p *site.Page) {
	list := p.RelPermalink
	if pg := p.Pager(); pg != nil {
		list = pg.All[0].URL
	}
	title := esc(p.Title + " – " + p.Site.Title)
	b.WriteString(`<link rel="alternate" type="application/rss+xml" title="` + title + `" href="` + urlAttr(list+"index.xml") + "\">\n")
	b.WriteString(`<link rel="alternate" type="application/atom+xml" title="` + title + `" href="` + urlAttr(list+"atom.xml") + "\">\n")
}

// articleTags are Open Graph's article:* tags of a dated page.
func (m metaTags) articleTags(b *strings.Builder, p *site.Page) {
	write(b, `<meta property="article:published_time" content="`, isoDate(p.Date, m.loc), "\">\n")
	write(b, `<meta property="article:modified_time" content="`, isoDate(p.Lastmod, m.loc), "\">\n")
	if parent := p.Parent; parent != nil && parent.IsSection() {
		write(b, `<meta property="article:section" content="`, esc(parent.Title), "\">\n")
	}
	for _, tag := range p.Terms["tags"] {
		write(b, `<meta property="article:tag" content="`, esc(tag), "\">\n")
	}
}

// esc escapes text for HTML text and quoted attribute values.
func esc(s string) string { return template.HTMLEscapeString(s) }

// urlAttr makes u safe in a quoted URL attribute as html/template does: a
// scheme other than http, https or mailto becomes "#ZgotmplZ", bytes a URL
// may not hold are percent-encoded, and the result is HTML-escaped.
func urlAttr(u string) string {
	if i := strings.IndexByte(u, ':'); i >= 0 && !strings.ContainsAny(u[:i], "/?#") {
		switch strings.ToLower(u[:i]) {
		case "http", "https", "mailto":
		default:
			return "#ZgotmplZ"
		}
	}
	if plainURL(u) {
		return u
	}
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		c := u[i]
		if urlByteOK(c) {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02x", c) // lower-case hex, as html/template writes
	}
	return esc(b.String())
}

// plainURL reports whether u needs neither percent-encoding nor HTML
// escaping, as a site's own slugs never do.
func plainURL(u string) bool {
	for i := 0; i < len(u); i++ {
		if c := u[i]; !urlByteOK(c) || c == '&' || c == '\'' {
			return false
		}
	}
	return true
}

// urlByteOK reports whether c may stand in a URL as it is: RFC 3986's
// unreserved and reserved characters, and '%' of an escape.
func urlByteOK(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("-._~:/?#[]@!$&'()*+,;=%", c) >= 0
}
