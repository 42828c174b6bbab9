package markdown

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"

	"bantin/internal/diag"
	"bantin/internal/highlight"
	"bantin/internal/shortcode"
	"bantin/internal/vi"

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
	RequireAlt     bool // an image without alt text is an error, not a warning
}

// Renderer converts Markdown to HTML. It is safe for concurrent use.
type Renderer struct {
	md         goldmark.Markdown
	unsafe     bool // raw HTML is written as it is
	requireAlt bool
}

// New returns a Renderer.
func New(opts Options) *Renderer {
	exts := []goldmark.Extender{
		extension.GFM, extension.NewFootnote(extension.WithFootnoteIDPrefixFunction(footnoteIDPrefix)), extension.DefinitionList,
		highlight.Extender(opts.HighlightStyle, opts.LineNumbers),
	}
	if opts.Typographer {
		exts = append(exts, extension.Typographer)
	}
	htmlOpts := []renderer.Option{renderer.WithNodeRenderers(util.Prioritized(imageRenderer{unsafe: opts.Unsafe}, 1))}
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
			parser.WithASTTransformers(util.Prioritized(linkTransformer{}, 100), util.Prioritized(headingIDTransformer{}, 200), util.Prioritized(footnotePrefixTransformer{}, 300)),
		),
		goldmark.WithRendererOptions(htmlOpts...),
	)
	return &Renderer{md: md, unsafe: opts.Unsafe, requireAlt: opts.RequireAlt}
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
	// Shortcodes renders the shortcode calls of Src; without it, a call
	// is an error.
	Shortcodes Shortcodes
	Image      ImageFinder // nil: images are linked as written, with no copies

	lines  *diag.Lines     // Src's line starts, made by Render
	depth  int             // how deep in {{% %}} pairs this is rendered
	slugs  *vi.Slugger     // the page's heading IDs, shared with its {{% %}} pairs
	pairs  *int            // how many {{% %}} pairs of the page were rendered
	inner  int             // this {{% %}} pair's number on the page; 0 for the page
	col    int             // the column before Src's first byte on FirstLine: a pair's text starts inside a line
	parent *shortcode.Call // the {{% %}} pair whose text Src is
}

// posAt is the position in File of byte off of Src, whose line starts are
// lines.
func (in Input) posAt(lines *diag.Lines, off int) diag.Pos {
	p := lines.PosAt(in.File, off)
	if p.Line == 1 && p.Col > 0 {
		p.Col += in.col
	}
	return p.Shift(in.FirstLine - 1)
}

// Heading is one entry of a table of contents.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Section is the part of a document under one level-2 heading, up to the
// next one. The first section of a document holds what comes before its
// first level-2 heading and has no Title.
type Section struct {
	ID      string   // the heading's id
	Title   string   // the heading's text
	Classes []string // the heading's classes: ## Bìa {.bia}
	Line    int      // the heading's line in the file
	Body    []byte   // the HTML after the heading
	Start   int      // where Body starts in Result.HTML: Body is that part of it
	Plain   string   // the text after the heading
}

// Result is a rendered document.
type Result struct {
	HTML      []byte
	Sections  []Section
	TOC       []Heading // h2 and h3
	Plain     string    // the text, without markup
	Summary   string    // plain-text summary
	WordCount int
	IDs       []string // every heading's id, in order
	Anchors   []Anchor // links to headings of other documents, to check once all are rendered
	HasCode   bool     // a fenced code block: the page needs the code stylesheet
}

// Render converts in.Src; problems with links go to dl.
func (r *Renderer) Render(in Input, dl *diag.List) (*Result, error) {
	if in.slugs == nil {
		in.slugs, in.pairs = newPageSlugger(), new(int)
	}
	src, shortcodes := prepareShortcodes(r, in, dl)
	if shortcodes != nil {
		in.Src = src
	}
	in.lines = diag.NewLines(in.Src)
	if pos, msg, ok := tooCostly(in); !ok {
		dl.Errorf(pos, "%s", msg)
		return &Result{}, nil
	}
	pc := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	lc := &linkContext{in: in, dl: dl, requireAlt: r.requireAlt}
	pc.Set(inputKey, lc)
	doc := r.md.Parser().Parse(text.NewReader(in.Src), parser.WithContext(pc))
	sections, err := r.renderSections(doc, in)
	if err != nil {
		return nil, err
	}
	all := make([]byte, 0, htmlSize(sections))
	res := &Result{TOC: tableOfContents(doc, in.Src), IDs: allHeadingIDs(doc), Anchors: lc.anchors}
	for _, s := range sections {
		all = append(all, s.heading...)
		s.Start = len(all)
		all = append(all, s.Body...)
		s.Body = all[s.Start:len(all):len(all)]
		res.Sections = append(res.Sections, s.Section)
	}
	res.HTML = all
	res.Plain, res.Summary = plainAndSummary(doc, in.Src)
	res.WordCount = countWords(res.Plain)
	res.HasCode = hasFencedCode(doc)
	if shortcodes != nil {
		shortcodes.fill(res)
	}
	return res, nil
}

func htmlSize(sections []renderedSection) int {
	n := 0
	for _, s := range sections {
		n += len(s.heading) + len(s.Body)
	}
	return n
}

var inputKey = parser.NewContextKey()

// position returns where node n starts in the document's file.
func position(in Input, n ast.Node) diag.Pos {
	off := startOffset(n)
	if in.lines == nil {
		in.lines = diag.NewLines(in.Src)
	}
	return in.posAt(in.lines, off)
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

type renderedSection struct {
	Section
	heading []byte
}

// renderSections renders the document's top-level blocks one by one,
// starting a new section at each level-2 heading. The sections' HTML put
// together is the document's HTML. One buffered writer serves every block:
// goldmark would otherwise make a 4 KB one for each.
func (r *Renderer) renderSections(doc ast.Node, in Input) ([]renderedSection, error) {
	sections := []renderedSection{{}}
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	var plain strings.Builder // the current section's text
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		buf.Reset()
		if err := r.md.Renderer().Render(w, in.Src, n); err != nil {
			return nil, fmt.Errorf("render %s: %w", in.File, err)
		}
		if h, ok := n.(*ast.Heading); ok && h.Level == 2 {
			sections[len(sections)-1].Plain = plain.String()
			plain.Reset()
			sections = append(sections, renderedSection{Section: headingSection(h, in), heading: bytes.Clone(buf.Bytes())})
			continue
		}
		cur := &sections[len(sections)-1]
		cur.Body = append(cur.Body, buf.Bytes()...)
		if n.Kind() != ast.KindFencedCodeBlock && n.Kind() != ast.KindHTMLBlock {
			if t := strings.TrimSpace(blockText(n, in.Src)); t != "" {
				addLine(&plain, t)
			}
		}
	}
	sections[len(sections)-1].Plain = plain.String()
	return sections, nil
}

// addLine appends a line of text to b, after a line break unless b is empty.
func addLine(b *strings.Builder, line string) {
	if b.Len() > 0 {
		b.WriteByte('\n')
	}
	b.WriteString(line)
}

func headingSection(h *ast.Heading, in Input) Section {
	s := Section{Title: strings.TrimSpace(inlineText(h, in.Src)), Line: position(in, h).Line}
	if id, ok := h.AttributeString("id"); ok {
		s.ID = string(id.([]byte))
	}
	if class, ok := h.AttributeString("class"); ok {
		if b, ok := class.([]byte); ok {
			s.Classes = strings.Fields(string(b))
		}
	}
	return s
}
