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
	in      Input
	dl      *diag.List
	anchors []Anchor
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
	if lc == nil || lc.in.Resolve == nil {
		return
	}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch l := n.(type) {
		case *ast.Link:
			l.Destination = lc.resolve(l, l.Destination)
		case *ast.Image:
			l.Destination = lc.resolve(l, l.Destination)
		}
		return ast.WalkContinue, nil
	})
}

func (lc *linkContext) resolve(n ast.Node, dest []byte) []byte {
	target, fragment, ok := relativeTarget(string(dest))
	if !ok || strings.Contains(target, placeholderPrefix) { // a shortcode's output goes there
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
