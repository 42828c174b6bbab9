package layout

import (
	"html/template"
	"strings"
)

// urlBreaks writes a URL for reading: each part up to a slash of its path
// in a <span class="url-part"> (the theme keeps those whole), with a
// line-break opportunity (<wbr>) between them. A long link wraps after a
// slash, never inside a word or after a hyphen, and copies whole.
func urlBreaks(url string) template.HTML {
	scheme := ""
	if i := strings.Index(url, "://"); i >= 0 {
		scheme, url = url[:i+3], url[i+3:]
	}
	var parts []string
	for i, p := range strings.SplitAfter(url, "/") {
		if i == 0 {
			p = scheme + p
		}
		if p != "" {
			parts = append(parts, `<span class="url-part">`+template.HTMLEscapeString(p)+"</span>")
		}
	}
	return template.HTML(strings.Join(parts, "<wbr>"))
}
