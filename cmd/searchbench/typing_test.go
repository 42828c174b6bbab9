package main

import "testing"

func TestBare(t *testing.T) {
	if got := bare("Thời hạn cai nghiện là bao lâu, Đúng hay sai?"); got != "thoi han cai nghien la bao lau dung hay sai" {
		t.Errorf("bare: %q", got)
	}
}

// The keyword reader keeps the two rarest words of two syllables that
// stand together on two pages or more, in the question's order, and never
// a pair across a word boundary that the site does not have.
func TestKeywords(t *testing.T) {
	f := countFrequencies([]string{
		"Trọng tài thương mại giải quyết tranh chấp.",
		"Trọng tài thương mại có thẩm quyền.",
		"Tranh chấp đất đai; tranh chấp lao động.",
		"Tranh chấp hợp đồng. Thẩm quyền của tòa án.",
		"Thẩm quyền giải quyết.",
	})
	got := keywords("Trọng tài có thẩm quyền giải quyết tranh chấp trong những trường hợp nào?", f)
	if want := "trong tai giai quyet"; got != want {
		t.Errorf("keywords: %q, want %q", got, want)
	}
	if got := keywords("Là gì?", f); got != "" {
		t.Errorf("a question of skipped words only: %q", got)
	}
}

func TestScore(t *testing.T) {
	qs := []question{
		{Pages: map[string]bool{"/a/": true}},
		{Pages: map[string]bool{"/b/": true}},
		{Pages: map[string]bool{"/c/": true}},
		{Pages: map[string]bool{"/d/": true}},
	}
	got := []answer{
		{URLs: []string{"/a/", "/x/"}, Count: 2},
		{URLs: []string{"/x/", "/b/"}, Count: 2},
		{URLs: []string{"/x/"}, Count: 1},
		{},
	}
	s := score(qs, got)
	if s.R1 != 0.25 || s.R10 != 0.5 || s.MRR != 0.375 || s.Zero != 0.25 {
		t.Errorf("score %+v", s)
	}
}

func TestChooseTypings(t *testing.T) {
	got, err := chooseTypings("keywords, marks")
	if err != nil || len(got) != 2 || got[0] != 2 || got[1] != 0 {
		t.Errorf("chooseTypings = %v, %v; want [2 0]", got, err)
	}
	if _, err := chooseTypings("keyword"); err == nil {
		t.Error("an unknown typing was accepted")
	}
}
