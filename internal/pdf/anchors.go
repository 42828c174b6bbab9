package pdf

import (
	"bytes"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// anchorPages returns a printed PDF's page count and the page each named
// destination lands on. Chromium names a destination after each element id
// that a link of the page points to ("cau-3", "bai-2"), in the catalog's
// Dests dictionary.
func anchorPages(pdf []byte) (int, map[string]int, error) {
	ctx, err := api.ReadContext(bytes.NewReader(pdf), pdfcpuConfig())
	if err == nil {
		err = ctx.EnsurePageCount()
	}
	if err != nil {
		return 0, nil, err
	}
	pages := map[string]int{}
	root, err := ctx.Catalog()
	if err != nil {
		return 0, nil, err
	}
	dests, _ := ctx.DereferenceDict(root["Dests"])
	for name, o := range dests {
		if page := destPage(ctx, o); page > 0 {
			pages[name] = page
		}
	}
	return ctx.PageCount, pages, nil
}

// destPage is the page number a destination ([page /XYZ …], or a dict
// with /D) points at, or 0.
func destPage(ctx *model.Context, o types.Object) int {
	if d, err := ctx.DereferenceDict(o); err == nil && d != nil {
		o = d["D"]
	}
	a, err := ctx.DereferenceArray(o)
	if err != nil || len(a) == 0 {
		return 0
	}
	ref, ok := a[0].(types.IndirectRef)
	if !ok {
		return 0
	}
	n, err := ctx.PageNumber(ref.ObjectNumber.Value())
	if err != nil {
		return 0
	}
	return n
}
