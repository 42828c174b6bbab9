package search

import (
	"encoding/binary"

	"bantin/internal/vi"
)

// merged is every page's analysis numbered for the whole build: syllable
// keys and exact forms get ids in the order they are met, pages being
// visited in id order, so that every list comes out in page order.
type merged struct {
	keys []string // key id → key
	ids  map[string]int32
	// syllables: key id → its pages, as packed by packPostings (once
	// merged); df: key id → how many.
	syllables [][]byte
	df        []int
	exact     []string // form id → exact form
	keyOf     []int32  // form id → key id
	formIDs   map[string]int32
	// formsApart numbers the forms met under another key than the one
	// they were first met under: never in an analysis Analyze made (a
	// form's key is the form without marks), possible in a damaged one.
	formsApart map[formName]int32
	// formGaps: form id → the positions of its pages among its key's, as
	// varint gaps (the first from -1): about a byte a page, not four.
	formGaps  []growing[byte]
	lastAt    []int32 // form id → the last position filed
	formCount []int   // form id → occurrences in all pages
	pairs     *pairMerge
	// while merging
	postings []growing[byte] // key id → its pages, packed
	lastDoc  []int32         // key id → its last page
}

type formName struct {
	key   int32
	exact string
}

// mergeAnalyses numbers and merges the analyses: one pass over the pages,
// the pairs handed on to one goroutine a part of their hash space.
func mergeAnalyses(as pageAnalyses) *merged {
	m := &merged{ids: map[string]int32{}, formIDs: map[string]int32{}, pairs: newPairMerge(pairPages(as.pages()))}
	norms := lengthNorms(as)
	var local []int32 // the page's syllables' key ids
	for id := range as.pages() {
		a := as.analysis(id)
		local = local[:0]
		d := decoder{b: a.data, at: a.keysAt}
		for range a.keys {
			imp := impact(float64(d.count()), norms[id])
			forms := d.count()
			f := m.firstForm(d.string())
			k := m.keyOf[f]
			local = append(local, k)
			at := int32(m.df[k])
			m.addPosting(k, int32(id), imp)
			for j := range forms {
				if j > 0 {
					f = m.form(k, d.string())
				}
				m.addAt(f, at)
				m.formCount[f] += d.count()
			}
		}
		m.pairs.page(int32(id), &d, local, norms[id])
	}
	m.pairs.finish()
	m.syllables = make([][]byte, len(m.keys))
	for k := range m.postings {
		m.syllables[k] = m.postings[k].flat()
	}
	m.postings, m.lastAt, m.lastDoc = nil, nil, nil
	return m
}

// firstForm returns the id of the first exact form of a syllable, which
// says the syllable: its key is vi.Key of the form. A new form numbers
// its key when the key is new.
func (m *merged) firstForm(b []byte) int32 {
	if f, ok := m.formIDs[string(b)]; ok {
		return f
	}
	s := string(b)
	return m.newForm(m.key(vi.Key(s)), s, false)
}

// key returns the id of a syllable key, numbering it when new.
func (m *merged) key(s string) int32 {
	if k, ok := m.ids[s]; ok {
		return k
	}
	k := int32(len(m.keys))
	m.ids[s] = k
	m.keys = append(m.keys, s)
	m.postings = append(m.postings, growing[byte]{})
	m.lastDoc = append(m.lastDoc, -1)
	m.df = append(m.df, 0)
	return k
}

// form returns the id of another exact form of key k, numbering it when
// new.
func (m *merged) form(k int32, b []byte) int32 {
	f, ok := m.formIDs[string(b)]
	if ok && m.keyOf[f] == k {
		return f
	}
	s := string(b)
	if ok { // the same form under another key: not from Analyze
		if f, ok := m.formsApart[formName{k, s}]; ok {
			return f
		}
	}
	return m.newForm(k, s, ok)
}

func (m *merged) newForm(k int32, s string, apart bool) int32 {
	f := int32(len(m.exact))
	if apart {
		if m.formsApart == nil {
			m.formsApart = map[formName]int32{}
		}
		m.formsApart[formName{k, s}] = f
	} else {
		m.formIDs[s] = f
	}
	m.exact = append(m.exact, s)
	m.keyOf = append(m.keyOf, k)
	m.formGaps = append(m.formGaps, growing[byte]{})
	m.lastAt = append(m.lastAt, -1)
	m.formCount = append(m.formCount, 0)
	return f
}

// addPosting files page doc with its impact for key k, as a varint of
// the gap from the key's last page, shifted left by four, or'ed with the
// impact: about a byte and a half a page, not four.
func (m *merged) addPosting(k, doc int32, impact uint8) {
	var b [binary.MaxVarintLen64]byte
	for _, c := range binary.AppendUvarint(b[:0], uint64(doc-m.lastDoc[k])<<4|uint64(impact)) {
		m.postings[k].add(c)
	}
	m.lastDoc[k] = doc
	m.df[k]++
}

// unpackPostings reads n postings packed by addPosting.
func unpackPostings(packed []byte, n int) []posting {
	out := make([]posting, 0, n)
	doc := int32(-1)
	for len(packed) > 0 {
		v, w := binary.Uvarint(packed)
		if w <= 0 {
			break
		}
		packed = packed[w:]
		doc += int32(v >> 4)
		out = append(out, newPosting(doc, uint8(v&15)))
	}
	return out
}

// addAt files position at (not below the form's last) for form f.
func (m *merged) addAt(f, at int32) {
	var b [binary.MaxVarintLen32]byte
	for _, c := range binary.AppendUvarint(b[:0], uint64(at-m.lastAt[f])) {
		m.formGaps[f].add(c)
	}
	m.lastAt[f] = at
}

// formAt returns the positions of form f's pages among its key's.
func (m *merged) formAt(f int32) []int32 {
	var out []int32
	at, v, shift := int32(-1), uint64(0), 0
	for _, c := range m.formGaps[f].chunks {
		for _, x := range c {
			v |= uint64(x&0x7f) << shift
			shift += 7
			if x < 0x80 {
				at += int32(v)
				out = append(out, at)
				v, shift = 0, 0
			}
		}
	}
	return out
}
