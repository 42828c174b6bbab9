package pdf

import (
	"bytes"
	"fmt"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Press geometry, in millimetres. Bleed is what the theme's press.css adds
// on every side of a page; crop marks start MarkOffset from the trim
// (outside the bleed) and are MarkLength long, in a slug around the bleed.
const (
	Bleed      = 3.0
	MarkOffset = Bleed
	MarkLength = 5.0
	Slug       = MarkLength + 1
	markWidth  = 0.25 // points
)

// pt converts millimetres to PDF points.
func pt(mm float64) float64 { return mm * 72 / 25.4 }

// Folds are where a leaflet's sheet sides are folded, in millimetres from
// the trim's left edge: the outside 97 | 100 | 100 mm, the inside
// 100 | 100 | 97 mm (the theme's print.css lays the panels out so).
var leafletFolds = [][]float64{{97, 197}, {100, 200}}

// foldsOf returns the fold lines of each page of a publication type.
func foldsOf(kind string) [][]float64 {
	if kind == "leaflet" {
		return leafletFolds
	}
	return nil
}

// Press turns a PDF printed at bleed size (the press stylesheet) into a
// press PDF: each page's MediaBox grows by the slug, BleedBox is the
// printed page, TrimBox lies Bleed inside it, crop marks mark the trim in
// the slug, and dashed fold marks (folds[page-1], mm from the trim's left)
// stand in the slug above and below each fold. Marks are drawn in
// registration colour (the Separation "All", on every plate), as a
// press needs to register its plates.
func Press(pdf []byte, folds [][]float64) ([]byte, error) {
	return rewrite(pdf, "press", func(ctx *model.Context) error { return pressPages(ctx, folds) })
}

// pressPages sets the boxes and draws the marks of Press on every page.
func pressPages(ctx *model.Context, folds [][]float64) error {
	if err := ctx.EnsurePageCount(); err != nil {
		return err
	}
	for i := 1; i <= ctx.PageCount; i++ {
		d, _, inh, err := ctx.PageDict(i, false)
		if err != nil {
			return fmt.Errorf("page %d: %w", i, err)
		}
		box := inh.MediaBox
		w, h := box.Width(), box.Height()
		x0, y0 := box.LL.X, box.LL.Y
		b, s := pt(Bleed), pt(Slug)
		d["MediaBox"] = types.NewNumberArray(x0-s, y0-s, x0+w+s, y0+h+s)
		d["CropBox"] = types.NewNumberArray(x0-s, y0-s, x0+w+s, y0+h+s)
		d["BleedBox"] = types.NewNumberArray(x0, y0, x0+w, y0+h)
		d["TrimBox"] = types.NewNumberArray(x0+b, y0+b, x0+w-b, y0+h-b)
		marks := cropMarks(x0+b, y0+b, x0+w-b, y0+h-b)
		if i <= len(folds) {
			marks = append(marks, foldMarks(x0+b, y0+b, y0+h-b, folds[i-1])...)
		}
		if err := useRegistration(ctx, d, inh); err != nil {
			return fmt.Errorf("page %d: registration colour: %w", i, err)
		}
		if err := addMarks(ctx, d, marks); err != nil {
			return fmt.Errorf("page %d: crop marks: %w", i, err)
		}
	}
	return nil
}

// rewrite reads pdf, applies the steps to it in order and writes it: one
// parse and one write however many steps a finishing stage chains.
func rewrite(pdf []byte, what string, steps ...func(*model.Context) error) ([]byte, error) {
	ctx, err := api.ReadContext(bytes.NewReader(pdf), pdfcpuConfig())
	if err != nil {
		return nil, fmt.Errorf("read PDF for %s: %w", what, err)
	}
	for _, step := range steps {
		if err := step(ctx); err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
	}
	var out bytes.Buffer
	if err := api.WriteContext(ctx, &out); err != nil {
		return nil, fmt.Errorf("write %s PDF: %w", what, err)
	}
	return out.Bytes(), nil
}

// addMarks draws marks over a page in its default coordinates. Chromium's
// content changes the coordinate system without restoring it, so the page's
// content is first wrapped in q … Q.
func addMarks(ctx *model.Context, page types.Dict, marks []byte) error {
	save, err := ctx.XRefTable.NewStreamDictForBuf([]byte("q\n"))
	if err == nil {
		err = save.Encode()
	}
	if err != nil {
		return err
	}
	ref, err := ctx.XRefTable.IndRefForNewObject(*save)
	if err != nil {
		return err
	}
	contents := types.Array{*ref}
	switch c := page["Contents"].(type) {
	case types.Array:
		contents = append(contents, c...)
	case types.IndirectRef:
		contents = append(contents, c)
	default:
		return fmt.Errorf("page contents of an unexpected kind: %T", c)
	}
	page["Contents"] = contents
	return ctx.XRefTable.AppendContent(page, append([]byte("\nQ"), marks...))
}

// cropMarks draws, at each corner of the trim box (x0 y0)–(x1 y1), one
// horizontal and one vertical line in line with the trim edges, starting
// MarkOffset outside it, in registration black.
func cropMarks(x0, y0, x1, y1 float64) []byte {
	off, l := pt(MarkOffset), pt(MarkLength)
	var b bytes.Buffer
	fmt.Fprintf(&b, "\nq %.2f w /%s CS 1 SCN\n", markWidth, registration)
	line := func(xa, ya, xb, yb float64) { fmt.Fprintf(&b, "%.3f %.3f m %.3f %.3f l S\n", xa, ya, xb, yb) }
	for _, x := range []float64{x0, x1} {
		line(x, y0-off, x, y0-off-l) // below the bottom edge
		line(x, y1+off, x, y1+off+l) // above the top edge
	}
	for _, y := range []float64{y0, y1} {
		line(x0-off, y, x0-off-l, y) // left of the left edge
		line(x1+off, y, x1+off+l, y) // right of the right edge
	}
	b.WriteString("Q\n")
	return b.Bytes()
}

// foldMarks draws a dashed line at each fold x (mm from the trim's left
// edge x0), in the slug above the trim's top y1 and below its bottom y0.
func foldMarks(x0, y0, y1 float64, folds []float64) []byte {
	off, l := pt(MarkOffset), pt(MarkLength)
	var b bytes.Buffer
	fmt.Fprintf(&b, "\nq %.2f w [2 1.5] 0 d /%s CS 1 SCN\n", markWidth, registration)
	for _, f := range folds {
		x := x0 + pt(f)
		fmt.Fprintf(&b, "%.3f %.3f m %.3f %.3f l S\n", x, y0-off, x, y0-off-l)
		fmt.Fprintf(&b, "%.3f %.3f m %.3f %.3f l S\n", x, y1+off, x, y1+off+l)
	}
	b.WriteString("Q\n")
	return b.Bytes()
}

// registration is the page resource name of the registration colour.
const registration = "BantinRegistration"

// useRegistration adds the registration colour space to the page's own
// resources: [/Separation /All /DeviceCMYK f], f mapping tint 1 to 100 %
// of every ink.
func useRegistration(ctx *model.Context, page types.Dict, inh *model.InheritedPageAttrs) error {
	res, err := ctx.DereferenceDict(page["Resources"])
	if err != nil {
		return err
	}
	if res == nil {
		res = inh.Resources.Clone().(types.Dict)
	}
	spaces, err := ctx.DereferenceDict(res["ColorSpace"])
	if err != nil {
		return err
	}
	if spaces == nil {
		spaces = types.Dict{}
	}
	tint := types.Dict{
		"FunctionType": types.Integer(2), "Domain": types.NewNumberArray(0, 1),
		"C0": types.NewNumberArray(0, 0, 0, 0), "C1": types.NewNumberArray(1, 1, 1, 1), "N": types.Integer(1),
	}
	spaces[registration] = types.Array{types.Name("Separation"), types.Name("All"), types.Name("DeviceCMYK"), tint}
	res["ColorSpace"] = spaces
	page["Resources"] = res
	return nil
}
