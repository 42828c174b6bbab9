package markdown

import (
	"bantin/internal/vi"

	"github.com/yuin/goldmark/ast"
)

// headingIDs implements parser.IDs with the Vietnamese slugger, so that
// "Đường đi" becomes "duong-di" (goldmark's default drops non-ASCII bytes).
type headingIDs struct {
	slugger vi.Slugger
}

func newHeadingIDs() *headingIDs { return &headingIDs{} }

func (h *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	fallback := "muc"
	if kind == ast.KindHeading {
		fallback = "tieu-de"
	}
	return []byte(h.slugger.Unique(string(value), fallback))
}

func (h *headingIDs) Put(value []byte) {
	h.slugger.Reserve(string(value))
}
