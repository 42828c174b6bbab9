package build

import (
	"maps"
	"slices"
	"sync"

	"bantin/internal/diag"
	"bantin/internal/output"
	"bantin/internal/site"
)

// deferredPages are the pages a session's first build left to render
// (Options.DeferPages), by output path. The dev server serves the rest of
// the site at once and calls FinishPages in the background; a request for
// a page not made yet renders that page alone (RenderPage). Pages are
// rendered from the session's state, which no update changes meanwhile:
// the server runs FinishPages under the lock it takes for updates.
type deferredPages struct {
	mu     sync.RWMutex
	byPath map[string]*site.Page
	all    []*site.Page
}

func (d *deferredPages) set(pages []*site.Page) {
	byPath := make(map[string]*site.Page, len(pages))
	for _, p := range pages {
		byPath[p.OutPath] = p
	}
	d.mu.Lock()
	d.byPath, d.all = byPath, pages
	d.mu.Unlock()
}

func (d *deferredPages) page(path string) *site.Page {
	d.mu.RLock()
	defer d.mu.RUnlock()
	return d.byPath[path]
}

// Deferred reports whether the page at path (an output path:
// "bai-viet/a/index.html") is still to be rendered.
func (s *Session) Deferred(path string) bool { return s.deferred.page(path) != nil }

// RenderPage renders the deferred page at path now, for a request that
// should not wait for FinishPages. It is safe to call while FinishPages
// runs; ok is false when path is no deferred page or its template fails
// (FinishPages reports the failure).
func (s *Session) RenderPage(path string) (data []byte, ok bool) {
	p := s.deferred.page(path)
	if p == nil {
		return nil, false
	}
	html, problem := s.st.tmpls.Execute(p)
	return html, problem == nil
}

// FinishPages renders every deferred page on every core, handing each to
// add as soon as it is made, and then makes them part of Files. The
// Change holds the template problems, reported as a build reports them
// (one line for a problem that recurs on many pages), and lists the pages
// made.
func (s *Session) FinishPages(add func(path string, data []byte)) *Change {
	s.deferred.mu.RLock()
	pages := s.deferred.all
	s.deferred.mu.RUnlock()
	ch := &Change{Diags: &diag.List{}}
	if len(pages) == 0 {
		return ch
	}
	var mu sync.Mutex
	made := make(map[string][]byte, len(pages))
	executePages(pages, s.st.tmpls, func(f output.File) {
		add(f.Path, f.Data)
		mu.Lock()
		made[f.Path] = f.Data
		mu.Unlock()
	}, ch.Diags)
	if ch.Diags.HasErrors() {
		s.broken, ch.Failed = true, true
	}
	files := maps.Clone(s.files)
	for path, data := range made {
		files[path] = data
		ch.Changed = append(ch.Changed, path)
	}
	slices.Sort(ch.Changed)
	s.files = files
	s.deferred.set(nil)
	return ch
}
