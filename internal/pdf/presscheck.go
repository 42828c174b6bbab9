package pdf

import (
	"fmt"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// rgbLeft lists what in a document still paints in RGB: colour spaces
// (DeviceRGB, CalRGB, three-component ICC-based) anywhere in its objects,
// and rg/RG operators or a DeviceRGB colour space set in its content
// streams. A press copy must have none.
func rgbLeft(ctx *model.Context) []string {
	conv := colourConversion{ctx: ctx}
	var left []string
	used := reachable(ctx)
	for _, nr := range objectNumbers(ctx) {
		if !used[nr] {
			continue // left behind by the conversion; not written
		}
		o := ctx.XRefTable.Table[nr].Object
		if sd, ok := o.(types.StreamDict); ok {
			o = sd.Dict
		}
		if where := rgbIn(&conv, o, ""); where != "" {
			left = append(left, fmt.Sprintf("object %d %s", nr, where))
		}
	}
	for _, nr := range drawingStreams(ctx) {
		if !used[nr] {
			continue
		}
		sd := ctx.XRefTable.Table[nr].Object.(types.StreamDict)
		if err := sd.Decode(); err != nil {
			left = append(left, fmt.Sprintf("object %d: unreadable content: %v", nr, err))
			continue
		}
		if op := rgbOperator(sd.Content); op != "" {
			left = append(left, fmt.Sprintf("object %d: %s in its content", nr, op))
		}
	}
	return left
}

// rgbIn finds an RGB colour space in o, returning where ("" for none).
func rgbIn(conv *colourConversion, o types.Object, path string) string {
	switch x := o.(type) {
	case types.Name:
		if x == "DeviceRGB" || x == "CalRGB" {
			return path + " /" + string(x)
		}
	case types.Array:
		if rgb, _ := conv.isRGB(x); rgb {
			return path + " " + x.PDFString()
		}
		for i, v := range x {
			if w := rgbIn(conv, v, fmt.Sprintf("%s[%d]", path, i)); w != "" {
				return w
			}
		}
	case types.Dict:
		for k, v := range x {
			if w := rgbIn(conv, v, path+"/"+k); w != "" {
				return w
			}
		}
	}
	return ""
}

// rgbOperator returns the first RGB colour operator of a content stream.
func rgbOperator(content []byte) string {
	lex := lexer{src: content}
	last := ""
	for {
		tok, kind := lex.next()
		switch {
		case kind == tokEOF:
			return ""
		case kind == tokOperator && (tok == "rg" || tok == "RG"):
			return tok
		case kind == tokOperator && (tok == "cs" || tok == "CS") && last == "DeviceRGB":
			return "/DeviceRGB " + tok
		case kind == tokName:
			last = tok
			continue
		}
		if kind == tokOperator {
			last = ""
		}
	}
}

// reachable are the numbers of the objects a walk from the trailer's
// catalog and information dictionary meets.
func reachable(ctx *model.Context) map[int]bool {
	seen := map[int]bool{}
	var walk func(o types.Object)
	walk = func(o types.Object) {
		switch x := o.(type) {
		case types.IndirectRef:
			nr := x.ObjectNumber.Value()
			if seen[nr] {
				return
			}
			seen[nr] = true
			if e, ok := ctx.XRefTable.Table[nr]; ok && e != nil {
				walk(e.Object)
			}
		case types.Dict:
			for _, v := range x {
				walk(v)
			}
		case types.StreamDict:
			walk(x.Dict)
		case types.Array:
			for _, v := range x {
				walk(v)
			}
		}
	}
	if ctx.XRefTable.Root != nil {
		walk(*ctx.XRefTable.Root)
	}
	if ctx.XRefTable.Info != nil {
		walk(*ctx.XRefTable.Info)
	}
	return seen
}
