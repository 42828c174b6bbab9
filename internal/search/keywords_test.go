package search

import (
	"testing"

	"bantin/internal/site"
	"bantin/internal/textstore"
)

// A page's front-matter keywords are searched like its terms.
func TestKeywordsAreIndexed(t *testing.T) {
	w := newWords()
	page := &site.Page{Title: "Bài", PlainText: site.StoreText(textstore.NewMem(), "Thân bài."), Keywords: []string{"hòa giải cơ sở"}}
	a := analyzeAll([]*site.Page{page}, w)[0]
	key := w.lookup("giải").key
	for _, s := range a.syllables {
		if s.key == key && s.tf > 0 {
			return
		}
	}
	t.Errorf("the keyword's syllable \"giải\" is not in the page's index entry: %+v", a.syllables)
}
