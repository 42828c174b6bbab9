package qr

// Penalty weights of ISO/IEC 18004:2015 §7.8.3.1.
const (
	weightRun     = 3  // N1: a run of five or more modules of one colour
	weightBlock   = 3  // N2: a 2×2 block of one colour
	weightFinder  = 40 // N3: a 1:1:3:1:1 pattern beside four light modules
	weightBalance = 10 // N4: each 5% the dark share strays from 50%
)

// The two 11-module patterns of rule 3 as bits, first module highest:
// dark-light-dark×3-light-dark (1:1:3:1:1) with four light modules after
// or before it.
const (
	finderThenLight = 0b10111010000
	lightThenFinder = 0b00001011101
	window11        = 1<<11 - 1
)

// scorer scores symbols of one size by the four rules of the standard;
// the encoder keeps the mask with the lowest score, so that readers do
// not mistake data for finder patterns and cameras see even contrast. It
// looks at each module once: rows and columns are scored in the same pass,
// each column keeping its current run and its last eleven modules in the
// scorer's state, so one scorer serves the eight masks of a code without
// allocating.
type scorer struct {
	n       int
	colRun  []int    // length of the run ending at the current row, per column
	colBits []uint16 // the column's last eleven modules, per column
}

func newScorer(n int) *scorer {
	return &scorer{n: n, colRun: make([]int, n), colBits: make([]uint16, n)}
}

// runScore is rule 1 for a run that has ended.
func runScore(run int) int {
	if run >= 5 {
		return weightRun + run - 5
	}
	return 0
}

// finderScore is rule 3 for an 11-module window.
func finderScore(bits uint16) int {
	if bits == finderThenLight || bits == lightThenFinder {
		return weightFinder
	}
	return 0
}

// penalty scores cells, an n×n symbol (no quiet zone) row by row.
func (s *scorer) penalty(cells []bool) int {
	n := s.n
	score, dark := 0, 0
	for y := 0; y < n; y++ {
		row := cells[y*n : (y+1)*n]
		var above []bool
		if y > 0 {
			above = cells[(y-1)*n : y*n]
		}
		run, bits := 0, uint16(0)
		for x, d := range row {
			bit := uint16(0)
			if d {
				bit, dark = 1, dark+1
			}
			// The row: rule 1 and rule 3.
			if x > 0 && d == row[x-1] {
				run++
			} else {
				score += runScore(run)
				run = 1
			}
			bits = (bits<<1)&window11 | bit
			if x >= 10 {
				score += finderScore(bits)
			}
			// The column: rule 1 and rule 3; rule 2 with the row above.
			if y > 0 && d == above[x] {
				s.colRun[x]++
				if x > 0 && d == row[x-1] && d == above[x-1] {
					score += weightBlock
				}
			} else {
				score += runScore(s.colRun[x])
				s.colRun[x] = 1
			}
			s.colBits[x] = (s.colBits[x]<<1)&window11 | bit
			if y >= 10 {
				score += finderScore(s.colBits[x])
			}
		}
		score += runScore(run)
	}
	for x := range s.colRun {
		score += runScore(s.colRun[x])
		s.colRun[x], s.colBits[x] = 0, 0
	}
	return score + balanceScore(dark, n*n)
}

// balanceScore is rule 4, the share of dark modules.
func balanceScore(dark, total int) int {
	deviation := dark*100/total - 50
	if deviation < 0 {
		deviation = -deviation
	}
	return weightBalance * (deviation / 5)
}
