package search

import (
	"runtime"
	"slices"
	"sync"
)

// pairList is one pair's best pages (at most pairPages), filed in the
// Bloom filter of the shard of its rarer syllable, home.
type pairList struct {
	a, b, home int32 // key ids: "a b"
	postings   []posting
}

// pairMerge keeps the best pages of every pair while the pages go by.
// Pairs are spread over parts by a hash, one goroutine a part; the
// merging goroutine hands them their pairs in batches. A pair never holds
// more than its keep postings: a common pair costs no more memory
// than a rare one, and no list of every page of every pair is ever made.
type pairMerge struct {
	parts []*pairPart
	work  []chan []pairItem
	free  chan []pairItem
	batch [][]pairItem
	wg    sync.WaitGroup
}

// pairItem is one page of a pair: key ids a << 32 | b, and the page.
type pairItem struct {
	pair uint64
	p    posting
}

const pairBatch = 4096

func newPairMerge(keep int) *pairMerge {
	n := runtime.GOMAXPROCS(0)
	pm := &pairMerge{parts: make([]*pairPart, n), work: make([]chan []pairItem, n), free: make(chan []pairItem, 4*n), batch: make([][]pairItem, n)}
	for i := range n {
		pm.parts[i] = &pairPart{index: map[uint64]int32{}, keep: keep}
		pm.work[i] = make(chan []pairItem, 2)
		pm.batch[i] = make([]pairItem, 0, pairBatch)
		pm.wg.Add(1)
		go func() {
			defer pm.wg.Done()
			for items := range pm.work[i] {
				for _, it := range items {
					pm.parts[i].add(it)
				}
				select {
				case pm.free <- items[:0]:
				default:
				}
			}
		}()
	}
	return pm
}

// pairPart spreads pairs over parts.
func partOf(pair uint64, parts int) int { return int((pair*0x9E3779B97F4A7C15)>>40) % parts }

// page hands on the pairs of page id, whose syllables have the key ids
// local and whose length normaliser is norm.
func (pm *pairMerge) page(id int32, a *Analysis, local []int32, norm float64) {
	d := decoder{b: a.data, at: a.pairsAt}
	for range a.pairs {
		x := local[d.count()]
		y := local[d.count()]
		v := d.count()
		imp := uint8(pairInTitle)
		if v&1 == 0 {
			imp = impact(float64(v>>1), norm)
		}
		pair := uint64(x)<<32 | uint64(uint32(y))
		part := partOf(pair, len(pm.parts))
		pm.batch[part] = append(pm.batch[part], pairItem{pair, newPosting(id, imp)})
		if len(pm.batch[part]) == pairBatch {
			pm.work[part] <- pm.batch[part]
			pm.batch[part] = pm.newBatch()
		}
	}
}

func (pm *pairMerge) newBatch() []pairItem {
	select {
	case b := <-pm.free:
		return b
	default:
		return make([]pairItem, 0, pairBatch)
	}
}

// finish hands on the last batches and waits for every part.
func (pm *pairMerge) finish() {
	for i, b := range pm.batch {
		if len(b) > 0 {
			pm.work[i] <- b
		}
		close(pm.work[i])
	}
	pm.wg.Wait()
	pm.batch, pm.free = nil, nil
}

// lists returns every pair's list, filed with the syllable of lower df
// (the first on ties).
func (pm *pairMerge) lists(df func(int32) int) []pairList {
	var out []pairList
	for _, pp := range pm.parts {
		for i, k := range pp.pairs {
			a, b := int32(k>>32), int32(uint32(k))
			home := a
			if df(b) < df(a) {
				home = b
			}
			out = append(out, pairList{a: a, b: b, home: home, postings: slices.Clip(pp.best[i])})
		}
		*pp = pairPart{}
	}
	return out
}

// pairPart is the pairs of one part: each one's best pages so far.
type pairPart struct {
	index map[uint64]int32
	pairs []uint64
	keep  int         // pages a pair keeps
	best  [][]posting // at most keep, in page order
	worst []uint8     // of a full list, its lowest impact
}

// add files a page of a pair. Pages come in id order, so a newcomer is
// the oldest page seen: in a full list it only takes the place of the
// oldest of those of lowest impact when its impact is higher.
func (pp *pairPart) add(it pairItem) {
	i, ok := pp.index[it.pair]
	if !ok {
		i = int32(len(pp.pairs))
		pp.index[it.pair] = i
		pp.pairs = append(pp.pairs, it.pair)
		pp.best = append(pp.best, nil)
		pp.worst = append(pp.worst, 0)
	}
	ps := pp.best[i]
	if len(ps) < pp.keep {
		pp.best[i] = append(ps, it.p)
		if len(ps)+1 == pp.keep {
			pp.worst[i] = lowestImpact(pp.best[i])
		}
		return
	}
	if it.p.impact() <= pp.worst[i] {
		return
	}
	out := len(ps) - 1 // the oldest page of lowest impact
	for ps[out].impact() != pp.worst[i] {
		out--
	}
	copy(ps[out:], ps[out+1:])
	ps[len(ps)-1] = it.p
	pp.worst[i] = lowestImpact(ps)
}

func lowestImpact(ps []posting) uint8 {
	low := uint8(255)
	for _, p := range ps {
		low = min(low, p.impact())
	}
	return low
}
