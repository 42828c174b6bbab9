package search

import (
	"slices"
	"testing"
)

func TestPlaceForms(t *testing.T) {
	old := limits
	t.Cleanup(func() { limits = old })
	small := splitFormsBytes - 1
	cases := []struct {
		name     string
		maxFiles int
		size     []int
		want     []int
	}{
		{"room for all", 1000, []int{5000, small, 0, 3000}, []int{0, -1, -1, 3}},
		{"no room", 4 + otherIndexFiles, []int{5000, small, 0, 3000}, []int{-1, -1, -1, -1}},
		// Two files for four shards: 9000 and 8000 open them; 4000 goes
		// to the emptier (8000's), then 3000 to 9000's, now the emptier.
		{"packed", 6 + 2 + otherIndexFiles, []int{3000, 9000, 8000, 4000, 0, small}, []int{1, 1, 2, 2, -1, -1}},
	}
	for _, c := range cases {
		limits = formsLimits{splitBytes: splitFormsBytes, maxFiles: c.maxFiles}
		if got := placeForms(c.size); !slices.Equal(got, c.want) {
			t.Errorf("%s: placeForms(%v) = %v, want %v", c.name, c.size, got, c.want)
		}
	}
}

func TestFormsEntry(t *testing.T) {
	// The syllable "ma" on pages 2, 5, 7 and 9, in eight forms: the six
	// most used in the masks, over its four pages; mâ and mậ listed apart
	// by their positions among them.
	forms := []string{"ma", "má", "mà", "mả", "mã", "mạ", "mâ", "mậ"}
	at := [][]int32{{0, 1, 2}, {1, 3}, {2}, {3}, {0}, {1}, {2}, {0, 3}} // positions among pages 2, 5, 7, 9
	count := []int{9, 8, 7, 6, 5, 4, 2, 1}
	e := &entry{kind: kindSyllable, key: "ma", postings: []posting{newPosting(2, 1), newPosting(5, 1), newPosting(7, 1), newPosting(9, 1)}}
	fe := formsEntry(e, []int32{7, 6, 5, 4, 3, 2, 1, 0}, func(f int32) []int32 { return at[f] }, count, forms)
	// Masks: page 2 has ma (bit 0) and mã (bit 4): 17 = "R"; page 5 has
	// ma, má, mạ: 1+2+32 = 35 = "j"; page 7 has ma, mà: 5 = "F"; page 9
	// has má, mả: 2+8 = 10 = "K".
	want := `"ma":["ma|má|mà|mả|mã|mạ","RjFK",{"mâ":[3],"mậ":[1,3]}]`
	if got := string(entryJSON(fe, 10)); got != want {
		t.Errorf("forms entry\n got %s\nwant %s", got, want)
	}
}
