package layout

import (
	"fmt"
	"html/template"
	"strings"
	"sync"

	"bantin/internal/site"
)

// fragments caches what partialCached rendered, by partial name and key:
// a map per partial, of string keys, under one read-write lock. Lookups of
// string keys allocate nothing, where a sync.Map would box every key, and a
// list looks up all its items under one read lock.
type fragments struct {
	mu     sync.RWMutex
	byName map[string]map[string]template.HTML
}

func newFragments() *fragments {
	return &fragments{byName: map[string]map[string]template.HTML{}}
}

func (f *fragments) get(name, key string) (template.HTML, bool) {
	f.mu.RLock()
	html, ok := f.byName[name][key]
	f.mu.RUnlock()
	return html, ok
}

// getAll looks up the fragments of name at keys into out (len(keys) long)
// and reports which it found.
func (f *fragments) getAll(name string, keys []string, out []template.HTML, found []bool) {
	f.mu.RLock()
	m := f.byName[name]
	for i, key := range keys {
		out[i], found[i] = m[key]
	}
	f.mu.RUnlock()
}

func (f *fragments) put(name, key string, html template.HTML) {
	f.mu.Lock()
	m := f.byName[name]
	if m == nil {
		m = map[string]template.HTML{}
		f.byName[name] = m
	}
	m[key] = html
	f.mu.Unlock()
}

// forget drops every fragment made with key.
func (f *fragments) forget(key string) {
	f.mu.Lock()
	for _, m := range f.byName {
		delete(m, key)
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
