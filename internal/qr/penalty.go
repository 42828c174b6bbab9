package qr

// Penalty weights of ISO/IEC 18004:2015 §7.8.3.1.
const (
	weightRun     = 3  // N1: a run of five or more modules of one colour
	weightBlock   = 3  // N2: a 2×2 block of one colour
	weightFinder  = 40 // N3: a 1:1:3:1:1 pattern beside four light modules
	weightBalance = 10 // N4: each 5% the dark share strays from 50%
)

// penalty scores a symbol (no quiet zone) by the four rules of the
// standard; the encoder keeps the mask with the lowest score, so that
// readers do not mistake data for finder patterns and cameras see even
// contrast.
func penalty(cells, transposed []bool, n int) int {
	score := blockPenalty(cells, n) + balancePenalty(cells)
	for _, lines := range [][]bool{cells, transposed} {
		for i := 0; i < n; i++ {
			line := lines[i*n : (i+1)*n]
			score += runPenalty(line) + finderPenalty(line)
		}
	}
	return score
}

// runPenalty: rule 1 on one row or column.
func runPenalty(line []bool) int {
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

// blockPenalty: rule 2, every 2×2 block of one colour (blocks overlap).
func blockPenalty(cells []bool, n int) int {
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

// The two 11-module patterns of rule 3 as bits, first module highest:
// dark-light-dark×3-light-dark (1:1:3:1:1) with four light modules after
// or before it.
const (
	finderThenLight = 0b10111010000
	lightThenFinder = 0b00001011101
	window11        = 1<<11 - 1
)

// finderPenalty: rule 3 on one row or column, with a rolling 11-bit window.
func finderPenalty(line []bool) int {
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

// balancePenalty: rule 4, the share of dark modules.
func balancePenalty(cells []bool) int {
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
