package build

import (
	"maps"
	"slices"
	"sync"

	"bantin/internal/diag"
	"bantin/internal/output"
	"bantin/internal/search"
	"bantin/internal/site"
)

// A session keeps where every page's search analysis is in the build's
// text store (state.spilled: a few numbers a page), so that after
// fast-path edits only the edited pages are analysed again (searchDirty)
// and spilled anew (the store is append-only: the old records stay,
// unread), and the merge of all analyses into the index files — a
// second or more on a 10,000-page site — runs without the session: the
// dev server does not hold its update lock meanwhile, so an edit saved
// during the merge reloads at once.
//
//	r := s.StartSearchRefresh() // under the lock: analyse the edited pages
//	r.Run()                     // without it: merge
//	s.FinishSearchRefresh(r)    // under the lock: publish
//
// The merge reads the analyses, from records no edit changes, and of the
// site only what no fast-path edit changes (the pages, their types and
// topics, the sections' titles).

// SearchRefresh is one rebuild of the search index after fast-path edits.
type SearchRefresh struct {
	st      *state
	spilled []search.Spilled
	mu      sync.Mutex
	files   []output.File
}

// StartSearchRefresh analyses again the pages edited since the index was
// made and returns the merge to run, or nil when the index is up to date.
func (s *Session) StartSearchRefresh() *SearchRefresh {
	if len(s.searchDirty) == 0 || s.st == nil || s.st.spilled == nil {
		return nil
	}
	st := s.st
	r := &SearchRefresh{st: st, spilled: slices.Clone(st.spilled)}
	for i, p := range st.site.Pages {
		if s.searchDirty[p] { // its fragment is made here
			r.spilled[i] = analysis(p, st.site.Config.Location, st.opts.Cache).Spill(i, st.md.texts, r.add)
		}
	}
	st.spilled = r.spilled
	s.searchDirty = nil
	return r
}

// Run merges the analyses into the index files. It does not touch the
// session: call it without the lock.
func (r *SearchRefresh) Run() {
	st := r.st.site
	search.WriteFiles(st, r.spilled, r.st.md.texts, typeLabel(st, r.st.tmpls.Strings), r.add)
}

func (r *SearchRefresh) add(f output.File) {
	r.mu.Lock()
	r.files = append(r.files, f)
	r.mu.Unlock()
}

// FinishSearchRefresh makes the files of r part of the site, unless the
// site was rebuilt whole since r started (that build made its own index).
func (s *Session) FinishSearchRefresh(r *SearchRefresh) *Change {
	ch := &Change{Diags: &diag.List{}}
	if r == nil || r.st != s.st {
		return ch
	}
	if err := r.st.md.texts.Err(); err != nil {
		ch.Diags.Errorf(diag.Pos{}, "%v", err)
		s.broken, ch.Failed = true, true
		return ch
	}
	files := maps.Clone(s.files)
	changed := map[string]bool{}
	for _, f := range r.files {
		put(files, changed, f.Path, f.Data)
	}
	s.files = files
	ch.Changed = slices.Sorted(maps.Keys(changed))
	return ch
}

// RefreshSearch rebuilds the search index after fast-path edits, in one
// call (StartSearchRefresh, Run, FinishSearchRefresh).
func (s *Session) RefreshSearch() *Change {
	r := s.StartSearchRefresh()
	if r == nil {
		return &Change{Diags: &diag.List{}}
	}
	r.Run()
	return s.FinishSearchRefresh(r)
}

// markSearchDirty records that page's analysis is out of date.
func (s *Session) markSearchDirty(page *site.Page) {
	if s.searchDirty == nil {
		s.searchDirty = map[*site.Page]bool{}
	}
	s.searchDirty[page] = true
}
