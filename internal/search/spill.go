package search

import (
	"bytes"
	"encoding/binary"

	"bantin/internal/output"
	"bantin/internal/textstore"
)

// Spilled is a page's analysis put away until the merge: its fragment
// already handed to the output, its syllables and pairs in a text store,
// and in memory only what the merge needs before it reads them. A
// 100,000-page build so holds a few megabytes of analyses, not the
// hundreds they take in full.
type Spilled struct {
	ref                   textstore.Ref // the analysis up to its fragment
	length                int32         // tokens: the page's BM25 length
	keys, keysAt, pairsAt int32
	fragSum               uint64 // FNV-64a of the fragment's path and bytes
}

// Spill hands a's fragment, as page id's, to add, puts the rest of a in
// st and returns where. add and st may be called from many goroutines at
// once.
func (a *Analysis) Spill(id int, st *textstore.Store, add func(output.File)) Spilled {
	p := FragmentPath(id)
	add(output.File{Path: p, Data: bytes.Clone(a.frag), Source: "search index"})
	// The fragment is the last string of data: its length's varint and
	// its bytes. What the merge reads ends before them.
	end := len(a.data) - len(a.frag) - uvarintLen(uint64(len(a.frag)))
	return Spilled{
		ref:    st.Put(a.data[:end]),
		length: int32(a.length), keys: int32(a.keys), keysAt: int32(a.keysAt), pairsAt: int32(a.pairsAt),
		fragSum: fileSum(p, a.frag),
	}
}

func uvarintLen(v uint64) int {
	var b [binary.MaxVarintLen64]byte
	return binary.PutUvarint(b[:], v)
}

// pageAnalyses are the analyses the merge reads, page by page, in order.
type pageAnalyses interface {
	pages() int
	length(id int) int
	// analysis returns page id's analysis, valid until the next call.
	analysis(id int) *Analysis
}

// heldAnalyses are analyses in memory: as[i] is page i's.
type heldAnalyses []*Analysis

func (as heldAnalyses) pages() int                { return len(as) }
func (as heldAnalyses) length(id int) int         { return as[id].length }
func (as heldAnalyses) analysis(id int) *Analysis { return as[id] }

// spilledAnalyses read spilled analyses back from their store, into one
// buffer reused from page to page.
type spilledAnalyses struct {
	list []Spilled
	st   *textstore.Store
	buf  []byte
	a    Analysis
}

func (sa *spilledAnalyses) pages() int        { return len(sa.list) }
func (sa *spilledAnalyses) length(id int) int { return int(sa.list[id].length) }

func (sa *spilledAnalyses) analysis(id int) *Analysis {
	sp := sa.list[id]
	sa.buf = sa.st.ReadInto(sa.buf, sp.ref)
	if len(sa.buf) != sp.ref.Len() { // a failed read, the store's error: an empty page
		sa.a = Analysis{length: int(sp.length)}
		return &sa.a
	}
	sa.a = Analysis{data: sa.buf, length: int(sp.length), keys: int(sp.keys), keysAt: int(sp.keysAt), pairsAt: int(sp.pairsAt)}
	return &sa.a
}
