package search

import (
	"testing"
	"time"
)

// A page's front-matter keywords are searched like its terms.
func TestKeywordsAreIndexed(t *testing.T) {
	page := textPage("Bài", "Thân bài.")
	page.Keywords = []string{"hòa giải cơ sở"}
	got := decodeAnalysis(Analyze(page, time.UTC))
	if got.syllables["giai"].tf != weightTerm {
		t.Errorf("the keyword's syllable \"giải\" is not in the page's analysis: %+v", got.syllables)
	}
}
