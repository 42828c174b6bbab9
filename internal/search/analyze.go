package search

import (
	"bantin/internal/site"
)

// Field weights: a syllable in the title counts as four in the body, one in
// a heading or a topic/tag as two.
const (
	weightTitle   = 4
	weightHeading = 2
	weightTerm    = 2
	weightBody    = 1
)

// analysis is what one page contributes to the index.
type analysis struct {
	syllables map[string]float64         // key → weighted frequency
	pairs     map[string]float64         // "key key" → weighted frequency
	forms     map[string]map[string]bool // key → exact forms seen
	formCount map[string]int             // exact form → occurrences, to pick display forms
	length    int                        // body tokens, for length normalisation
}

// analyze reads the fields of one page.
func analyze(p *site.Page) *analysis {
	a := &analysis{
		syllables: map[string]float64{}, pairs: map[string]float64{},
		forms: map[string]map[string]bool{}, formCount: map[string]int{},
	}
	a.add(p.Title, weightTitle)
	for _, h := range headings(p) {
		a.add(h, weightHeading)
	}
	for _, terms := range p.Terms {
		for _, t := range terms {
			a.add(t, weightTerm)
		}
	}
	a.length = a.add(p.Plain, weightBody)
	return a
}

// headings are the ## titles of a page, or a handbook's questions.
func headings(p *site.Page) []string {
	var out []string
	for _, q := range p.Questions {
		out = append(out, q.Text)
	}
	if len(out) > 0 {
		return out
	}
	for _, s := range p.Sections {
		if s.Title != "" {
			out = append(out, s.Title)
		}
	}
	return out
}

// add counts the syllables and adjacent pairs of text; it returns the
// number of tokens.
func (a *analysis) add(text string, weight float64) int {
	toks := Tokenize(text)
	for i, t := range toks {
		a.syllables[t.Key] += weight
		if a.forms[t.Key] == nil {
			a.forms[t.Key] = map[string]bool{}
		}
		a.forms[t.Key][t.Exact] = true
		a.formCount[t.Exact]++
		if i > 0 && !t.Break {
			a.pairs[toks[i-1].Key+" "+t.Key] += weight
		}
	}
	return len(toks)
}
