package markdown

import (
	"html"
	"strconv"
	"strings"

	"bantin/internal/imaging"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// ImageFinder returns the planned copies of the image at a relative
// target (as written, unescaped), or nil when the target is not an image
// bantin processes (an SVG, say). An error means the file exists but is not
// a readable image.
type ImageFinder func(target string) (*imaging.Set, error)

// ImageSizes is the sizes attribute of a content image: the text column is
// the window less its padding on a phone, and 44rem (the theme's
// --measure) from 46rem up.
const ImageSizes = "(max-width: 46rem) calc(100vw - 2rem), 44rem"

// KindFigure is a paragraph that held nothing but a captioned image.
var KindFigure = ast.NewNodeKind("Figure")

// figure is a block holding one image with a title: ![alt](a.jpg "caption").
type figure struct {
	ast.BaseBlock
}

func (f *figure) Kind() ast.NodeKind { return KindFigure }

func (f *figure) Dump(src []byte, level int) { ast.DumpHelper(f, src, level, nil, nil) }

// imageInfo is what the transformer learns about one image node.
type imageInfo struct {
	set   *imaging.Set
	first bool // the page's first image: loaded at once
}

const imageInfoAttr = "bantin-image"

// markImage records what the renderer needs on an image node.
func markImage(n *ast.Image, info *imageInfo) { n.SetAttributeString(imageInfoAttr, info) }

func imageInfoOf(n *ast.Image) *imageInfo {
	v, ok := n.AttributeString(imageInfoAttr)
	if !ok {
		return &imageInfo{}
	}
	info, _ := v.(*imageInfo)
	if info == nil {
		return &imageInfo{}
	}
	return info
}

// captionedFigure turns a paragraph holding only ![alt](x "caption") into
// a figure block, so that <figure> is not written inside a <p>.
func captionedFigure(p *ast.Paragraph) {
	img, ok := p.FirstChild().(*ast.Image)
	if !ok || p.ChildCount() != 1 || len(img.Title) == 0 {
		return
	}
	f := &figure{}
	f.SetLines(p.Lines())
	parent := p.Parent()
	parent.ReplaceChild(parent, p, f)
	f.AppendChild(f, img)
}

// imageRenderer writes images and figures. Unless unsafe, an image
// destination that could run script (javascript:) is left empty, as
// goldmark does.
type imageRenderer struct{ unsafe bool }

func (r imageRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindImage, r.renderImage)
	reg.Register(KindFigure, r.renderFigure)
}

func (r imageRenderer) renderFigure(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	img := n.FirstChild().(*ast.Image)
	w.WriteString("<figure>\n")
	r.writeImage(w, src, img, false)
	w.WriteString("\n<figcaption>")
	w.Write(util.EscapeHTML(img.Title))
	w.WriteString("</figcaption>\n</figure>\n")
	return ast.WalkSkipChildren, nil
}

func (r imageRenderer) renderImage(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		r.writeImage(w, src, n.(*ast.Image), true)
	}
	return ast.WalkSkipChildren, nil
}

// writeImage writes a <picture> for a processed image, else an <img>. A
// title becomes the title attribute unless the figure shows it.
func (r imageRenderer) writeImage(w util.BufWriter, src []byte, n *ast.Image, withTitle bool) {
	info := imageInfoOf(n)
	alt := html.EscapeString(strings.TrimSpace(inlineText(n, src)))
	title := ""
	if withTitle && len(n.Title) > 0 {
		title = ` title="` + string(util.EscapeHTML(n.Title)) + `"`
	}
	loading := ` loading="lazy" decoding="async"`
	if info.first {
		loading = ` decoding="async"`
	}
	s := info.set
	if s == nil || len(s.Copies) == 0 {
		dest := util.URLEscape(n.Destination, true)
		if !r.unsafe && ghtml.IsDangerousURL(dest) {
			dest = nil
		}
		w.WriteString(`<img src="` + string(util.EscapeHTML(dest)) + `"`)
		if s != nil {
			w.WriteString(sizeAttrs(s.Width, s.Height))
		}
		w.WriteString(` alt="` + alt + `"` + title + loading + ">")
		return
	}
	w.WriteString(Picture(s, alt, title, loading))
}

// Picture returns the <picture> of a set of copies, as Markdown writes
// it; alt and title are attribute text already escaped (title with its
// leading ` title=`, or ""), loading the loading and decoding attributes.
// Templates reach it through layout's picture function.
func Picture(s *imaging.Set, alt, title, loading string) string {
	fallback := s.Src()
	largest, print := s.Largest(s.Fallback), s.PrintCopy()
	var w strings.Builder
	w.WriteString("<picture>")
	// sizes = its own width: one image pixel per CSS pixel, so that its
	// natural width is its pixel width, which the print check reads
	pw := strconv.Itoa(print.Width)
	w.WriteString(`<source media="print" srcset="` + urlAttr(print.URL) + " " + pw + `w" sizes="` + pw + `px">`)
	w.WriteString(`<source type="image/webp" srcset="` + srcset(s, "webp") + `" sizes="` + ImageSizes + `">`)
	w.WriteString(`<img src="` + urlAttr(fallback.URL) + `" srcset="` + srcset(s, s.Fallback) + `" sizes="` + ImageSizes + `"`)
	w.WriteString(sizeAttrs(largest.Width, largest.Height))
	w.WriteString(` alt="` + alt + `"` + title + loading + "></picture>")
	return w.String()
}

func sizeAttrs(width, height int) string {
	return ` width="` + strconv.Itoa(width) + `" height="` + strconv.Itoa(height) + `"`
}

// srcset lists the copies in format, their URLs escaped so that a space
// or comma in a file name cannot split an entry.
func srcset(s *imaging.Set, format string) string {
	var parts []string
	for _, c := range s.Copies {
		if c.Format == format {
			parts = append(parts, urlAttr(c.URL)+" "+strconv.Itoa(c.Width)+"w")
		}
	}
	return strings.Join(parts, ", ")
}

func urlAttr(u string) string {
	return string(util.EscapeHTML(util.URLEscape([]byte(strings.ReplaceAll(u, ",", "%2C")), false)))
}
