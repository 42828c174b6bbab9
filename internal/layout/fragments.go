package layout

import (
	"fmt"
	"html/template"
	"strings"
	"sync"

	"bantin/internal/site"
)

// fragments caches what partialCached rendered, by partial name and key.
// A plain map under a read-write lock: lookups of string keys allocate
// nothing, where a sync.Map would box every key.
type fragments struct {
	mu   sync.RWMutex
	html map[fragmentKey]template.HTML
}

type fragmentKey struct{ name, key string }

func newFragments() *fragments {
	return &fragments{html: map[fragmentKey]template.HTML{}}
}

func (f *fragments) get(name, key string) (template.HTML, bool) {
	f.mu.RLock()
	html, ok := f.html[fragmentKey{name, key}]
	f.mu.RUnlock()
	return html, ok
}

func (f *fragments) put(name, key string, html template.HTML) {
	f.mu.Lock()
	f.html[fragmentKey{name, key}] = html
	f.mu.Unlock()
}

// forget drops every fragment made with key.
func (f *fragments) forget(key string) {
	f.mu.Lock()
	for k := range f.html {
		if k.key == key {
			delete(f.html, k)
		}
	}
	f.mu.Unlock()
}

// eachCached renders every page or term of list with render, keyed by the
// URL of the page (a term's own list page), and joins the fragments: what
// a range over partialCached writes, in one template call instead of one
// per item.
func eachCached(list any, render func(item any, key string) (template.HTML, error)) (template.HTML, error) {
	var parts []string
	add := func(item any, key string) error {
		html, err := render(item, key)
		parts = append(parts, string(html))
		return err
	}
	switch items := list.(type) {
	case []*site.Page:
		parts = make([]string, 0, len(items))
		for _, p := range items {
			if err := add(p, p.URL); err != nil {
				return "", err
			}
		}
	case []*site.Term:
		parts = make([]string, 0, len(items))
		for _, t := range items {
			if t.Page == nil {
				return "", fmt.Errorf("partialCachedEach: term %q has no page", t.Name)
			}
			if err := add(t, t.Page.URL); err != nil {
				return "", err
			}
		}
	default:
		return "", fmt.Errorf("partialCachedEach: %T is not a list of pages or terms", list)
	}
	return template.HTML(strings.Join(parts, "")), nil
}
