package pdf

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/pdfcpu/pdfcpu/pkg/api"
)

// BookletSetting is the printer setting a booklet is imposed for, as the
// catalogue and README state it: every sheet side is upright, so the back
// of a landscape sheet must be turned about its short edge.
const BookletSetting = "in hai mặt, lật theo cạnh ngắn (duplex, flip on short edge)"

// BookletOrder returns the reading-copy page on each half of each sheet
// side of a saddle-stitched booklet of n pages, two pages a side: for side
// k (0-based), [k][0] is the left half and [k][1] the right half; 0 is a
// blank page added to reach a multiple of four.
//
// Sheet s (0 = outermost) has on its front pages N−2s | 2s+1 and on its back
// 2s+2 | N−2s−1, where N is n rounded up to a multiple of four. Printed
// duplex with the flip on the short edge, the back's left half lies behind
// the front's right half, so that folded and stapled the booklet reads
// 1, 2, 3 … N, every page upright.
func BookletOrder(n int) [][2]int {
	total := (n + 3) / 4 * 4
	real := func(p int) int {
		if p > n {
			return 0
		}
		return p
	}
	var sides [][2]int
	for s := 0; s < total/4; s++ {
		sides = append(sides,
			[2]int{real(total - 2*s), real(2*s + 1)},
			[2]int{real(2*s + 2), real(total - 2*s - 1)})
	}
	return sides
}

// Booklet imposes an A5 reading copy for saddle stitching: A4 landscape
// sheet sides with two upright pages each, in [BookletOrder], blank pages
// added at the end to make a multiple of four. The reading copy's outline
// is kept, each bookmark pointing at the half of the sheet side its page
// is on.
func Booklet(pdf []byte) ([]byte, error) {
	n, err := api.PageCount(bytes.NewReader(pdf), pdfcpuConfig())
	if err != nil {
		return nil, fmt.Errorf("booklet: %w", err)
	}
	padded, err := appendBlankPages(pdf, n, (n+3)/4*4-n)
	if err != nil {
		return nil, fmt.Errorf("booklet: %w", err)
	}
	var sequence []string
	at := make(map[int]halfPage) // reading page → where it lands
	blank := n + 1
	for k, halves := range BookletOrder(n) {
		for h, p := range halves {
			if p == 0 {
				p, blank = blank, blank+1
			} else {
				at[p] = halfPage{side: k + 1, right: h == 1}
			}
			sequence = append(sequence, strconv.Itoa(p))
		}
	}
	var collected bytes.Buffer
	if err := api.Collect(bytes.NewReader(padded), &collected, sequence, pdfcpuConfig()); err != nil {
		return nil, fmt.Errorf("booklet: %w", err)
	}
	nup, err := api.PDFNUpConfig(2, "formsize:A4L, orientation:rd, border:off, margin:0, enforce:off", pdfcpuConfig())
	if err != nil {
		return nil, fmt.Errorf("booklet: %w", err)
	}
	var imposed bytes.Buffer
	if err := api.NUp(bytes.NewReader(collected.Bytes()), &imposed, nil, nil, nup, pdfcpuConfig()); err != nil {
		return nil, fmt.Errorf("booklet: %w", err)
	}
	return withOutlineOnSides(pdf, imposed.Bytes(), at)
}

// halfPage is where a reading page lands in a booklet: a sheet side
// (1-based) and its left or right half.
type halfPage struct {
	side  int
	right bool
}

// withOutlineOnSides returns the booklet with the reading copy's outline,
// each bookmark pointing at its page's half of a sheet side.
func withOutlineOnSides(reading, booklet []byte, at map[int]halfPage) ([]byte, error) {
	src, err := api.ReadContext(bytes.NewReader(reading), pdfcpuConfig())
	if err != nil {
		return nil, fmt.Errorf("booklet outline: %w", err)
	}
	if err := src.EnsurePageCount(); err != nil {
		return nil, fmt.Errorf("booklet outline: %w", err)
	}
	items, err := readOutline(src)
	if err != nil || len(items) == 0 {
		return booklet, err
	}
	_, _, first, err := src.PageDict(1, false)
	if err != nil {
		return nil, fmt.Errorf("booklet outline: %w", err)
	}
	halfWidth := first.MediaBox.Width()
	ctx, err := api.ReadAndValidate(bytes.NewReader(booklet), pdfcpuConfig())
	if err == nil {
		err = ctx.EnsurePageCount()
	}
	if err != nil {
		return nil, fmt.Errorf("booklet outline: %w", err)
	}
	if err := writeOutline(ctx, onSides(items, at, halfWidth)); err != nil {
		return nil, fmt.Errorf("booklet outline: %w", err)
	}
	var out bytes.Buffer
	if err := api.WriteContext(ctx, &out); err != nil {
		return nil, fmt.Errorf("booklet outline: %w", err)
	}
	return out.Bytes(), nil
}

// onSides returns the outline with each destination moved to the sheet
// side and half its page is on.
func onSides(items []outlineItem, at map[int]halfPage, halfWidth float64) []outlineItem {
	out := make([]outlineItem, len(items))
	for i, item := range items {
		place := at[item.Page]
		out[i] = outlineItem{Title: item.Title, Page: place.side, Left: item.Left, Top: item.Top, Kids: onSides(item.Kids, at, halfWidth)}
		if place.right {
			out[i].Left += halfWidth
		}
	}
	return out
}

// appendBlankPages returns pdf with count blank pages of its last page's
// size added at the end.
func appendBlankPages(pdf []byte, pages, count int) ([]byte, error) {
	last := []string{strconv.Itoa(pages)}
	for i := 0; i < count; i++ {
		var out bytes.Buffer
		if err := api.InsertPages(bytes.NewReader(pdf), &out, last, false, nil, pdfcpuConfig()); err != nil {
			return nil, fmt.Errorf("add a blank page: %w", err)
		}
		pdf = out.Bytes()
	}
	return pdf, nil
}

// padToEven returns pdf with a blank page added at the end when it has an
// odd number of pages: printed on both sides, every sheet has two.
func padToEven(pdf []byte) ([]byte, error) {
	n, err := api.PageCount(bytes.NewReader(pdf), pdfcpuConfig())
	if err != nil || n%2 == 0 {
		return pdf, err
	}
	return appendBlankPages(pdf, n, 1)
}
