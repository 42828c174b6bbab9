package qr

import "math/bits"

// Penalty weights of ISO/IEC 18004:2015 §7.8.3.1.
const (
	weightRun     = 3  // N1: a run of five or more modules of one colour
	weightBlock   = 3  // N2: a 2×2 block of one colour
	weightFinder  = 40 // N3: a 1:1:3:1:1 pattern beside four light modules
	weightBalance = 10 // N4: each 5% the dark share strays from 50%
)

// The two 11-module patterns of rule 3, first module highest:
// dark-light-dark×3-light-dark (1:1:3:1:1) with four light modules after
// or before it (the reference scorer's rolling window uses them; finders
// spells them out).
const (
	finderThenLight = 0b10111010000
	lightThenFinder = 0b00001011101
	window11        = 1<<11 - 1
)

// lineWords is enough 64-bit words for a row or column of the largest
// symbol (177 modules).
const lineWords = 3

// line is a row or column of a symbol as bits: module i is bit i%64 of
// word i/64, set when dark.
type line [lineWords]uint64

// symbol is a symbol's modules as bits, by row and by column, so that
// every rule is scored on 64 modules at a time.
type symbol struct {
	n, words   int // modules and words of a line
	rows, cols []line
	valid      line // the n bits of a line
}

func newSymbol(n int) *symbol {
	s := &symbol{n: n, words: (n + 63) / 64, rows: make([]line, n), cols: make([]line, n)}
	for i := 0; i < n; i++ {
		s.valid[i/64] |= 1 << (i % 64)
	}
	return s
}

// set makes the module at (x, y) dark when dark is true (a new symbol is
// all light).
func (s *symbol) set(x, y int, dark bool) {
	if dark {
		s.rows[y][x/64] |= 1 << (x % 64)
		s.cols[x][y/64] |= 1 << (y % 64)
	}
}

func (s *symbol) dark(x, y int) bool { return s.rows[y][x/64]&(1<<(x%64)) != 0 }

// next is word w+1 of l, 0 past its end: the bits a shift down brings in.
func next(l *line, w int) uint64 {
	if w+1 < lineWords {
		return l[w+1]
	}
	return 0
}

// down is the word of bits i+k, for i in the word lo (hi the next word).
func down(lo, hi uint64, k uint) uint64 { return lo>>k | hi<<(64-k) }

// penalty scores the symbol by the four rules of the standard; the
// encoder keeps the mask with the lowest score, so that readers do not
// mistake data for finder patterns and cameras see even contrast.
func (s *symbol) penalty() int {
	score, dark := 0, 0
	for y := 0; y < s.n; y++ {
		row := &s.rows[y]
		for w := 0; w < s.words; w++ {
			dark += bits.OnesCount64(row[w])
		}
		score += s.linePenalty(row) + s.linePenalty(&s.cols[y])
		if y+1 < s.n {
			score += s.blockPenalty(row, &s.rows[y+1])
		}
	}
	return score + balancePenalty(dark, s.n*s.n)
}

// linePenalty is rules 1 and 3 on one row or column, a word of 64
// modules at a time.
func (s *symbol) linePenalty(l *line) int {
	score := 0
	var lastDark, lastLight uint64 // the previous word's windows of five
	for w := 0; w < s.words; w++ {
		d, dn := l[w], next(l, w)
		lt, ltn := s.valid[w]&^d, next(&s.valid, w)&^dn
		var score1 int
		score1, lastDark = runs(d, dn, lastDark)
		score += score1
		score1, lastLight = runs(lt, ltn, lastLight)
		score += score1
		score += weightFinder * finders(d, dn, lt, ltn)
	}
	return score
}

// runs is rule 1 for the runs of set bits of one word (next, the word
// after it; last, the windows of the word before): a run of length
// L ≥ 5 scores 3 + (L − 5), which is the number of windows of five set
// bits it holds (L − 4) plus 2 for the run. It returns the word's windows
// too.
func runs(set, next, last uint64) (int, uint64) {
	w5 := set & down(set, next, 1) & down(set, next, 2) & down(set, next, 3) & down(set, next, 4)
	starts := w5 &^ (w5<<1 | last>>63)
	return bits.OnesCount64(w5) + 2*bits.OnesCount64(starts), w5
}

// finders counts where the two 11-module patterns of rule 3 start in one
// word of a line. Bits past the line's end are neither dark nor light, so
// no pattern runs off it.
func finders(d, dn, l, ln uint64) int {
	d2, d3, d4, d6 := down(d, dn, 2), down(d, dn, 3), down(d, dn, 4), down(d, dn, 6)
	d7, d8, d10 := down(d, dn, 7), down(d, dn, 8), down(d, dn, 10)
	l1, l2, l3, l5 := down(l, ln, 1), down(l, ln, 2), down(l, ln, 3), down(l, ln, 5)
	l7, l8, l9, l10 := down(l, ln, 7), down(l, ln, 8), down(l, ln, 9), down(l, ln, 10)
	finderThenLight := d & l1 & d2 & d3 & d4 & l5 & d6 & l7 & l8 & l9 & l10 // 1011101 0000
	lightThenFinder := l & l1 & l2 & l3 & d4 & l5 & d6 & d7 & d8 & l9 & d10 // 0000 1011101
	return bits.OnesCount64(finderThenLight) + bits.OnesCount64(lightThenFinder)
}

// blockPenalty is rule 2 for the 2×2 blocks of one colour whose top row
// is top.
func (s *symbol) blockPenalty(top, bottom *line) int {
	n := 0
	for w := 0; w < s.words; w++ {
		v := s.valid[w]
		same := v &^ (top[w] ^ bottom[w]) // x: top and bottom alike
		sameNext := next(&s.valid, w) &^ (next(top, w) ^ next(bottom, w))
		across := v &^ (top[w] ^ down(top[w], next(top, w), 1)) // x: x and x+1 alike in top
		n += bits.OnesCount64(same & down(same, sameNext, 1) & across)
	}
	return weightBlock * n
}

// balancePenalty is rule 4, the share of dark modules.
func balancePenalty(dark, total int) int {
	deviation := dark*100/total - 50
	if deviation < 0 {
		deviation = -deviation
	}
	return weightBalance * (deviation / 5)
}
