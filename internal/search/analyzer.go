package search

import "strings"

// analyzer counts the words of one page at a time. It keeps its own table
// of the words it has met, so that each distinct word is normalised once
// (token) and counted by small integer ids: a page costs map lookups and
// additions, and the ids a page touched are listed apart so that nothing
// is cleared in full between pages. The ids never leave the analyzer:
// an Analysis names words by their strings.
type analyzer struct {
	seen  map[string]wordIDs // raw word → ids
	keys  []string           // key id → key
	exact []string           // form id → exact form
	keyOf []int32            // form id → key id
	ids   map[string]int32   // key → key id
	forms map[string]int32   // exact form → form id

	syllables counts // weighted frequency by key id
	formUses  counts // occurrences by form id
	pairIndex map[uint64]int32
	pairOrder []uint64 // pairs of key ids (a << 32 | b), in order of first occurrence
	pairTF    []int64
	// titledPairs: the first titledPairs of pairOrder are in the title
	// or a heading.
	titledPairs int

	// encode's arrays, reused from page to page
	localOf                []int32 // key id → its index in the page's list
	order                  []uint64
	sorted, groupOf        []int32
	formGroups, pairGroups grouping
	buf                    []byte
}

type wordIDs struct {
	key, form int32
	function  bool // a function word: see functionWords
}

func newAnalyzer() *analyzer {
	return &analyzer{seen: map[string]wordIDs{}, ids: map[string]int32{}, forms: map[string]int32{}, pairIndex: map[uint64]int32{}}
}

func (an *analyzer) reset() {
	an.syllables.reset()
	an.formUses.reset()
	clear(an.pairIndex)
	an.pairOrder, an.pairTF, an.titledPairs = an.pairOrder[:0], an.pairTF[:0], 0
}

// lookup returns the ids of a raw word, normalising it the first time.
func (an *analyzer) lookup(raw string) wordIDs {
	if ids, ok := an.seen[raw]; ok {
		return ids
	}
	// raw is part of a page's text, and so may be every string token
	// derives from it: the analyzer outlives the page, so its tables keep
	// a copy, not the page's whole text.
	raw = strings.Clone(raw)
	t := token(raw, false)
	key, ok := an.ids[t.Key]
	if !ok {
		key = int32(len(an.keys))
		an.ids[t.Key] = key
		an.keys = append(an.keys, t.Key)
	}
	form, ok := an.forms[t.Exact]
	if !ok {
		form = int32(len(an.exact))
		an.forms[t.Exact] = form
		an.exact = append(an.exact, t.Exact)
		an.keyOf = append(an.keyOf, key)
	}
	ids := wordIDs{key, form, functionWords[t.Exact]}
	an.seen[raw] = ids
	return ids
}

// add counts the syllables and adjacent pairs of text; it returns the
// number of tokens.
func (an *analyzer) add(text string, weight int64) int {
	n := 0
	prev, prevFunction := int32(-1), false
	eachWord(text, func(raw string, brk bool) {
		ids := an.lookup(raw)
		an.syllables.add(ids.key, weight)
		an.formUses.add(ids.form, 1)
		if prev >= 0 && !brk && !(prevFunction && ids.function) {
			an.addPair(uint64(prev)<<32|uint64(uint32(ids.key)), weight)
		}
		prev, prevFunction = ids.key, ids.function
		n++
	})
	return n
}

func (an *analyzer) addPair(pair uint64, weight int64) {
	i, ok := an.pairIndex[pair]
	if !ok {
		i = int32(len(an.pairOrder))
		an.pairIndex[pair] = i
		an.pairOrder = append(an.pairOrder, pair)
		an.pairTF = append(an.pairTF, 0)
	}
	an.pairTF[i] += weight
}

// counts adds up values per id of one page.
type counts struct {
	of      []int64
	touched []int32
}

func (c *counts) add(id int32, v int64) {
	if int(id) >= len(c.of) {
		c.of = append(c.of, make([]int64, int(id)+1-len(c.of)+len(c.of)/2)...)
	}
	if c.of[id] == 0 {
		c.touched = append(c.touched, id)
	}
	c.of[id] += v
}

// reset zeroes the counts of the ids touched.
func (c *counts) reset() {
	for _, id := range c.touched {
		c.of[id] = 0
	}
	c.touched = c.touched[:0]
}
