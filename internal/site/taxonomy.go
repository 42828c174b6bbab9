package site

import (
	"bytes"
	"slices"
	"sort"
	"strings"

	"bantin/internal/vi"
)

// Taxonomy is one way of classifying pages (topics, tags, authors).
type Taxonomy struct {
	Plural string  // the front-matter key: "topics"
	Name   string  // display name: "Chủ đề"
	Slug   string  // URL segment: "chu-de"
	Terms  []*Term // in Vietnamese alphabetical order
	Page   *Page   // the index page listing the terms
	byKey  map[string]*Term
}

// Term is one value of a taxonomy ("Dân chủ ở cơ sở").
type Term struct {
	Name     string // the spelling most pages use
	Slug     string
	Count    int
	Pages    []*Page // newest first
	Page     *Page   // the term's own (first) list page
	Taxonomy *Taxonomy
	spelling map[string]int
}

// Term returns the term of that name, or nil.
func (t *Taxonomy) Term(name string) *Term {
	return t.byKey[termKey(name)]
}

// termKey is what two spellings of one term share: case and old or new
// tone placement do not matter ("Dân vận khéo" = "dân vận khéo",
// "Hòa giải" = "Hoà giải"), marks do ("an" ≠ "ăn", "văn" ≠ "vận").
func termKey(name string) string {
	return strings.ToLower(vi.NormalizeTones(name))
}

// buildTaxonomy collects the terms of plural from pages (already sorted
// newest first). Spellings with one key are one term, named by the spelling
// most pages use (ties: the first in byte order). Terms whose slugs clash
// ("an", "ăn") keep apart: the less used gets -2, -3 ….
func buildTaxonomy(plural, name string, pages []*Page, collator *vi.Collator) *Taxonomy {
	t := &Taxonomy{Plural: plural, Name: name, Slug: vi.Slug(name), byKey: map[string]*Term{}}
	if t.Slug == "" {
		t.Slug = vi.Slug(plural)
	}
	termOf := map[string]*Term{} // spelling → term, nil when it has no letters or digits
	for _, p := range pages {
		var list []*Term
		for _, raw := range p.Terms[plural] {
			term, known := termOf[raw]
			if !known {
				term = t.termFor(raw)
				termOf[raw] = term
			}
			if term == nil || slices.Contains(list, term) {
				continue
			}
			list = append(list, term)
			term.spelling[raw]++
			term.Pages = append(term.Pages, p)
		}
		if list != nil {
			if p.terms == nil {
				p.terms = map[string][]*Term{}
			}
			p.terms[plural] = list
		}
	}
	for _, term := range t.Terms {
		term.Count = len(term.Pages)
		term.Name = mostUsed(term.spelling)
	}
	assignSlugs(t.Terms)
	keys := make(map[*Term][]byte, len(t.Terms))
	for _, term := range t.Terms {
		keys[term] = collator.Key(term.Name)
	}
	sort.SliceStable(t.Terms, func(i, j int) bool {
		if c := bytes.Compare(keys[t.Terms[i]], keys[t.Terms[j]]); c != 0 {
			return c < 0
		}
		return t.Terms[i].Slug < t.Terms[j].Slug
	})
	return t
}

// termFor returns the term a spelling belongs to, made on first use, or
// nil when the spelling has no letters or digits.
func (t *Taxonomy) termFor(raw string) *Term {
	if vi.Slug(raw) == "" {
		return nil
	}
	key := termKey(raw)
	term := t.byKey[key]
	if term == nil {
		term = &Term{Taxonomy: t, spelling: map[string]int{}}
		t.byKey[key] = term
		t.Terms = append(t.Terms, term)
	}
	return term
}

// assignSlugs gives each term its slug; on a clash the more used term
// (then the first in byte order) keeps the plain slug.
func assignSlugs(terms []*Term) {
	order := append([]*Term(nil), terms...)
	sort.SliceStable(order, func(i, j int) bool {
		if order[i].Count != order[j].Count {
			return order[i].Count > order[j].Count
		}
		return order[i].Name < order[j].Name
	})
	var slugs vi.Slugger
	for _, term := range order {
		term.Slug = slugs.Unique(term.Name, "the")
	}
}

func mostUsed(spellings map[string]int) string {
	best, bestCount := "", 0
	for s, n := range spellings {
		if n > bestCount || (n == bestCount && s < best) {
			best, bestCount = s, n
		}
	}
	return best
}
