package pdf

import (
	"bytes"
	"encoding/hex"
	"fmt"

	"github.com/pdfcpu/pdfcpu/pkg/api"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// outlineItem is one bookmark: its title and where it points (a 1-based
// page and the point of that page shown at the window's top left).
type outlineItem struct {
	Title     string
	Page      int
	Left, Top float64
	Kids      []outlineItem
}

// maxOutlineDepth bounds the outline walk against cyclic or hostile trees.
const maxOutlineDepth = 16

// readOutline returns the document outline of ctx (nil when it has none).
func readOutline(ctx *model.Context) ([]outlineItem, error) {
	root, err := ctx.Catalog()
	if err != nil {
		return nil, err
	}
	outlines, err := ctx.DereferenceDict(root["Outlines"])
	if err != nil || outlines == nil {
		return nil, err
	}
	return readOutlineItems(ctx, outlines["First"], 0)
}

func readOutlineItems(ctx *model.Context, first types.Object, depth int) ([]outlineItem, error) {
	if depth > maxOutlineDepth {
		return nil, fmt.Errorf("outline nested more than %d deep", maxOutlineDepth)
	}
	var items []outlineItem
	seen := map[int]bool{}
	for next := first; next != nil; {
		ref, ok := next.(types.IndirectRef)
		if !ok || seen[ref.ObjectNumber.Value()] {
			break
		}
		seen[ref.ObjectNumber.Value()] = true
		d, err := ctx.DereferenceDict(ref)
		if err != nil || d == nil {
			return nil, fmt.Errorf("outline item %s: %v", ref, err)
		}
		item, err := readOutlineItem(ctx, d)
		if err != nil {
			return nil, err
		}
		if item.Kids, err = readOutlineItems(ctx, d["First"], depth+1); err != nil {
			return nil, err
		}
		items = append(items, item)
		next = d["Next"]
	}
	return items, nil
}

func readOutlineItem(ctx *model.Context, d types.Dict) (outlineItem, error) {
	var item outlineItem
	if title, err := types.StringOrHexLiteral(d["Title"]); err == nil && title != nil {
		item.Title = *title
	}
	dest, err := ctx.DereferenceArray(d["Dest"])
	if err != nil || len(dest) < 1 {
		return item, nil // an action or named destination: kept without a page
	}
	if ref, ok := dest[0].(types.IndirectRef); ok {
		if item.Page, err = ctx.PageNumber(ref.ObjectNumber.Value()); err != nil {
			return item, err
		}
	}
	if len(dest) >= 4 {
		item.Left, item.Top = number(dest[2]), number(dest[3])
	}
	return item, nil
}

// number returns a PDF number as a float (0 for anything else).
func number(o types.Object) float64 {
	switch v := o.(type) {
	case types.Integer:
		return float64(v)
	case types.Float:
		return float64(v)
	}
	return 0
}

// writeOutline replaces the document outline of ctx with items.
func writeOutline(ctx *model.Context, items []outlineItem) error {
	root, err := ctx.Catalog()
	if err != nil {
		return err
	}
	if len(items) == 0 {
		delete(root, "Outlines")
		return nil
	}
	outlines := types.Dict{"Type": types.Name("Outlines")}
	ref, err := ctx.IndRefForNewObject(outlines)
	if err != nil {
		return err
	}
	first, last, count, err := writeOutlineItems(ctx, items, *ref)
	if err != nil {
		return err
	}
	outlines["First"], outlines["Last"], outlines["Count"] = *first, *last, types.Integer(count)
	root["Outlines"] = *ref
	return nil
}

// writeOutlineItems writes items as siblings under parent, open, and
// returns the first and last and how many items they show.
func writeOutlineItems(ctx *model.Context, items []outlineItem, parent types.IndirectRef) (first, last *types.IndirectRef, count int, err error) {
	var prev types.Dict
	for _, item := range items {
		d := types.Dict{"Title": types.HexLiteral(hex.EncodeToString([]byte(types.EncodeUTF16String(item.Title)))), "Parent": parent}
		if item.Page > 0 {
			page, err := ctx.PageDictIndRef(item.Page)
			if err != nil {
				return nil, nil, 0, err
			}
			d["Dest"] = types.Array{*page, types.Name("XYZ"), types.Float(item.Left), types.Float(item.Top), types.Integer(0)}
		}
		ref, err := ctx.IndRefForNewObject(d)
		if err != nil {
			return nil, nil, 0, err
		}
		if len(item.Kids) > 0 {
			kidFirst, kidLast, kids, err := writeOutlineItems(ctx, item.Kids, *ref)
			if err != nil {
				return nil, nil, 0, err
			}
			d["First"], d["Last"], d["Count"] = *kidFirst, *kidLast, types.Integer(kids)
			count += kids
		}
		if prev != nil {
			prev["Next"], d["Prev"] = *ref, *last
		} else {
			first = ref
		}
		prev, last = d, ref
		count++
	}
	return first, last, count, nil
}

// withHeadingTitles returns pdf with its bookmarks named by headings, the
// page's headings in document order as the print check read them.
// Chromium names a bookmark by the heading's text runs, dropping the
// space where a heading wraps and repeating a heading split over two
// pages; the headings read in the page are the true names. When the
// outline does not have one bookmark per heading it is left as it is.
func withHeadingTitles(pdf []byte, headings []string) ([]byte, error) {
	ctx, err := api.ReadAndValidate(bytes.NewReader(pdf), pdfcpuConfig())
	if err != nil {
		return nil, fmt.Errorf("outline: %w", err)
	}
	items, err := readOutline(ctx)
	if err != nil || countItems(items) != len(headings) || len(headings) == 0 {
		return pdf, err
	}
	rest := headings
	var rename func([]outlineItem)
	rename = func(items []outlineItem) {
		for i := range items {
			items[i].Title, rest = rest[0], rest[1:]
			rename(items[i].Kids)
		}
	}
	rename(items)
	if err := writeOutline(ctx, items); err != nil {
		return nil, fmt.Errorf("outline: %w", err)
	}
	var out bytes.Buffer
	if err := api.WriteContext(ctx, &out); err != nil {
		return nil, fmt.Errorf("outline: %w", err)
	}
	return out.Bytes(), nil
}

func countItems(items []outlineItem) int {
	n := len(items)
	for _, item := range items {
		n += countItems(item.Kids)
	}
	return n
}
