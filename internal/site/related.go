package site

import (
	"math"
	"sync"

	"bantin/internal/parallel"
)

// relatedCandidates bounds how many pages of one term a page looks at: the
// newest of a term shared by thousands of pages say as much as all of them,
// and the bound keeps the work per page constant, so computing related
// pages grows with the number of pages, not its square.
const relatedCandidates = 60

// computeRelated sets Related on every regular page: up to count pages
// that share its topics and tags, rarer shared terms weighing more, ties
// broken by recency. pages and term lists are sorted newest first. Pages
// are scored on every core, each with a dense score array instead of a map.
func computeRelated(pages []*Page, taxonomies []*Taxonomy, count int) {
	var used []*Taxonomy
	for _, t := range taxonomies {
		if t.Plural == "topics" || t.Plural == "tags" {
			used = append(used, t)
		}
	}
	if len(used) == 0 || count <= 0 {
		return
	}
	cands := candidatesOf(pages, used)
	scratch := sync.Pool{New: func() any { return &scorer{score: make([]float64, len(pages))} }}
	parallel.For(len(pages), func(i int) {
		sc := scratch.Get().(*scorer)
		pages[i].Related = sc.related(pages, cands, i, used, count)
		scratch.Put(sc)
	})
}

// termCandidates are what one term adds to the score of the pages it
// shares: its weight (rarer terms weigh more) and the indexes of its newest
// pages, at most relatedCandidates.
type termCandidates struct {
	weight float64
	pages  []int32
}

// candidatesOf looks up, once per term, the indexes of each term's
// candidates, so that scoring a page reads arrays and no map.
func candidatesOf(pages []*Page, used []*Taxonomy) map[*Term]termCandidates {
	index := make(map[*Page]int32, len(pages))
	for i, p := range pages {
		index[p] = int32(i)
	}
	total := float64(len(pages))
	out := map[*Term]termCandidates{}
	for _, t := range used {
		for _, term := range t.Terms {
			n := min(len(term.Pages), relatedCandidates)
			c := termCandidates{weight: math.Log(1 + total/float64(term.Count)), pages: make([]int32, n)}
			for k, q := range term.Pages[:n] {
				c.pages[k] = index[q]
			}
			out[term] = c
		}
	}
	return out
}

// scorer holds one worker's scores, indexed like the pages, and which of
// them it touched.
type scorer struct {
	score   []float64
	touched []int32
}

func (sc *scorer) related(pages []*Page, cands map[*Term]termCandidates, self int, used []*Taxonomy, count int) []*Page {
	p := pages[self]
	for _, t := range used {
		for _, term := range p.terms[t.Plural] {
			c := cands[term]
			for _, j := range c.pages {
				if int(j) == self {
					continue
				}
				if sc.score[j] == 0 {
					sc.touched = append(sc.touched, j)
				}
				sc.score[j] += c.weight
			}
		}
	}
	best := make([]int32, 0, count+1)
	for _, j := range sc.touched {
		best = insertRanked(best, j, count, sc.score)
	}
	out := make([]*Page, len(best))
	for k, j := range best {
		out[k] = pages[j]
	}
	for _, j := range sc.touched {
		sc.score[j] = 0
	}
	sc.touched = sc.touched[:0]
	return out
}

// insertRanked inserts page j into best (kept sorted, at most count long)
// if it ranks: higher score, then earlier in pages, which are sorted newest
// first (then by weight and source path, as every list is). Ranking reads
// indexes only, never the pages themselves.
func insertRanked(best []int32, j int32, count int, score []float64) []int32 {
	before := func(a, b int32) bool {
		if score[a] != score[b] {
			return score[a] > score[b]
		}
		return a < b
	}
	pos := len(best)
	for pos > 0 && before(j, best[pos-1]) {
		pos--
	}
	if pos >= count {
		return best
	}
	best = append(best, 0)
	copy(best[pos+1:], best[pos:])
	best[pos] = j
	if len(best) > count {
		best = best[:count]
	}
	return best
}

// linkNeighbours sets PrevInSection (older) and NextInSection (newer) on
// the pages of one list, sorted newest first.
func linkNeighbours(pages []*Page) {
	for i, p := range pages {
		if i > 0 {
			p.NextInSection = pages[i-1]
		}
		if i+1 < len(pages) {
			p.PrevInSection = pages[i+1]
		}
	}
}
