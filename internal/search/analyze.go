package search

import (
	"runtime"
	"strings"
	"sync"

	"bantin/internal/parallel"
	"bantin/internal/site"
)

// Field weights: a syllable in the title counts as four in the body, one in
// a heading or a topic/tag as two.
const (
	weightTitle   = 4
	weightHeading = 2
	weightTerm    = 2
	weightBody    = 1
)

// words interns the tokens of one build: each distinct word is normalised
// once, and syllable keys and exact forms get small integer ids, so that
// the analysis of 10,000 pages is map lookups and additions.
type words struct {
	cache sync.Map // raw word → wordIDs
	mu    sync.Mutex
	keys  []string // key id → key
	exact []string // form id → exact form
	keyOf []int32  // form id → key id
	ids   map[string]int32
	forms map[string]int32
}

type wordIDs struct {
	key, form int32
	function  bool // a function word: see functionWords
}

// functionWords are Vietnamese grammatical words. A pair of two of them
// ("và các", "của những") is not indexed: no one searches for such a
// phrase, and they are the commonest pairs of all.
var functionWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`và của là có được những các cho với một không này đã để thì mà ở như từ
		trong khi sẽ cũng đến về theo tại do bị hay hoặc nhưng nên rằng vì nếu ra lại còn đang vào lên đó
		nhiều rất các này kia ấy thế gì ai đâu sao bao`) {
		functionWords[w] = true
	}
}

func newWords() *words {
	return &words{ids: map[string]int32{}, forms: map[string]int32{}}
}

func (w *words) lookup(raw string) wordIDs {
	if v, ok := w.cache.Load(raw); ok {
		return v.(wordIDs)
	}
	t := token(raw, false)
	w.mu.Lock()
	key, ok := w.ids[t.Key]
	if !ok {
		key = int32(len(w.keys))
		w.ids[t.Key] = key
		w.keys = append(w.keys, t.Key)
	}
	form, ok := w.forms[t.Exact]
	if !ok {
		form = int32(len(w.exact))
		w.forms[t.Exact] = form
		w.exact = append(w.exact, t.Exact)
		w.keyOf = append(w.keyOf, key)
	}
	w.mu.Unlock()
	ids := wordIDs{key, form, functionWords[t.Exact]}
	w.cache.Store(raw, ids)
	return ids
}

// analysis is what one page contributes to the index, as compact slices
// (the maps that count are reused from page to page).
type analysis struct {
	syllables []keyWeight    // syllable key ids and their weighted frequency
	pairs     [][]pairWeight // pairs of key ids, by part (pairPart)
	forms     []formUse      // exact forms and how often they occur
	length    int            // body tokens, for length normalisation
}

type keyWeight struct {
	key int32
	tf  float32
}

type pairWeight struct {
	pair   uint64 // key id << 32 | key id
	tf     float32
	titled bool // in the title or a heading
}

type formUse struct{ form, n int32 }

// pairPart spreads pairs over parts for pairLists, one core a part.
func pairPart(pair uint64, parts int) int { return int((pair*0x9E3779B97F4A7C15)>>40) % parts }

// analyzer counts the words of pages, one goroutine each. Syllables and
// forms are counted in slices indexed by their ids, with the ids a page
// touched listed apart, so that a page costs no map work for them.
type analyzer struct {
	w         *words
	parts     int
	cache     map[string]wordIDs
	syllables counts[float64]
	forms     counts[int32]
	pairs     map[uint64]float64
	titled    map[uint64]bool
}

// counts adds up values per id of one page.
type counts[T float64 | int32] struct {
	of      []T
	touched []int32
}

func (c *counts[T]) add(id int32, v T) {
	if int(id) >= len(c.of) {
		c.of = append(c.of, make([]T, int(id)+1-len(c.of)+len(c.of)/2)...)
	}
	if c.of[id] == 0 {
		c.touched = append(c.touched, id)
	}
	c.of[id] += v
}

// reset zeroes the counts of the ids touched.
func (c *counts[T]) reset() {
	for _, id := range c.touched {
		c.of[id] = 0
	}
	c.touched = c.touched[:0]
}

func newAnalyzer(w *words) *analyzer {
	return &analyzer{w: w, parts: runtime.GOMAXPROCS(0), cache: map[string]wordIDs{}, pairs: map[uint64]float64{}, titled: map[uint64]bool{}}
}

// analyzeAll analyses every page on every core.
func analyzeAll(docs []*site.Page, w *words) []*analysis {
	as := make([]*analysis, len(docs))
	workers := runtime.GOMAXPROCS(0)
	parallel.For(workers, func(k int) {
		an := newAnalyzer(w)
		for i := k; i < len(docs); i += workers {
			as[i] = an.analyze(docs[i])
		}
	})
	return as
}

// analyze reads the fields of one page.
func (an *analyzer) analyze(p *site.Page) *analysis {
	an.syllables.reset()
	an.forms.reset()
	clear(an.pairs)
	an.add(p.Title, weightTitle)
	for _, h := range headings(p) {
		an.add(h, weightHeading)
	}
	clear(an.titled)
	for k := range an.pairs {
		an.titled[k] = true
	}
	for _, terms := range p.Terms {
		for _, t := range terms {
			an.add(t, weightTerm)
		}
	}
	for _, k := range p.Keywords {
		an.add(k, weightTerm)
	}
	a := &analysis{length: an.add(p.Plain(), weightBody)}
	a.syllables = make([]keyWeight, 0, len(an.syllables.touched))
	for _, k := range an.syllables.touched {
		a.syllables = append(a.syllables, keyWeight{k, float32(an.syllables.of[k])})
	}
	perPart := make([]int, an.parts)
	for k := range an.pairs {
		perPart[pairPart(k, an.parts)]++
	}
	a.pairs = carve[pairWeight](perPart)
	for k, tf := range an.pairs {
		part := pairPart(k, an.parts)
		a.pairs[part] = append(a.pairs[part], pairWeight{k, float32(tf), an.titled[k]})
	}
	a.forms = make([]formUse, 0, len(an.forms.touched))
	for _, f := range an.forms.touched {
		a.forms = append(a.forms, formUse{f, an.forms.of[f]})
	}
	return a
}

// headings are the ## titles of a page, or a handbook's questions.
func headings(p *site.Page) []string {
	var out []string
	for _, q := range p.Questions() {
		out = append(out, q.Text)
	}
	if len(out) > 0 {
		return out
	}
	for _, s := range p.Sections() {
		if s.Title != "" {
			out = append(out, s.Title)
		}
	}
	return out
}

// add counts the syllables and adjacent pairs of text; it returns the
// number of tokens.
func (an *analyzer) add(text string, weight float64) int {
	n := 0
	prev, prevFunction := int32(-1), false
	eachWord(text, func(raw string, brk bool) {
		ids, ok := an.cache[raw]
		if !ok {
			ids = an.w.lookup(raw)
			an.cache[raw] = ids
		}
		an.syllables.add(ids.key, weight)
		an.forms.add(ids.form, 1)
		if prev >= 0 && !brk && !(prevFunction && ids.function) {
			an.pairs[uint64(prev)<<32|uint64(uint32(ids.key))] += weight
		}
		prev, prevFunction = ids.key, ids.function
		n++
	})
	return n
}
