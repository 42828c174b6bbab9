package search

// merged is every page's analysis numbered for the whole build: syllable
// keys and exact forms get ids in the order they are met, pages being
// visited in id order, so that every list comes out in page order.
type merged struct {
	keys      []string // key id → key
	ids       map[string]int32
	syllables [][]posting // key id → its pages
	exact     []string    // form id → exact form
	keyOf     []int32     // form id → key id
	formIDs   map[string]int32
	// formsApart numbers the forms met under another key than the one
	// they were first met under: never in an analysis Analyze made (a
	// form's key is the form without marks), possible in a damaged one.
	formsApart map[formName]int32
	formAt     [][]int32 // form id → the positions of its pages among its key's
	formCount  []int     // form id → occurrences in all pages
	pairs      *pairMerge
}

type formName struct {
	key   int32
	exact string
}

// mergeAnalyses numbers and merges the analyses: one pass over the pages,
// the pairs handed on to one goroutine a part of their hash space.
func mergeAnalyses(as []*Analysis) *merged {
	m := &merged{ids: map[string]int32{}, formIDs: map[string]int32{}, pairs: newPairMerge(pairPages(len(as)))}
	norms := lengthNorms(as)
	var local []int32 // the page's syllables' key ids
	for id, a := range as {
		local = local[:0]
		d := decoder{b: a.data, at: a.keysAt}
		for range a.keys {
			k := m.key(d.string())
			local = append(local, k)
			m.syllables[k] = append(m.syllables[k], newPosting(int32(id), impact(float64(d.count()), norms[id])))
			at := int32(len(m.syllables[k]) - 1)
			for range d.count() {
				f := m.form(k, d.string())
				m.formAt[f] = append(m.formAt[f], at)
				m.formCount[f] += d.count()
			}
		}
		m.pairs.page(int32(id), a, local, norms[id])
	}
	m.pairs.finish()
	return m
}

// key returns the id of a syllable key, numbering it when new.
func (m *merged) key(b []byte) int32 {
	if k, ok := m.ids[string(b)]; ok {
		return k
	}
	k := int32(len(m.keys))
	s := string(b)
	m.ids[s] = k
	m.keys = append(m.keys, s)
	m.syllables = append(m.syllables, nil)
	return k
}

// form returns the id of an exact form of key k, numbering it when new.
func (m *merged) form(k int32, b []byte) int32 {
	f, ok := m.formIDs[string(b)]
	if ok && m.keyOf[f] == k {
		return f
	}
	s := string(b)
	if ok { // the same form under another key
		if f, ok := m.formsApart[formName{k, s}]; ok {
			return f
		}
	}
	f = int32(len(m.exact))
	if ok {
		if m.formsApart == nil {
			m.formsApart = map[formName]int32{}
		}
		m.formsApart[formName{k, s}] = f
	} else {
		m.formIDs[s] = f
	}
	m.exact = append(m.exact, s)
	m.keyOf = append(m.keyOf, k)
	m.formAt = append(m.formAt, nil)
	m.formCount = append(m.formCount, 0)
	return f
}
