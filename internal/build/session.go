package build

import (
	"bytes"
	"io/fs"
	"maps"
	"slices"
	"sort"
	"strings"
	"time"

	"bantin/internal/cache"
	"bantin/internal/content"
	"bantin/internal/diag"
	"bantin/internal/feed"
	"bantin/internal/site"
	"bantin/internal/sitemap"
)

// Session keeps a built site up to date as its sources change: the dev
// server's engine. It is not safe for concurrent use.
//
// What an edit to an existing page touches follows from one dependency
// model, content.Inputs: content.Changed says what the edit reaches
// (content.Reach). When it reaches less than everything and the page is
// neither a publication (leaflet, handbook, bulletin issue) nor printed in
// one, the edit takes the fast path: that one document is read and
// rendered again, its page updated in place (site.Refresh sets exactly
// the fields of the Inputs), and only the outputs in its reach are made
// again — its page (Own); the list pages that show it, the home and 404
// pages (Lists); the feeds that hold it (Feeds); the sitemap (Sitemap);
// the search index later, in RefreshSearch (Search). A changed file under
// static/ is copied again. Anything else (templates, config, new or
// removed files, a new title, date, URL, terms, draft state …) rebuilds
// the whole site, so after any sequence of edits the files equal what a
// clean build makes.
type Session struct {
	fsys     fs.FS
	opts     Options
	st       *state
	files    map[string][]byte
	bySource map[string]*site.Page
	broken   bool // the last update failed: the next one rebuilds everything
	// searchDirty: the pages whose text a fast-path edit changed since the
	// search index (seconds on a large site) was last rebuilt; none: it is
	// up to date.
	searchDirty map[*site.Page]bool
}

// Change says what an update did.
type Change struct {
	Diags   *diag.List
	Full    bool     // the whole site was rebuilt
	Changed []string // output paths added, changed or removed, sorted
	Failed  bool     // the update had errors; the previous files stay
	// SearchStale: the search index still has the text from before this
	// update; RefreshSearch brings it up to date. The dev server calls it
	// once edits pause, so that saves show at once.
	SearchStale bool
	// Cache is what Options.Cache answered during a full rebuild.
	Cache cache.Stats
}

// NewSession builds the site once. With opts.Defer, that first build
// leaves what the first answer does not need to FinishOutputs and
// FinishPages (and RenderPage); later rebuilds make everything.
func NewSession(fsys fs.FS, opts Options) (*Session, *Change) {
	first := opts
	opts.Defer = false
	s := &Session{fsys: fsys, opts: opts, files: map[string][]byte{}}
	ch := s.rebuildWith(first)
	return s, ch
}

// Files returns the current site, path → content. The map is replaced,
// never changed in place, by Update; callers must not modify it.
func (s *Session) Files() map[string][]byte { return s.files }

// Update brings the site up to date after the source files at paths
// (slash-separated, relative to the site root) changed, appeared or went.
func (s *Session) Update(paths []string) *Change {
	if s.st == nil || s.broken {
		return s.rebuild()
	}
	files := maps.Clone(s.files)
	ch := &Change{Diags: &diag.List{}}
	changed := map[string]bool{}
	for _, p := range paths {
		if s.vanished(p) {
			continue // an editor's temporary file, written and renamed away
		}
		ok := false
		switch {
		case strings.HasPrefix(p, content.Dir+"/") && strings.HasSuffix(p, ".md"):
			ok = s.updatePage(p, files, changed, ch.Diags)
		case strings.HasPrefix(p, StaticDir+"/"):
			ok = s.updateStatic(p, files, changed)
		}
		if ch.Diags.HasErrors() {
			s.broken, ch.Failed = true, true
			return ch
		}
		if !ok {
			return s.rebuild()
		}
	}
	s.files = files
	ch.Changed = slices.Sorted(maps.Keys(changed))
	ch.SearchStale = len(s.searchDirty) > 0
	return ch
}

// vanished reports whether p no longer exists and never was a page or a
// published static file, so that it cannot change the site.
func (s *Session) vanished(p string) bool {
	if _, err := fs.Stat(s.fsys, p); err == nil {
		return false
	}
	if s.bySource[p] != nil {
		return false
	}
	if strings.HasPrefix(p, StaticDir+"/") {
		_, published := s.files[strings.TrimPrefix(p, StaticDir+"/")]
		return !published
	}
	return strings.HasPrefix(p, content.Dir+"/") && !strings.HasSuffix(p, ".md") && !s.st.ix.Publishes(strings.TrimPrefix(p, content.Dir+"/"))
}

// rebuild builds everything and reports which outputs differ.
func (s *Session) rebuild() *Change { return s.rebuildWith(s.opts) }

func (s *Session) rebuildWith(opts Options) *Change {
	res := Build(s.fsys, opts)
	ch := &Change{Diags: res.Diags, Full: true, Cache: res.Stats.Cache}
	if res.Diags.HasErrors() {
		s.broken, ch.Failed = true, true
		return ch
	}
	files := make(map[string][]byte, len(res.Files))
	for _, f := range res.Files {
		files[f.Path] = f.Data
		if old, ok := s.files[f.Path]; !ok || !bytes.Equal(old, f.Data) {
			ch.Changed = append(ch.Changed, f.Path)
		}
	}
	for p := range s.files {
		if _, ok := files[p]; !ok {
			ch.Changed = append(ch.Changed, p)
		}
	}
	sort.Strings(ch.Changed)
	s.files, s.st, s.broken, s.searchDirty = files, res.state, false, nil
	s.bySource = map[string]*site.Page{}
	for _, p := range res.Site.Pages {
		s.bySource[p.Source] = p
	}
	return ch
}

