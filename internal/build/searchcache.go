package build

import (
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"maps"
	"slices"
	"time"

	"bantin/internal/cache"
	"bantin/internal/output"
	"bantin/internal/parallel"
	"bantin/internal/search"
	"bantin/internal/site"
	"bantin/internal/textstore"
)

// searchVersion names the analyses cached under "search"; bump it when
// search.Analyze would make another analysis of the same page.
const searchVersion = "search/2"

// spilledAnalyses returns the search analysis of every page
// (search.Analyze), on every core, each taken from store when an entry
// with its key is there (a damaged entry is a miss, and the page is
// analysed again), and each put away as it is made (its fragment handed to
// add, the rest to texts): the merge of search.WriteFiles reads them back
// one at a time.
func spilledAnalyses(pages []*site.Page, loc *time.Location, store *cache.Store, texts *textstore.Store, add func(output.File)) []search.Spilled {
	out := make([]search.Spilled, len(pages))
	parallel.For(len(pages), func(i int) { out[i] = analysis(pages[i], loc, store).Spill(i, texts, add) })
	return out
}

func analysis(p *site.Page, loc *time.Location, store *cache.Store) *search.Analysis {
	if store == nil {
		return search.Analyze(p, loc)
	}
	key := searchKey(p, loc)
	if data, ok := store.Get("search", key); ok {
		if a, err := search.UnmarshalAnalysis(data); err == nil {
			return a
		}
		store.Stale("search", key) // whole but unreadable: another format
	}
	a := search.Analyze(p, loc)
	if data, err := a.MarshalBinary(); err == nil {
		store.Put("search", key, data) // a failed write only costs the next build an analysis
	}
	return a
}

// searchKey hashes what search.Analyze reads of p: its title, terms,
// keywords, questions, sections, text, URL and date as shown in loc, with
// the producer's version and the program.
func searchKey(p *site.Page, loc *time.Location) cache.Key {
	h := newKeyHash()
	h.str(p.Title)
	for _, tax := range slices.Sorted(maps.Keys(p.Terms)) {
		h.str(tax)
		h.strs(p.Terms[tax])
	}
	h.str("keywords")
	h.strs(p.Keywords)
	questions := p.Questions()
	h.count(len(questions))
	for _, q := range questions {
		h.str(q.ID)
		h.str(q.Text)
		h.str(q.Plain())
	}
	sections := p.Sections()
	h.count(len(sections))
	for _, s := range sections {
		h.str(s.ID)
		h.str(s.Title)
		h.str(s.Plain())
	}
	h.str(p.Plain())
	h.str(p.RelPermalink)
	date := ""
	if !p.Date.IsZero() {
		date = p.Date.In(loc).Format(time.RFC3339Nano) + " " + loc.String()
	}
	h.str(date)
	return cache.NewKey([]byte(searchVersion), cache.Program(), h.h.Sum(nil))
}

// keyHash writes length-prefixed parts, so that ("ab", "c") and ("a",
// "bc") differ; strings go through a buffer, not a copy each.
type keyHash struct {
	h   hash.Hash
	buf [4096]byte
}

func newKeyHash() *keyHash { return &keyHash{h: sha256.New()} }

func (k *keyHash) count(n int) {
	binary.LittleEndian.PutUint64(k.buf[:8], uint64(n))
	k.h.Write(k.buf[:8])
}

func (k *keyHash) str(s string) {
	k.count(len(s))
	for len(s) > 0 {
		n := copy(k.buf[:], s)
		k.h.Write(k.buf[:n])
		s = s[n:]
	}
}

func (k *keyHash) strs(ss []string) {
	k.count(len(ss))
	for _, s := range ss {
		k.str(s)
	}
}
