package markdown

import (
	"bytes"
	"fmt"

	"bantin/internal/diag"
	"bantin/internal/highlight"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Options configures a Renderer.
type Options struct {
	Unsafe         bool // pass raw HTML through
	Typographer    bool
	HighlightStyle string
	LineNumbers    bool
}

// Renderer converts Markdown to HTML. It is safe for concurrent use.
type Renderer struct {
	md goldmark.Markdown
}

// New returns a Renderer.
func New(opts Options) *Renderer {
	exts := []goldmark.Extender{
		extension.GFM, extension.Footnote, extension.DefinitionList,
		highlight.Extender(opts.HighlightStyle, opts.LineNumbers),
	}
	if opts.Typographer {
		exts = append(exts, extension.Typographer)
	}
	htmlOpts := []renderer.Option{}
	if opts.Unsafe {
		htmlOpts = append(htmlOpts, html.WithUnsafe())
	} else {
		htmlOpts = append(htmlOpts, renderer.WithNodeRenderers(util.Prioritized(escapedHTML{}, 1)))
	}
	md := goldmark.New(
		goldmark.WithExtensions(exts...),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithAttribute(),
			parser.WithASTTransformers(util.Prioritized(linkTransformer{}, 100)),
		),
		goldmark.WithRendererOptions(htmlOpts...),
	)
	return &Renderer{md: md}
}

// Resolver maps a relative link target (the path as written, without its
// fragment) to a URL. It returns an error when the target does not exist.
type Resolver func(target string) (string, error)

// Input is one document to render.
type Input struct {
	File      string // for diagnostics: "content/bai-viet/x.md"
	Src       []byte // the Markdown body
	FirstLine int    // the line of File where Src starts
	Resolve   Resolver
}

// Heading is one entry of a table of contents.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Result is a rendered document.
type Result struct {
	HTML      []byte
	TOC       []Heading // h2 and h3
	Plain     string    // the text, without markup
	Summary   string    // plain-text summary
	WordCount int
}

// Render converts in.Src; problems with links go to dl.
func (r *Renderer) Render(in Input, dl *diag.List) (*Result, error) {
	pc := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	pc.Set(inputKey, &linkContext{in: in, dl: dl})
	doc := r.md.Parser().Parse(text.NewReader(in.Src), parser.WithContext(pc))
	var buf bytes.Buffer
	if err := r.md.Renderer().Render(&buf, in.Src, doc); err != nil {
		return nil, fmt.Errorf("render %s: %w", in.File, err)
	}
	res := &Result{HTML: buf.Bytes(), TOC: tableOfContents(doc, in.Src)}
	res.Plain, res.Summary = plainAndSummary(doc, in.Src)
	res.WordCount = countWords(res.Plain)
	return res, nil
}

var inputKey = parser.NewContextKey()

// position returns where node n starts in the document's file.
func position(in Input, n ast.Node) diag.Pos {
	off := startOffset(n)
	return diag.PosAt(in.File, in.Src, off).Shift(in.FirstLine - 1)
}

// startOffset finds the first byte of n in the source: its first text
// segment, else its enclosing block's first line.
func startOffset(n ast.Node) int {
	found := -1
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			found = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if found >= 0 {
		return found
	}
	for p := n; p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}
