package layout

import (
	"fmt"
	"html/template"
	"strings"
	"sync"

	"bantin/internal/site"
)

// fragments caches what partialCached rendered, by partial name and key:
// maps of string keys under one read-write lock. Lookups of string keys
// allocate nothing, where a sync.Map would box every key, and a list looks
// up all its items under one read lock.
//
// A partial keyed by page (partialCachedEach's items) would otherwise keep
// a fragment for every page of the site until the build ends (77 MB at
// 100,000 pages): each partial's fragments are kept in two generations,
// and when the newer one holds more than budget bytes it becomes the older
// one and the older one is dropped. A fragment found in the older
// generation moves to the newer one. So a partial holds at most twice
// budget, and the fragments in use by the lists being rendered stay.
type fragments struct {
	mu     sync.RWMutex
	byName map[string]*generations
	budget int
}

// generations are one partial's fragments, newer and older.
type generations struct {
	cur, old map[string]template.HTML
	size     int // bytes of keys and fragments in cur
}

// fragmentBudget is the bytes of one partial's newer generation.
const fragmentBudget = 16 << 20

func newFragments() *fragments {
	return &fragments{byName: map[string]*generations{}, budget: fragmentBudget}
}

// lookup finds key in g, and says whether it was in the older generation.
func (g *generations) lookup(key string) (html template.HTML, found, old bool) {
	if g == nil {
		return "", false, false
	}
	if html, ok := g.cur[key]; ok {
		return html, true, false
	}
	html, ok := g.old[key]
	return html, ok, ok
}

func (f *fragments) get(name, key string) (template.HTML, bool) {
	f.mu.RLock()
	html, ok, old := f.byName[name].lookup(key)
	f.mu.RUnlock()
	if old {
		f.put(name, key, html)
	}
	return html, ok
}

// getAll looks up the fragments of name at keys into out (len(keys) long)
// and reports which it found.
func (f *fragments) getAll(name string, keys []string, out []template.HTML, found []bool) {
	var promote []int
	f.mu.RLock()
	g := f.byName[name]
	for i, key := range keys {
		var old bool
		out[i], found[i], old = g.lookup(key)
		if old {
			promote = append(promote, i)
		}
	}
	f.mu.RUnlock()
	for _, i := range promote {
		f.put(name, keys[i], out[i])
	}
}

func (f *fragments) put(name, key string, html template.HTML) {
	f.mu.Lock()
	g := f.byName[name]
	if g == nil {
		g = &generations{cur: map[string]template.HTML{}}
		f.byName[name] = g
	}
	if _, ok := g.cur[key]; !ok {
		g.size += len(key) + len(html)
	}
	g.cur[key] = html
	if g.size > f.budget {
		g.old, g.cur, g.size = g.cur, map[string]template.HTML{}, 0
	}
	f.mu.Unlock()
}

// forget drops every fragment made with key.
func (f *fragments) forget(key string) {
	f.mu.Lock()
	for _, g := range f.byName {
		delete(g.cur, key)
		delete(g.old, key)
	}
	f.mu.Unlock()
}

// eachCached renders every page or term of list with the partial name,
// keyed by the URL of the page (a term's own list page), and joins the
// fragments: what a range over partialCached writes, in one template call
// instead of one per item, and one cache lookup for the whole list.
func (f *fragments) eachCached(name string, list any, render func(item any) (template.HTML, error)) (template.HTML, error) {
	var items []any
	var keys []string
	switch list := list.(type) {
	case []*site.Page:
		items, keys = make([]any, len(list)), make([]string, len(list))
		for i, p := range list {
			items[i], keys[i] = p, p.URL
		}
	case []*site.Term:
		items, keys = make([]any, len(list)), make([]string, len(list))
		for i, t := range list {
			if t.Page == nil {
				return "", fmt.Errorf("partialCachedEach: term %q has no page", t.Name)
			}
			items[i], keys[i] = t, t.Page.URL
		}
	default:
		return "", fmt.Errorf("partialCachedEach: %T is not a list of pages or terms", list)
	}
	parts := make([]template.HTML, len(items))
	found := make([]bool, len(items))
	f.getAll(name, keys, parts, found)
	size := 0
	for i := range parts {
		if !found[i] {
			html, err := render(items[i])
			if err != nil {
				return "", err
			}
			f.put(name, keys[i], html)
			parts[i] = html
		}
		size += len(parts[i])
	}
	var b strings.Builder
	b.Grow(size)
	for _, part := range parts {
		b.WriteString(string(part))
	}
	return template.HTML(b.String()), nil
}
