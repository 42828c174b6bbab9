package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// MoreMarker ends a document's summary.
const MoreMarker = "<!--more-->"

// escapedHTML writes raw HTML as visible, escaped text.
type escapedHTML struct{}

func (escapedHTML) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHTMLBlock, renderHTMLBlock)
	reg.Register(ast.KindRawHTML, renderRawHTML)
}

func renderHTMLBlock(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	b := n.(*ast.HTMLBlock)
	var raw bytes.Buffer
	for i := 0; i < b.Lines().Len(); i++ {
		seg := b.Lines().At(i)
		raw.Write(seg.Value(src))
	}
	if b.HasClosure() {
		raw.Write(b.ClosureLine.Value(src))
	}
	if isMoreMarker(raw.Bytes()) {
		return ast.WalkContinue, nil
	}
	w.WriteString("<p>")
	w.Write(util.EscapeHTML(bytes.TrimRight(raw.Bytes(), "\n")))
	w.WriteString("</p>\n")
	return ast.WalkContinue, nil
}

func renderRawHTML(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	r := n.(*ast.RawHTML)
	for i := 0; i < r.Segments.Len(); i++ {
		seg := r.Segments.At(i)
		w.Write(util.EscapeHTML(seg.Value(src)))
	}
	return ast.WalkSkipChildren, nil
}

func isMoreMarker(raw []byte) bool {
	return string(bytes.TrimSpace(raw)) == MoreMarker
}
