package search

import (
	"math"
	"runtime"
	"slices"
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
	maxImpact = 7
)

// Entry kinds in a shard.
const (
	kindSyllable = 0 // a folded syllable: "van"
	kindForms    = 1 // a syllable written in more than one way: which form each of its pages has
)

// posting is one page of a term's list.
type posting struct {
	doc    int32
	impact uint8
}

// entry is one term of the index with its pages.
type entry struct {
	kind     byte
	key      string     // the folded syllable
	display  string     // syllables: the most used exact form; kindForms: the masked forms, "|"-separated
	masks    []byte     // kindForms: per page of the syllable, bit i set when it has form i
	rare     []rareForm // kindForms: the forms after the first maxMaskForms
	postings []posting
	shard    string // the syllable whose shard holds the entry
}

// index is the whole index before it is split into files.
type index struct {
	docs     []*site.Page
	entries  []*entry   // syllables and forms
	pairs    []pairList // pairs, which go to Bloom filters
	keys     []string   // key id → syllable key
	keysByDF []string   // syllable keys, most frequent first (the vocabulary)
	common   []string   // the keys on one page in commonShare or more, at most maxCommon
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

// buildIndex analyses docs (ids are their positions) and makes every entry.
func buildIndex(docs []*site.Page) *index {
	w := newWords()
	as := analyzeAll(docs, w)
	norms := lengthNorms(as)
	keyPages, formPages := make([]int, len(w.keys)), make([]int, len(w.exact))
	for _, a := range as {
		for _, kw := range a.syllables {
			keyPages[kw.key]++
		}
		for _, f := range a.forms {
			formPages[f.form]++
		}
	}
	syl := carve[posting](keyPages)
	formDocs := carve[int32](formPages)
	formCount := make([]int, len(w.exact))
	for id, a := range as {
		for _, kw := range a.syllables {
			syl[kw.key] = append(syl[kw.key], posting{int32(id), impact(float64(kw.tf), norms[id])})
		}
		for _, f := range a.forms {
			formDocs[f.form] = append(formDocs[f.form], int32(id))
			formCount[f.form] += int(f.n)
		}
	}
	formsOf := make([][]int32, len(w.keys))
	for f, k := range w.keyOf {
		formsOf[k] = append(formsOf[k], int32(f))
	}
	ix := &index{docs: docs, keys: w.keys}
	for k, ps := range syl {
		sortPostings(ps)
		e := &entry{kind: kindSyllable, key: w.keys[k], shard: w.keys[k], postings: ps}
		e.display = mostUsed(formsOf[k], formCount, w.exact)
		ix.entries = append(ix.entries, e)
		if len(formsOf[k]) > 1 {
			ix.entries = append(ix.entries, formsEntry(e, formsOf[k], formDocs, formCount, w.exact))
		}
		ix.keysByDF = append(ix.keysByDF, w.keys[k])
	}
	ix.pairs = pairLists(as, norms, syl, pairPages(len(docs)))
	sort.Slice(ix.keysByDF, func(i, j int) bool {
		a, b := ix.keysByDF[i], ix.keysByDF[j]
		if da, db := len(syl[w.ids[a]]), len(syl[w.ids[b]]); da != db {
			return da > db
		}
		return a < b
	})
	for _, k := range ix.keysByDF {
		if len(ix.common) == maxCommon || len(syl[w.ids[k]])*commonShare < len(docs) {
			break
		}
		ix.common = append(ix.common, k)
	}
	return ix
}

// carve returns empty slices with the capacities given, cut from one
// array: lists whose lengths are counted first are then filled by append
// without a copy.
func carve[T any](capacity []int) [][]T {
	total := 0
	for _, n := range capacity {
		total += n
	}
	all := make([]T, total)
	out := make([][]T, len(capacity))
	at := 0
	for i, n := range capacity {
		out[i] = all[at : at : at+n]
		at += n
	}
	return out
}

// pairList is one pair's best pages (at most pairPages), filed in the
// Bloom filter of the shard of its rarer syllable, home.
type pairList struct {
	a, b, home int32 // key ids: "a b"
	postings   []posting
}

// pairLists gathers the pages of every pair, each core taking the pairs
// of its part of the hash space, and keeps each pair's best pages. A
// part's postings are counted by pair, then grouped in lists carved from
// one array: one map lookup per page and pair, and no slice per pair.
func pairLists(as []*analysis, norms []float64, syl [][]posting, keep int) []pairList {
	parts := runtime.GOMAXPROCS(0)
	out := make([][]pairList, parts)
	parallel.For(parts, func(part int) {
		items := 0
		for _, a := range as {
			items += len(a.pairs[part])
		}
		index := make(map[uint64]int32, items/16)
		var pairs []uint64
		var count []int
		of := make([]int32, 0, items) // each item's pair
		ps := make([]posting, 0, items)
		for id, a := range as {
			for _, pw := range a.pairs[part] {
				i, ok := index[pw.pair]
				if !ok {
					i = int32(len(pairs))
					index[pw.pair] = i
					pairs = append(pairs, pw.pair)
					count = append(count, 0)
				}
				count[i]++
				imp := impact(float64(pw.tf), norms[id])
				if pw.titled {
					imp = pairInTitle
				}
				of = append(of, i)
				ps = append(ps, posting{int32(id), imp})
			}
		}
		grouped := carve[posting](count)
		for j, i := range of {
			grouped[i] = append(grouped[i], ps[j]) // pages stay in id order within a pair
		}
		lists := make([]pairList, len(pairs))
		for i, k := range pairs {
			a, b := int32(k>>32), int32(uint32(k))
			home := a
			if len(syl[b]) < len(syl[a]) {
				home = b
			}
			lists[i] = pairList{a: a, b: b, home: home, postings: bestPostings(grouped[i], keep)}
		}
		out[part] = lists
	})
	return slices.Concat(out...)
}

// lengthNorms are the BM25 length normalisers of the pages.
func lengthNorms(as []*analysis) []float64 {
	avg := averageLength(as)
	out := make([]float64, len(as))
	for i, a := range as {
		out[i] = bm25K1 * (1 - bm25B + bm25B*float64(a.length)/avg)
	}
	return out
}

// bestPostings keeps the n postings of highest impact (the newest pages
// on ties), in page order.
func bestPostings(ps []posting, n int) []posting {
	if len(ps) <= n {
		return ps // already in page order
	}
	slices.SortFunc(ps, func(a, b posting) int {
		if a.impact != b.impact {
			return int(b.impact) - int(a.impact)
		}
		return int(a.doc - b.doc)
	})
	ps = ps[:n]
	slices.SortFunc(ps, func(a, b posting) int { return int(a.doc - b.doc) })
	return ps
}

// sortPostings orders postings by page id. Maps are walked in random
// order, but pages are visited in id order, so lists are usually sorted
// already.
func sortPostings(ps []posting) {
	if !sort.SliceIsSorted(ps, func(i, j int) bool { return ps[i].doc < ps[j].doc }) {
		sort.Slice(ps, func(i, j int) bool { return ps[i].doc < ps[j].doc })
	}
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
