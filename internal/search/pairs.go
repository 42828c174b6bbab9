package search

import (
	"runtime"
	"sync"
)

// pairList is one pair's best pages (at most pairPages), filed in the
// Bloom filter of the shard of its rarer syllable, home. The pages stay in
// the merge's slot (index.pairPostings): 20 bytes a pair, for the millions
// of pairs of a large site.
type pairList struct {
	a, b, home int32 // key ids: "a b"
	slot       int32 // in its part
	part       uint16
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

// page hands on the pairs of page id, read by d (at the start of the
// page's pairs), whose syllables have the key ids local and whose length
// normaliser is norm.
func (pm *pairMerge) page(id int32, d *decoder, local []int32, norm float64) {
	for _, x := range local {
		for range d.count() {
			j := d.count()
			if j >= len(local) {
				d.failed = true // not a pair of this page's syllables: damaged data
				return
			}
			y := local[j]
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
	pairs := 0
	for _, pp := range pm.parts {
		pairs += pp.n
		pp.index = nil // complete: only the slots and blocks stay
	}
	out := make([]pairList, 0, pairs)
	for p, pp := range pm.parts {
		for i := range pp.n {
			s := pp.slot(int32(i))
			a, b := int32(s.pair>>32), int32(uint32(s.pair))
			home := a
			if df(b) < df(a) {
				home = b
			}
			out = append(out, pairList{a: a, b: b, home: home, slot: int32(i), part: uint16(p)})
		}
	}
	return out
}

// pairPart is the pairs of one part, each one's best pages so far in a
// slot. Slots and blocks live in chunks that are never copied, with no
// pointers for the collector to follow; a common pair's newcomers are
// turned away by the slot alone.
type pairPart struct {
	index  map[uint64]int32 // pair → slot
	n      int              // slots
	slots  [][]pairSlot     // chunks of slotChunk
	keep   int              // pages a pair keeps (pairPages)
	blocks [][]posting      // chunks of slotChunk blocks of keep postings
	nb     int              // blocks
}

const slotChunk = 4096

// pairSlot holds a pair's best pages (at most keep, in page
// order): up to four in the slot, more in a block of its own.
type pairSlot struct {
	pair  uint64 // key ids a << 32 | b
	n     uint8
	worst uint8 // of a full list, its lowest impact; 0 while not full
	block int32 // 1 + the number of its block; 0 while in the slot
	first [4]posting
}

func (pp *pairPart) slot(i int32) *pairSlot { return &pp.slots[i/slotChunk][i%slotChunk] }

// block returns block i (1 + its number).
func (pp *pairPart) block(i int32) []posting {
	at := int((i-1)%slotChunk) * pp.keep
	return pp.blocks[(i-1)/slotChunk][at : at+pp.keep : at+pp.keep]
}

func (pp *pairPart) list(s *pairSlot) []posting {
	if s.block == 0 {
		return s.first[:s.n]
	}
	return pp.block(s.block)[:s.n]
}

// newSlot opens the slot of a pair.
func (pp *pairPart) newSlot(pair uint64) int32 {
	if pp.n%slotChunk == 0 {
		pp.slots = append(pp.slots, make([]pairSlot, slotChunk))
	}
	i := int32(pp.n)
	pp.n++
	pp.slot(i).pair = pair
	return i
}

// newBlock opens a block and returns 1 + its number.
func (pp *pairPart) newBlock() int32 {
	if pp.nb%slotChunk == 0 {
		pp.blocks = append(pp.blocks, make([]posting, slotChunk*pp.keep))
	}
	pp.nb++
	return int32(pp.nb)
}

// add files a page of a pair. Pages come in id order, so a newcomer is
// the oldest page seen: in a full list it only takes the place of the
// oldest of those of lowest impact when its impact is higher.
func (pp *pairPart) add(it pairItem) {
	i, ok := pp.index[it.pair]
	if !ok {
		i = pp.newSlot(it.pair)
		pp.index[it.pair] = i
	}
	s := pp.slot(i)
	if s.worst > 0 && it.p.impact() <= s.worst {
		return
	}
	switch {
	case int(s.n) < len(s.first) && s.block == 0:
		s.first[s.n] = it.p
		s.n++
		return
	case s.block == 0:
		s.block = pp.newBlock()
		copy(pp.block(s.block)[:], s.first[:])
	}
	ps := pp.block(s.block)[:]
	if int(s.n) < pp.keep {
		ps[s.n] = it.p
		s.n++
		if int(s.n) == pp.keep {
			s.worst = lowestImpact(ps)
		}
		return
	}
	out := len(ps) - 1 // the oldest page of lowest impact
	for ps[out].impact() != s.worst {
		out--
	}
	copy(ps[out:], ps[out+1:])
	ps[len(ps)-1] = it.p
	s.worst = lowestImpact(ps)
}

func lowestImpact(ps []posting) uint8 {
	low := uint8(255)
	for _, p := range ps {
		low = min(low, p.impact())
	}
	return low
}
