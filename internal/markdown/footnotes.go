package markdown

import (
	"strconv"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// footnotePrefixAttr is the document attribute that holds the prefix of
// its footnote ids: "" for a page, "k1-", "k2-" … for the {{% %}} pairs
// rendered for it, so that a footnote in a note and one outside it never
// share the id fn:1.
const footnotePrefixAttr = "bantin-footnote-prefix"

// footnoteIDPrefix is goldmark's footnote IDPrefixFunction: the prefix set
// on the node's document.
func footnoteIDPrefix(n ast.Node) []byte {
	doc := n.OwnerDocument()
	if doc == nil {
		return nil
	}
	if v, ok := doc.AttributeString(footnotePrefixAttr); ok {
		b, _ := v.([]byte)
		return b
	}
	return nil
}

// footnotePrefixTransformer sets the prefix of an inner document.
type footnotePrefixTransformer struct{}

func (footnotePrefixTransformer) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	if lc, _ := pc.Get(inputKey).(*linkContext); lc != nil && lc.in.inner > 0 {
		doc.SetAttributeString(footnotePrefixAttr, []byte("k"+strconv.Itoa(lc.in.inner)+"-"))
	}
}
