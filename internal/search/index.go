package search

import (
	"math"
	"sort"

	"bantin/internal/parallel"
	"bantin/internal/site"
)

// BM25 parameters.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
	// maxImpact is the top of the 1…maxImpact scale term weights are
	// quantised to.
	maxImpact = 15
)

// Entry kinds in a shard.
const (
	kindSyllable  = 0 // a folded syllable: "van"
	kindPair      = 1 // two adjacent folded syllables: "dan van"
	kindFormHas   = 2 // an exact form ("vận"): the pages of its key that have it
	kindFormLacks = 3 // an exact form: the pages of its key that lack it
)

// posting is one page of a term's list.
type posting struct {
	doc    int32
	impact uint8
}

// entry is one term of the index with its pages.
type entry struct {
	kind     byte
	key      string // folded syllable, pair, or exact form
	display  string // syllables: the most used exact form
	postings []posting
	shard    string // the syllable whose shard holds the entry
}

// index is the whole index before it is split into files.
type index struct {
	docs     []*site.Page
	entries  []*entry
	keysByDF []string // syllable keys, most frequent first (the vocabulary)
}

// buildIndex analyses docs (ids are their positions) and makes every entry.
func buildIndex(docs []*site.Page) *index {
	as := make([]*analysis, len(docs))
	parallel.For(len(docs), func(i int) { as[i] = analyze(docs[i]) })
	avg := averageLength(as)
	syl := map[string]*entry{}
	pairs := map[string]*entry{}
	forms := map[string]map[string][]int32{}
	formCount := map[string]int{}
	for id, a := range as {
		norm := bm25K1 * (1 - bm25B + bm25B*float64(a.length)/avg)
		for k, tf := range a.syllables {
			addPosting(syl, k, int32(id), impact(tf, norm))
			for f := range a.forms[k] {
				if forms[k] == nil {
					forms[k] = map[string][]int32{}
				}
				forms[k][f] = append(forms[k][f], int32(id))
			}
		}
		for k, tf := range a.pairs {
			addPosting(pairs, k, int32(id), impact(tf, norm))
		}
		for f, n := range a.formCount {
			formCount[f] += n
		}
	}
	ix := &index{docs: docs}
	for k, e := range syl {
		e.kind, e.shard = kindSyllable, k
		e.display = mostUsed(forms[k], formCount)
		ix.entries = append(ix.entries, e)
		ix.entries = append(ix.entries, formEntries(k, e, forms[k])...)
		ix.keysByDF = append(ix.keysByDF, k)
	}
	for k, e := range pairs {
		e.kind, e.shard = kindPair, pairHome(k, syl)
		ix.entries = append(ix.entries, e)
	}
	sort.Slice(ix.keysByDF, func(i, j int) bool {
		a, b := ix.keysByDF[i], ix.keysByDF[j]
		if da, db := len(syl[a].postings), len(syl[b].postings); da != db {
			return da > db
		}
		return a < b
	})
	return ix
}

func averageLength(as []*analysis) float64 {
	total := 0
	for _, a := range as {
		total += a.length
	}
	if total == 0 {
		return 1
	}
	return float64(total) / float64(len(as))
}

func addPosting(m map[string]*entry, key string, doc int32, imp uint8) {
	e := m[key]
	if e == nil {
		e = &entry{key: key}
		m[key] = e
	}
	e.postings = append(e.postings, posting{doc, imp})
}

// impact is the BM25 weight of a term with weighted frequency tf in a page
// whose length normaliser is norm, on the 1…maxImpact scale.
func impact(tf, norm float64) uint8 {
	w := tf * (bm25K1 + 1) / (tf + norm)
	q := math.Round(w / (bm25K1 + 1) * maxImpact)
	return uint8(max(1, min(maxImpact, q)))
}

// mostUsed returns the form used most often, the first in order on ties.
func mostUsed(forms map[string][]int32, count map[string]int) string {
	best := ""
	for f := range forms {
		if best == "" || count[f] > count[best] || (count[f] == count[best] && f < best) {
			best = f
		}
	}
	return best
}

// formEntries lists, for a syllable written in more than one way, which of
// its pages have each exact form, as the shorter of the list and its
// complement.
func formEntries(key string, e *entry, forms map[string][]int32) []*entry {
	if len(forms) < 2 {
		return nil
	}
	var out []*entry
	for f, docs := range forms {
		fe := &entry{kind: kindFormHas, key: f, shard: key}
		if len(docs)*2 > len(e.postings) {
			fe.kind, docs = kindFormLacks, complement(e.postings, docs)
		}
		for _, d := range docs {
			fe.postings = append(fe.postings, posting{doc: d})
		}
		out = append(out, fe)
	}
	return out
}

// complement returns the docs of all that are not in some (both sorted).
func complement(all []posting, some []int32) []int32 {
	var out []int32
	j := 0
	for _, p := range all {
		for j < len(some) && some[j] < p.doc {
			j++
		}
		if j < len(some) && some[j] == p.doc {
			continue
		}
		out = append(out, p.doc)
	}
	return out
}

// pairHome is the syllable whose shard holds a pair: the rarer of the two,
// the first on ties. A query fetches both syllables' shards anyway, and
// the rarer one's shard stays small.
func pairHome(pair string, syl map[string]*entry) string {
	a, b := splitPair(pair)
	if len(syl[b].postings) < len(syl[a].postings) {
		return b
	}
	return a
}

func splitPair(pair string) (string, string) {
	for i := 0; i < len(pair); i++ {
		if pair[i] == ' ' {
			return pair[:i], pair[i+1:]
		}
	}
	return pair, ""
}
