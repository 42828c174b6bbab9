package qr

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"bantin/internal/tooltest"
)

// grid reads rows of '#' (dark) and '.' (light) into cells, row by row.
func grid(rows ...string) []bool {
	var cells []bool
	for _, r := range rows {
		for _, c := range r {
			cells = append(cells, c == '#')
		}
	}
	return cells
}

// The rules one by one, on the reference scorer (reference_test.go).
func TestPenaltyRules(t *testing.T) {
	// Rule 1: a run of 7 scores 3 + 2; runs shorter than 5 score nothing.
	if got := referenceRunPenalty(grid("#######")); got != 5 {
		t.Errorf("run of 7: %d", got)
	}
	if got := referenceRunPenalty(grid("####.#####.")); got != 3 {
		t.Errorf("runs of 4 and 5: %d", got)
	}
	// Rule 2: a 3×3 light square holds four 2×2 blocks.
	if got := referenceBlockPenalty(grid("...", "...", "..."), 3); got != 4*3 {
		t.Errorf("blocks: %d", got)
	}
	// Rule 3: one finder-like pattern in a row, none in columns.
	// Rule 3: each finder-like pattern with its light side scores 40.
	if got := referenceFinderPenalty(grid("#.###.#....")); got != 40 {
		t.Errorf("finder then light: %d", got)
	}
	if got := referenceFinderPenalty(grid("##....#.###.#..")); got != 40 {
		t.Errorf("light then finder: %d", got)
	}
	if got := referenceFinderPenalty(grid("#.###.#...#")); got != 0 {
		t.Errorf("three light modules are not enough: %d", got)
	}
	// Rule 4: all dark is 50 points off balance: 10 × 10.
	if got := referenceBalancePenalty(grid("##", "##")); got != 100 {
		t.Errorf("balance all dark: %d", got)
	}
	if got := referenceBalancePenalty(grid("#.", ".#")); got != 0 {
		t.Errorf("balance half: %d", got)
	}
}

// The bit-parallel scorer gives the reference's score on whole symbols:
// by hand on two, then on random ones of every size.
func TestScorerAgreesWithReference(t *testing.T) {
	// 5×5 all dark: rule 1, 5 rows and 5 columns of 5 (3 each); rule 2,
	// 16 blocks (3 each); rule 4, 50 points off (100).
	if got := symbolOf(grid("#####", "#####", "#####", "#####", "#####"), 5).penalty(); got != 15+15+48+100 {
		t.Errorf("all dark: %d", got)
	}
	if got := symbolOf(grid("#.#.", ".#.#", "#.#.", ".#.#"), 4).penalty(); got != 0 {
		t.Errorf("checkerboard: %d", got)
	}
	r := rand.New(rand.NewPCG(7, 8))
	finders := 0
	for _, n := range []int{11, 21, 25, 57, 61, 65, 69, 125, 129, 177} {
		for i := 0; i < 40; i++ {
			cells, tr := make([]bool, n*n), make([]bool, n*n)
			dense := r.IntN(10) // some nearly all light or dark: long runs, blocks
			for y := 0; y < n; y++ {
				for x := 0; x < n; x++ {
					d := r.IntN(10) < dense
					if at := (y * 13) % (n - 10); y%3 == 1 && x >= at && x < at+11 { // finder-like stretches, some across 64-bit words
						d = grid("#.###.#....", "....#.###.#")[x-at+11*(y%2)]
					}
					cells[y*n+x], tr[x*n+y] = d, d
				}
			}
			if got, want := symbolOf(cells, n).penalty(), referencePenalty(cells, tr, n); got != want {
				t.Fatalf("n=%d: scorer %d, reference %d", n, got, want)
			}
			for y := 0; y < n; y++ {
				finders += referenceFinderPenalty(cells[y*n:(y+1)*n]) + referenceFinderPenalty(tr[y*n:(y+1)*n])
			}
		}
	}
	if finders == 0 {
		t.Error("no finder-like pattern in the random symbols: rule 3 untested")
	}
}

// Codes of random texts are those of the reference encoder.
func TestAgreesWithReference(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for i := 0; i < 300; i++ {
		text := fmt.Sprintf("https://danvan.example.vn/l/%x/", r.Uint64()>>r.IntN(64))
		if i%3 == 0 {
			text = strings.Repeat("Dân vận ", 1+r.IntN(40))
		}
		level := []Level{L, M, Q, H}[i%4]
		got, err := New(text, level)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := referenceNew(text, level)
		if got.Mask != want.Mask || got.Version != want.Version || !bytes.Equal(got.SVG(25), want.SVG(25)) {
			t.Fatalf("%q at %s: mask %d v%d, reference mask %d v%d", text, level, got.Mask, got.Version, want.Mask, want.Version)
		}
	}
}

// Codes of many lengths, at every level, decode with a real reader.
func TestManyCodesDecode(t *testing.T) {
	masks := map[int]bool{}
	for i := 0; i < 60; i++ {
		text := fmt.Sprintf("https://danvan.example.vn/l/%x/%s", i*7919, string(make([]byte, i%9)))
		text = text[:len(text)-i%9] + fmt.Sprintf("%0*d", i%9, i)
		for _, level := range []Level{L, M, Q, H} {
			c, err := New(text, level)
			if err != nil {
				t.Fatal(err)
			}
			masks[c.Mask] = true
			data, _ := c.PNG(25, 300)
			if got := tooltest.DecodeQR(t, tooltest.DecodePNG(t, data)); got != text {
				t.Fatalf("%q at %s decoded as %q", text, level, got)
			}
		}
	}
	if len(masks) < 4 {
		t.Errorf("only masks %v chosen: mask selection looks stuck", masks)
	}
}
