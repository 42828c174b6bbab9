package layout

import (
	"fmt"
	"html"
	"html/template"
	"path"

	"bantin/internal/imaging"
	"bantin/internal/markdown"
	"bantin/internal/site"
)

// imageSet returns the planned copies of a page's image: name is a path
// relative to the page's folder ("anh.jpg"), as in its bundle or its
// Markdown. It returns nil for a file bantin did not process (an SVG, a
// file that is not there), so that templates fall back:
// {{ with imageSet .Page "a.jpg" }}…{{ else }}<img src="a.jpg">{{ end }}.
func imageSet(p *site.Page, name string) *imaging.Set {
	if p == nil {
		return nil
	}
	return p.Images[path.Clean(name)]
}

// picture writes the <picture> of a set as Markdown images are written:
// WebP and fallback srcsets with the content column's sizes, width and
// height, alt text, loading="lazy" (unless "eager" is given) and
// decoding="async".
func picture(s *imaging.Set, alt string, opts ...string) (template.HTML, error) {
	if s == nil {
		return "", fmt.Errorf("picture: no image set (imageSet found no processed image)")
	}
	loading := ` loading="lazy" decoding="async"`
	for _, o := range opts {
		switch o {
		case "eager":
			loading = ` decoding="async"`
		default:
			return "", fmt.Errorf("picture: unknown option %q (eager)", o)
		}
	}
	if len(s.Copies) == 0 { // an animated GIF, published as it is
		return template.HTML(fmt.Sprintf(`<img src="%s" width="%d" height="%d" alt="%s"%s>`, html.EscapeString(s.Original.URL), s.Width, s.Height, html.EscapeString(alt), loading)), nil
	}
	return template.HTML(markdown.Picture(s, html.EscapeString(alt), "", loading)), nil
}