// updatePage takes the fast path for one edited page, or reports false.
func (s *Session) updatePage(p string, files map[string][]byte, changed map[string]bool, dl *diag.List) bool {
	page := s.bySource[p]
	if page == nil {
		return false
	}
	if _, err := fs.Stat(s.fsys, p); err != nil {
		return false // removed: other pages change
	}
	st := s.st
	now := s.opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	copts := content.Options{Drafts: s.opts.Drafts, Future: s.opts.Future, Expired: s.opts.Expired, Now: now}
	rel := strings.TrimPrefix(p, content.Dir+"/")
	d := content.Read(s.fsys, rel, st.cfg, copts, dl)
	if d == nil || dl.HasErrors() {
		return true // errors reported; Update keeps the previous files
	}
	reach := content.Changed(page.Doc, d)
	if reach&content.Everything != 0 || (reach != 0 && s.inPublication(page)) {
		return false
	}
	if reach == 0 {
		return true // saved unchanged
	}
	r, err := st.md.render(d, st.ix, st.tmpls, st.images, dl)
	if err != nil || dl.HasErrors() {
		return true
	}
	if st.images.changedFor(d.Rel) {
		return false // an image shown or linked anew: its copies or its original must be written
	}
	site.Refresh(page, d, r)
	st.tmpls.ForgetCached(page.URL)
	return s.remake(page, reach, files, changed, dl)
}

// remake makes again the outputs that an edit of page reaches, or reports
// false when it cannot.
func (s *Session) remake(page *site.Page, reach content.Reach, files map[string][]byte, changed map[string]bool, dl *diag.List) bool {
	st := s.st
	var pages []*site.Page
	if reach&content.Own != 0 {
		pages = append(pages, page)
	}
	if reach&content.Lists != 0 {
		pages = append(pages, s.showing(page)...)
		pages = append(pages, notFound(st.site, st.tmpls))
	}
	for _, q := range pages {
		html, problem := st.tmpls.Execute(q)
		if problem != nil {
			dl.Add(*problem)
			return true
		}
		put(files, changed, q.OutPath, html)
	}
	if reach&content.Feeds != 0 && !s.remakeFeeds(page, files, changed) {
		return false
	}
	if reach&content.Sitemap != 0 {
		data, err := sitemap.XML(st.site.All)
		if err != nil {
			return false
		}
		put(files, changed, sitemap.Path, data)
	}
	if reach&content.Search != 0 {
		s.markSearchDirty(page)
	}
	return true
}

// remakeFeeds makes again the feeds that hold page.
func (s *Session) remakeFeeds(page *site.Page, files map[string][]byte, changed map[string]bool) bool {
	for _, list := range s.st.site.Lists {
		if holds(list.Pages, page, s.st.cfg.Feeds.Limit) {
			rss, err1 := feed.RSS(list)
			atom, err2 := feed.Atom(list)
			if err1 != nil || err2 != nil {
				return false
			}
			put(files, changed, feed.RSSPath(list), rss)
			put(files, changed, feed.AtomPath(list), atom)
		}
	}
	return true
}

// inPublication reports whether page is a publication or printed in one:
// their panels, questions and print editions are made from the whole text,
// so such an edit rebuilds everything.
func (s *Session) inPublication(page *site.Page) bool {
	for _, e := range s.st.site.Prints {
		if e.Edition == page {
			return true
		}
		for _, a := range e.Edition.Articles() {
			if a == page {
				return true
			}
		}
	}
	return false
}

// showing returns every list page (pagers included) page appears on, and
// the home page.
func (s *Session) showing(page *site.Page) []*site.Page {
	out := []*site.Page{s.st.site.Home}
	for _, lists := range [][]*site.Page{s.st.site.All, s.st.site.Pagers} {
		for _, q := range lists {
			if q.IsList() && q != s.st.site.Home && holds(shown(q), page, -1) {
				out = append(out, q)
			}
		}
	}
	return out
}

func shown(list *site.Page) []*site.Page {
	if pg := list.Pager(); pg != nil {
		return pg.Pages
	}
	return list.Pages
}

// holds reports whether page is among the first limit pages (all, when
// limit < 0).
func holds(pages []*site.Page, page *site.Page, limit int) bool {
	for i, q := range pages {
		if i == limit {
			return false
		}
		if q == page {
			return true
		}
	}
	return false
}

func (s *Session) updateStatic(p string, files map[string][]byte, changed map[string]bool) bool {
	data, err := fs.ReadFile(s.fsys, p)
	if err != nil {
		return false // removed or unreadable: the theme's file may show through again
	}
	put(files, changed, strings.TrimPrefix(p, StaticDir+"/"), data)
	return true
}

func put(files map[string][]byte, changed map[string]bool, path string, data []byte) {
	if old, ok := files[path]; ok && bytes.Equal(old, data) {
		return
	}
	files[path] = data
	changed[path] = true
}
