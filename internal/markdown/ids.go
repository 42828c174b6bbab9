package markdown

import (
	"strconv"
	"strings"

	"bantin/internal/vi"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// ReservedIDs are the ids the default theme gives parts of its pages (the
// tools box, related lists, the search form). No automatic heading ID takes
// one: a heading "Tiện ích" becomes tien-ich-1. A test in internal/layout
// keeps this list equal to the ids in the theme's templates.
var ReservedIDs = []string{"header-q", "lien-quan", "noi-dung", "search-help", "search-q", "search-results", "tien-ich", "tin-khac", "tin-moi", "trong-so-nay"}

// generatedMark starts the placeholder IDs that goldmark gets while it
// parses; headingIDTransformer replaces them once the whole document, and
// every explicit {#id} in it, is known.
const generatedMark = "\x00auto-"

// headingIDs implements parser.IDs. Goldmark asks it for a heading's ID as
// soon as the heading is parsed, before it has seen the headings below;
// so it hands out placeholders and records the explicit IDs ({#cau-3}),
// and headingIDTransformer assigns the real IDs afterwards.
type headingIDs struct {
	generated int
	others    vi.Slugger // IDs of nodes that are not headings
}

func newHeadingIDs() *headingIDs { return &headingIDs{} }

func (h *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	if kind != ast.KindHeading {
		return []byte(h.others.Unique(string(value), "muc"))
	}
	h.generated++
	return []byte(generatedMark + strconv.Itoa(h.generated))
}

func (h *headingIDs) Put(value []byte) {}

// headingIDTransformer gives every heading its final ID: explicit IDs stay
// as written (a repeat gets -1, -2 …); every other heading gets the
// Vietnamese slug of its text — the text only, not the URLs of links in
// it — made unique against the explicit IDs, the theme's ReservedIDs and
// the headings before it.
type headingIDTransformer struct{}

func (headingIDTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var headings []*ast.Heading
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			headings = append(headings, h)
		}
		return ast.WalkContinue, nil
	})
	slugger := newPageSlugger()
	if lc, _ := pc.Get(inputKey).(*linkContext); lc != nil && lc.in.slugs != nil {
		slugger = lc.in.slugs // shared with the page's {{% %}} pairs
	}
	for _, h := range headings {
		if id, ok := headingID(h); ok && !strings.HasPrefix(id, generatedMark) {
			h.SetAttributeString("id", []byte(slugger.Reserve(id)))
		}
	}
	for _, h := range headings {
		if id, ok := headingID(h); ok && strings.HasPrefix(id, generatedMark) {
			h.SetAttributeString("id", []byte(slugger.Unique(inlineText(h, src), "tieu-de")))
		}
	}
}

// newPageSlugger makes the heading IDs of one page unique, and different
// from the theme's ReservedIDs.
func newPageSlugger() *vi.Slugger {
	var slugger vi.Slugger
	for _, id := range ReservedIDs {
		slugger.Reserve(id)
	}
	return &slugger
}

func headingID(h *ast.Heading) (string, bool) {
	v, ok := h.AttributeString("id")
	if !ok {
		return "", false
	}
	b, ok := v.([]byte)
	return string(b), ok
}

// allHeadingIDs lists the id of every heading of doc, in order.
func allHeadingIDs(doc ast.Node) []string {
	var ids []string
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			if id, ok := headingID(h); ok {
				ids = append(ids, id)
			}
		}
		return ast.WalkContinue, nil
	})
	return ids
}
