package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFile(t *testing.T, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "kw.tsv")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func smallSet() *qaSet {
	return &qaSet{
		tuning:     []question{{ID: "DS-1", Text: "Trọng tài là gì?"}},
		heldOut:    []question{{ID: "DS-1", Text: "Thời hạn tạm trú là bao lâu?"}},
		tuningIDs:  map[string]bool{"DS-1": true, "DS-2": true},
		heldOutIDs: map[string]bool{"DS-1": true},
	}
}

// Written keywords replace the simulated ones, by split and question id
// (ids repeat across the splits).
func TestWrittenKeywords(t *testing.T) {
	p := writeFile(t, "# a comment\n\ntuning\tDS-1\ttrong tai\ntuning\tDS-2\tkhong cham\nheld-out\tDS-1\tthoi han tam tru\n")
	w, err := readWritten(p)
	if err != nil {
		t.Fatal(err)
	}
	s := smallSet()
	if err := attachWritten(s, p, w); err != nil {
		t.Fatal(err)
	}
	if got := typed(s.tuning[0], 2, frequencies{}); got != "trong tai" {
		t.Errorf("tuning DS-1 typed as keywords: %q", got)
	}
	if got := typed(s.heldOut[0], 2, frequencies{}); got != "thoi han tam tru" {
		t.Errorf("held-out DS-1 typed as keywords: %q", got)
	}
	if got := typed(s.heldOut[0], 1, frequencies{}); got != "thoi han tam tru la bao lau" {
		t.Errorf("held-out DS-1 typed bare: %q", got)
	}
}

func TestWrittenKeywordErrors(t *testing.T) {
	for _, c := range []struct{ name, file, want string }{
		{"two columns", "tuning\tDS-1\n", ":1:1: error: want split<TAB>question id<TAB>query"},
		{"unknown split", "# x\ntest\tDS-1\ttrong tai\n", ":2:1: error: split \"test\" is neither"},
		{"a second line", "tuning\tDS-1\ta\ntuning\tDS-1\tb\n", ":2:1: error: a second line for tuning DS-1"},
		{"a question left out", "tuning\tDS-1\ta\n", "error: no keywords for held-out question DS-1"},
		{"no such question", "tuning\tDS-1\ta\nheld-out\tDS-1\tb\nheld-out\tDS-9\tc\n", "error: held-out has no question DS-9"},
	} {
		p := writeFile(t, c.file)
		w, err := readWritten(p)
		if err == nil {
			err = attachWritten(smallSet(), p, w)
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
}
