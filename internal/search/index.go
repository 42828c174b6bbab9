package search

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// BM25 parameters.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
	// maxImpact is the top of the 1…maxImpact scale term weights are
	// quantised to.
	maxImpact = 7
)

// Entry kinds in a shard.
const (
	kindSyllable = 0 // a folded syllable: "van"
	kindForms    = 1 // a syllable written in more than one way: which form each of its pages has
)

// posting is one page of a list: its id and impact in four bytes (the id
// shifted left by four). Ordered as numbers, postings are in page order.
type posting uint32

// maxPages is the most pages an index holds: ids take 28 bits.
const maxPages = 1 << 28

// pages is how many pages the entry's list has.
func (e *entry) pages() int {
	if e.postings == nil {
		return e.n
	}
	return len(e.postings)
}

// list returns the entry's postings.
func (e *entry) list() []posting {
	if e.postings == nil {
		return unpackPostings(e.packed, e.n)
	}
	return e.postings
}

func newPosting(doc int32, impact uint8) posting { return posting(uint32(doc)<<4 | uint32(impact)) }
func (p posting) doc() int32                     { return int32(p >> 4) }
func (p posting) impact() uint8                  { return uint8(p & 15) }

// entry is one term of the index with its pages.
type entry struct {
	kind     byte
	key      string     // the folded syllable
	display  string     // syllables: the most used exact form; kindForms: the masked forms, "|"-separated
	masks    []byte     // kindForms: per page of the syllable, bit i set when it has form i
	rare     []rareForm // kindForms: the forms after the first maxMaskForms
	postings []posting
	// packed, when postings is nil: the postings as addPosting packs
	// them, n of them.
	packed []byte
	n      int
	shard  string // the syllable whose shard holds the entry
}

// index is the whole index before it is split into files.
type index struct {
	pages    int
	entries  []*entry    // syllables and forms
	pairs    []pairList  // pairs, which go to Bloom filters
	pairAt   []*pairPart // where their pages are
	keys     []string    // key id → syllable key
	keysByDF []string    // syllable keys, most frequent first (the vocabulary)
	common   []string    // the keys on one page in commonShare or more, at most maxCommon
}

// A common syllable is on one page in twenty or more: a long query leaves
// the commonest out first when it would fetch too many shards (doc.go).
const (
	commonShare = 20
	maxCommon   = 256
)

// pairPages is the most pages a pair keeps on a site of n pages: those
// where it weighs most (then the newest). A common pair ("của các") would
// otherwise be a list of thousands of pages, fetched by every query that
// has it, for a boost that only decides the order of the first results.
// A small site keeps up to 100 (a keyword query's pairs are what tells
// the articles of one law apart: "trọng tài" is on every page of the
// arbitration law); a larger one pairBudget/n, at least 30, so that the
// Bloom filters, which grow with the site, keep a 10,000-page site's
// later queries within their 40 KB.
func pairPages(n int) int {
	return min(maxPairPages, max(minPairPages, pairBudget/max(n, 1)))
}

const (
	maxPairPages = 100
	minPairPages = 30
	pairBudget   = 225_000
)

// pairInTitle is the impact of a pair on a page whose title or a heading has it: above
// any other, so that a capped pair keeps those pages first, and filed in
// the Bloom filter a second time, with a "^" (see bloom.go).
const pairInTitle = maxImpact + 1

// buildIndex merges the analyses of the pages (ids are their positions)
// into every entry of the index.
func buildIndex(as pageAnalyses) *index {
	m := mergeAnalyses(as)
	ix := &index{pages: as.pages(), keys: m.keys}
	formsOf := make([][]int32, len(m.keys))
	for f, k := range m.keyOf {
		formsOf[k] = append(formsOf[k], int32(f))
	}
	for k, packed := range m.syllables {
		e := &entry{kind: kindSyllable, key: m.keys[k], shard: m.keys[k], packed: packed, n: m.df[k]}
		e.display = mostUsed(formsOf[k], m.formCount, m.exact)
		ix.entries = append(ix.entries, e)
		if len(formsOf[k]) > 1 {
			ix.entries = append(ix.entries, formsEntry(e, formsOf[k], m.formAt, m.formCount, m.exact))
		}
	}
	df := func(k int32) int { return m.df[k] }
	ix.pairs, ix.pairAt = m.pairs.lists(df), m.pairs.parts
	byDF := make([]int32, len(m.keys)) // key ids, most frequent first (keys are unique: no ties left)
	for k := range byDF {
		byDF[k] = int32(k)
	}
	slices.SortFunc(byDF, func(a, b int32) int {
		if c := cmp.Compare(m.df[b], m.df[a]); c != 0 {
			return c
		}
		return strings.Compare(m.keys[a], m.keys[b])
	})
	ix.keysByDF = make([]string, len(byDF))
	for i, k := range byDF {
		ix.keysByDF[i] = m.keys[k]
	}
	for _, k := range byDF {
		if len(ix.common) == maxCommon || m.df[k]*commonShare < as.pages() {
			break
		}
		ix.common = append(ix.common, m.keys[k])
	}
	return ix
}

// pairPostings are pl's pages, in their slot or block: no copy.
func (ix *index) pairPostings(pl pairList) []posting {
	pp := ix.pairAt[pl.part]
	return pp.list(pp.slot(pl.slot))
}

// lengthNorms are the BM25 length normalisers of the pages.
func lengthNorms(as pageAnalyses) []float64 {
	avg := averageLength(as)
	out := make([]float64, as.pages())
	for i := range out {
		out[i] = bm25K1 * (1 - bm25B + bm25B*float64(as.length(i))/avg)
	}
	return out
}

func averageLength(as pageAnalyses) float64 {
	total := 0
	for i := range as.pages() {
		total += as.length(i)
	}
	if total == 0 {
		return 1
	}
	return float64(total) / float64(as.pages())
}

// impact is the BM25 weight of a term with weighted frequency tf in a page
// whose length normaliser is norm, on the 1…maxImpact scale.
func impact(tf, norm float64) uint8 {
	w := tf * (bm25K1 + 1) / (tf + norm)
	q := math.Round(w / (bm25K1 + 1) * maxImpact)
	return uint8(max(1, min(maxImpact, q)))
}

// mostUsed returns the form used most often, the first in order on ties.
func mostUsed(forms []int32, count []int, exact []string) string {
	best := int32(-1)
	for _, f := range forms {
		if best < 0 || count[f] > count[best] || (count[f] == count[best] && exact[f] < exact[best]) {
			best = f
		}
	}
	return exact[best]
}
