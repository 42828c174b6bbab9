package pdf

import (
	"bytes"
	"fmt"
	"strconv"

	"bantin/internal/cmyk"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// contentStreams rewrites the colours of every content stream: pages',
// form XObjects' (appearance streams among them) and tiling patterns'.
func (c *colourConversion) contentStreams() error {
	table := c.ctx.XRefTable.Table
	for _, nr := range drawingStreams(c.ctx) {
		sd := table[nr].Object.(types.StreamDict)
		if err := sd.Decode(); err != nil {
			return fmt.Errorf("content stream (object %d): %w", nr, err)
		}
		content, err := c.rewrite(sd.Content)
		if err != nil {
			return fmt.Errorf("content stream (object %d): %w", nr, err)
		}
		if bytes.Equal(content, sd.Content) {
			continue
		}
		sd.Content = content
		if len(sd.FilterPipeline) == 0 {
			sd.FilterPipeline = []types.PDFFilter{{Name: "FlateDecode"}}
			sd.Dict["Filter"] = types.Name("FlateDecode")
		}
		if err := sd.Encode(); err != nil {
			return err
		}
		sd.Dict["Length"] = types.Integer(len(sd.Raw))
		table[nr].Object = sd
	}
	return nil
}

// drawingStreams are the object numbers of the document's content
// streams, in order.
func drawingStreams(ctx *model.Context) []int {
	pageContent := map[int]bool{}
	for _, nr := range objectNumbers(ctx) {
		d, ok := ctx.XRefTable.Table[nr].Object.(types.Dict)
		if !ok || d.Type() == nil || *d.Type() != "Page" {
			continue
		}
		refs := types.Array{d["Contents"]}
		if a, ok := d["Contents"].(types.Array); ok {
			refs = a
		}
		for _, r := range refs {
			if ref, ok := r.(types.IndirectRef); ok {
				pageContent[ref.ObjectNumber.Value()] = true
			}
		}
	}
	var nrs []int
	for _, nr := range objectNumbers(ctx) {
		sd, ok := ctx.XRefTable.Table[nr].Object.(types.StreamDict)
		if !ok {
			continue
		}
		sub, pat := sd.Dict.NameEntry("Subtype"), sd.Dict.IntEntry("PatternType")
		if pageContent[nr] || (sub != nil && *sub == "Form") || (pat != nil && *pat == 1) {
			nrs = append(nrs, nr)
		}
	}
	return nrs
}

// operand is a number or name before an operator, and where it lies.
type operand struct {
	text       string
	isName     bool
	start, end int
}

// colourState is whether the current fill and stroke colour spaces were
// RGB (their components must become four).
type colourState struct{ fillRGB, strokeRGB bool }

// rewrite returns content with every RGB colour operator replaced by its
// CMYK equivalent.
func (c *colourConversion) rewrite(content []byte) ([]byte, error) {
	var out bytes.Buffer
	copied := 0
	replace := func(from, to int, text string) {
		out.Write(content[copied:from])
		out.WriteString(text)
		copied = to
	}
	var ops []operand
	state, stack := colourState{}, []colourState{}
	inlineImage := false
	lex := lexer{src: content}
	for {
		tok, kind := lex.next()
		if kind == tokEOF {
			break
		}
		switch kind {
		case tokNumber, tokName:
			ops = append(ops, operand{tok, kind == tokName, lex.start, lex.pos})
			if inlineImage && kind == tokName && (tok == "RGB" || tok == "DeviceRGB" || c.rgbNames[tok]) {
				return nil, fmt.Errorf("an inline image in RGB is not supported")
			}
			continue
		case tokOther:
			continue
		}
		switch tok {
		case "q":
			stack = append(stack, state)
		case "Q":
			if len(stack) > 0 {
				state, stack = stack[len(stack)-1], stack[:len(stack)-1]
			}
		case "BI":
			inlineImage = true
		case "EI":
			inlineImage = false
		case "rg", "RG":
			if text, ok := cmykOperator(ops, tok == "rg"); ok {
				replace(ops[len(ops)-3].start, lex.pos, text)
			}
		case "cs", "CS":
			if len(ops) == 1 && ops[0].isName {
				rgb := ops[0].text == "DeviceRGB" || c.rgbNames[ops[0].text]
				if tok == "cs" {
					state.fillRGB = rgb
				} else {
					state.strokeRGB = rgb
				}
				if ops[0].text == "DeviceRGB" {
					replace(ops[0].start, ops[0].end, "/DeviceCMYK")
				}
			}
		case "sc", "scn", "SC", "SCN":
			fill := tok == "sc" || tok == "scn"
			if (fill && state.fillRGB) || (!fill && state.strokeRGB) {
				text, ok := cmykComponents(ops)
				if !ok {
					return nil, fmt.Errorf("%s with %d operands in an RGB colour space", tok, len(ops))
				}
				replace(ops[len(ops)-3].start, ops[len(ops)-1].end, text)
			}
		}
		ops = ops[:0]
	}
	if copied == 0 {
		return content, nil
	}
	out.Write(content[copied:])
	return out.Bytes(), nil
}

// cmykOperator is the k or K operator that replaces "r g b rg" or RG.
func cmykOperator(ops []operand, fill bool) (string, bool) {
	text, ok := cmykComponents(ops)
	if !ok {
		return "", false
	}
	if fill {
		return text + " k", true
	}
	return text + " K", true
}

// cmykComponents converts the last three numeric operands (RGB) to four.
func cmykComponents(ops []operand) (string, bool) {
	if len(ops) < 3 {
		return "", false
	}
	var rgb [3]float64
	for i, o := range ops[len(ops)-3:] {
		v, err := strconv.ParseFloat(o.text, 64)
		if o.isName || err != nil {
			return "", false
		}
		rgb[i] = v
	}
	cc, m, y, k := cmyk.RGB(rgb[0], rgb[1], rgb[2])
	return formatNumber(cc) + " " + formatNumber(m) + " " + formatNumber(y) + " " + formatNumber(k), true
}
