package qr

import (
	"rsc.io/qr/coding"
)

// The encoder as it was before mask scoring went to one pass: each mask
// encoded whole by coding.Plan.Encode (error correction recomputed eight
// times), unpacked with its transpose, and scored rule by rule, row by row
// then column by column. It is the reference the present encoder must
// agree with (TestAgreesWithReference) and the "before" of BenchmarkNew.

func referenceNew(text string, level Level) (*Code, error) {
	enc := encodingOf(text)
	l := level.coding()
	v := coding.Version(coding.MinVersion)
	for ; enc.Bits(v) > v.DataBytes(l)*8; v++ {
	}
	size := 17 + 4*int(v)
	cur, tr, best := make([]bool, size*size), make([]bool, size*size), make([]bool, size*size)
	bestMask, bestPenalty := 0, -1
	for mask := 0; mask < 8; mask++ {
		plan, err := planFor(v, l, coding.Mask(mask))
		if err != nil {
			return nil, err
		}
		cc, err := plan.Encode(enc)
		if err != nil {
			return nil, err
		}
		referenceUnpack(cc, cur, tr)
		if p := referencePenalty(cur, tr, size); bestPenalty < 0 || p < bestPenalty {
			bestMask, bestPenalty = mask, p
			copy(best, cur)
		}
	}
	return (&Code{Text: text, Level: level, Version: int(v), Mask: bestMask}).withModules(symbolOf(best, size)), nil
}

func referenceUnpack(cc *coding.Code, cells, transposed []bool) {
	n := cc.Size
	for y := 0; y < n; y++ {
		row := cc.Bitmap[y*cc.Stride:]
		for x := 0; x < n; x++ {
			dark := row[x>>3]&(0x80>>(x&7)) != 0
			cells[y*n+x] = dark
			transposed[x*n+y] = dark
		}
	}
}

func referencePenalty(cells, transposed []bool, n int) int {
	score := referenceBlockPenalty(cells, n) + referenceBalancePenalty(cells)
	for _, lines := range [][]bool{cells, transposed} {
		for i := 0; i < n; i++ {
			line := lines[i*n : (i+1)*n]
			score += referenceRunPenalty(line) + referenceFinderPenalty(line)
		}
	}
	return score
}

func referenceRunPenalty(line []bool) int {
	score, run := 0, 1
	for i := 1; i <= len(line); i++ {
		if i < len(line) && line[i] == line[i-1] {
			run++
			continue
		}
		if run >= 5 {
			score += weightRun + run - 5
		}
		run = 1
	}
	return score
}

func referenceBlockPenalty(cells []bool, n int) int {
	score := 0
	for y := 0; y+1 < n; y++ {
		top, bottom := cells[y*n:(y+1)*n], cells[(y+1)*n:(y+2)*n]
		for x := 0; x+1 < n; x++ {
			c := top[x]
			if top[x+1] == c && bottom[x] == c && bottom[x+1] == c {
				score += weightBlock
			}
		}
	}
	return score
}

func referenceFinderPenalty(line []bool) int {
	score, bits := 0, 0
	for i, dark := range line {
		bits = (bits << 1) & window11
		if dark {
			bits |= 1
		}
		if i >= 10 && (bits == finderThenLight || bits == lightThenFinder) {
			score += weightFinder
		}
	}
	return score
}

func referenceBalancePenalty(cells []bool) int {
	dark := 0
	for _, d := range cells {
		if d {
			dark++
		}
	}
	deviation := dark*100/len(cells) - 50
	if deviation < 0 {
		deviation = -deviation
	}
	return weightBalance * (deviation / 5)
}

// symbolOf reads cells, n×n row by row, into a symbol.
func symbolOf(cells []bool, n int) *symbol {
	s := newSymbol(n)
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			s.set(x, y, cells[y*n+x])
		}
	}
	return s
}
