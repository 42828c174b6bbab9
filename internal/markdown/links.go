package markdown

import (
	"net/url"
	"strings"

	"bantin/internal/diag"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

type linkContext struct {
	in         Input
	dl         *diag.List
	anchors    []Anchor
	requireAlt bool
}

// Anchor is a link to a heading of another document: [x](b.md#cau-3).
type Anchor struct {
	Target   string // the path as written, relative to the document: "b.md"
	Fragment string // unescaped: "cau-3"
	Pos      diag.Pos
}

// linkTransformer rewrites relative link and image destinations through the
// document's Resolver.
type linkTransformer struct{}

func (linkTransformer) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	lc, _ := pc.Get(inputKey).(*linkContext)
	if lc == nil {
		return
	}
	var paragraphs []*ast.Paragraph
	seenImage := false
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch l := n.(type) {
		case *ast.Link:
			l.Destination = lc.resolve(l, l.Destination)
		case *ast.Image:
			lc.image(l, !seenImage)
			seenImage = true
		case *ast.Paragraph:
			paragraphs = append(paragraphs, l)
		}
		return ast.WalkContinue, nil
	})
	for _, p := range paragraphs {
		captionedFigure(p)
	}
}

// image checks an image's alt text and finds its copies (resolving its
// destination like a link's when it has none).
func (lc *linkContext) image(n *ast.Image, first bool) {
	lc.checkAlt(n)
	info := &imageInfo{first: first}
	markImage(n, info)
	target, _, ok := relativeTarget(string(n.Destination))
	if ok && lc.in.Image != nil {
		set, err := lc.in.Image(target)
		if err != nil {
			lc.dl.Errorf(position(lc.in, n), "image %q: %v", string(n.Destination), err)
			return
		}
		if set != nil {
			info.set = set
			n.Destination = []byte(set.Original.URL)
			return
		}
	}
	n.Destination = lc.resolve(n, n.Destination)
}

// checkAlt reports an image without alt text, at its "![": a warning, or
// an error when the site requires alt text.
func (lc *linkContext) checkAlt(n *ast.Image) {
	if strings.TrimSpace(inlineText(n, lc.in.Src)) != "" {
		return
	}
	pos := imagePosition(lc.in, n)
	msg := "image %q has no alt text: describe it for readers who cannot see it, ![mô tả ảnh](%s)"
	if lc.requireAlt {
		lc.dl.Errorf(pos, msg, string(n.Destination), string(n.Destination))
	} else {
		lc.dl.Warnf(pos, msg, string(n.Destination), string(n.Destination))
	}
}

// imagePosition is where an image without text starts: right after the
// text before it, else at its block's first line.
func imagePosition(in Input, n *ast.Image) diag.Pos {
	if t, ok := n.PreviousSibling().(*ast.Text); ok {
		return in.posAt(in.lines, t.Segment.Stop)
	}
	return position(in, n)
}

func (lc *linkContext) resolve(n ast.Node, dest []byte) []byte {
	target, fragment, ok := relativeTarget(string(dest))
	if !ok || lc.in.Resolve == nil || strings.Contains(target, placeholderPrefix) { // a shortcode's output goes there
		return dest
	}
	resolved, err := lc.in.Resolve(target)
	if err != nil {
		pos := position(lc.in, n)
		if strings.HasSuffix(strings.ToLower(target), ".md") {
			lc.dl.Errorf(pos, "broken link %q: %v", string(dest), err)
		} else {
			lc.dl.Warnf(pos, "link %q: %v", string(dest), err)
		}
		return dest
	}
	if fragment != "" {
		resolved += "#" + fragment
		if strings.HasSuffix(strings.ToLower(target), ".md") {
			lc.anchors = append(lc.anchors, Anchor{Target: target, Fragment: fragment, Pos: position(lc.in, n)})
		}
	}
	return []byte(resolved)
}

// relativeTarget splits a relative destination into its unescaped path and
// fragment. ok is false for absolute URLs, root-relative paths, pure
// fragments and other schemes.
func relativeTarget(dest string) (target, fragment string, ok bool) {
	if dest == "" || strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "#") || strings.HasPrefix(dest, "?") {
		return "", "", false
	}
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" {
		return "", "", false
	}
	return u.Path, u.Fragment, true
}
