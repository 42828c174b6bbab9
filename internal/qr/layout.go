package qr

import (
	"sync"

	"rsc.io/qr/coding"
)

// layout is a coding plan made ready to place codewords many times: the
// symbol as the plan draws it before any data (function patterns, format
// and version bits, and the mask's inversions of data modules), and, for
// each data or check module, where it is and which codeword bit flips it.
// coding.Plan.Encode walks every module and decodes its role for each
// code; a layout is made once per version, level and mask.
type layout struct {
	base  *symbol
	flips []flip
}

// flip is one data or check module: codeword bit offset, and place.
type flip struct {
	offset uint32
	x, y   uint16
}

var layouts sync.Map // planKey → *layout

func layoutFor(v coding.Version, l coding.Level, mask coding.Mask) (*layout, error) {
	key := planKey{v, l, mask}
	if lay, ok := layouts.Load(key); ok {
		return lay.(*layout), nil
	}
	plan, err := planFor(v, l, mask)
	if err != nil {
		return nil, err
	}
	lay := &layout{base: newSymbol(len(plan.Pixel))}
	for y, row := range plan.Pixel {
		for x, pix := range row {
			lay.base.set(x, y, pix&coding.Black != 0)
			if r := pix.Role(); r == coding.Data || r == coding.Check {
				lay.flips = append(lay.flips, flip{uint32(pix.Offset()), uint16(x), uint16(y)})
			}
		}
	}
	layouts.Store(key, lay)
	return lay, nil
}

// place draws into s the symbol holding codewords, as
// coding.Plan.Encode draws it: a data or check module is the plan's
// module flipped when its bit is set.
func (lay *layout) place(codewords []byte, s *symbol) {
	copy(s.rows, lay.base.rows)
	copy(s.cols, lay.base.cols)
	for _, f := range lay.flips {
		if codewords[f.offset/8]&(1<<(7-f.offset&7)) != 0 {
			s.rows[f.y][f.x/64] ^= 1 << (f.x % 64)
			s.cols[f.x][f.y/64] ^= 1 << (f.y % 64)
		}
	}
}
