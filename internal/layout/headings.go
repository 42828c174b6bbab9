package layout

import (
	"html/template"
	"regexp"
)

// headingTag matches the opening and closing tags of h1 to h5.
var headingTag = regexp.MustCompile(`<(/?)h([1-5])([\s>])`)

// demoteHeadings returns rendered HTML with each heading one level lower
// (h1 → h2 … h5 → h6; h6 stays): for text set under a heading of its own
// level, as a bulletin's print edition sets each article under the issue's
// one h1. Text inside code is escaped by then, so only real tags change.
func demoteHeadings(html template.HTML) template.HTML {
	return template.HTML(headingTag.ReplaceAllStringFunc(string(html), func(tag string) string {
		m := headingTag.FindStringSubmatch(tag)
		return "<" + m[1] + "h" + string(m[2][0]+1) + m[3]
	}))
}
