package qr

import (
	"fmt"
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

func TestPenaltyRules(t *testing.T) {
	// Rule 1: a run of 7 scores 3 + 2; runs shorter than 5 score nothing.
	if got := runPenalty(grid("#######")); got != 5 {
		t.Errorf("run of 7: %d", got)
	}
	if got := runPenalty(grid("####.#####.")); got != 3 {
		t.Errorf("runs of 4 and 5: %d", got)
	}
	// Rule 2: a 3×3 light square holds four 2×2 blocks.
	if got := blockPenalty(grid("...", "...", "..."), 3); got != 4*3 {
		t.Errorf("blocks: %d", got)
	}
	// Rule 3: one finder-like pattern in a row, none in columns.
	// Rule 3: each finder-like pattern with its light side scores 40.
	if got := finderPenalty(grid("#.###.#....")); got != 40 {
		t.Errorf("finder then light: %d", got)
	}
	if got := finderPenalty(grid("##....#.###.#..")); got != 40 {
		t.Errorf("light then finder: %d", got)
	}
	if got := finderPenalty(grid("#.###.#...#")); got != 0 {
		t.Errorf("three light modules are not enough: %d", got)
	}
	// Rule 4: all dark is 50 points off balance: 10 × 10.
	if got := balancePenalty(grid("##", "##")); got != 100 {
		t.Errorf("balance all dark: %d", got)
	}
	if got := balancePenalty(grid("#.", ".#")); got != 0 {
		t.Errorf("balance half: %d", got)
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
