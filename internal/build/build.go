package build

import (
	"cmp"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"time"

	"bantin/internal/cache"
	"bantin/internal/config"
	"bantin/internal/content"
	"bantin/internal/diag"
	"bantin/internal/imaging"
	"bantin/internal/layout"
	"bantin/internal/markdown"
	"bantin/internal/output"
	"bantin/internal/parallel"
	"bantin/internal/publication"
	"bantin/internal/search"
	"bantin/internal/shortlink"
	"bantin/internal/site"
	"bantin/internal/textstore"
)

// Options are the choices of one build.
type Options struct {
	BaseURL                 string // overrides config.toml's when not empty
	Drafts, Future, Expired bool
	Now                     time.Time // for the filter; zero means time.Now()
	// NoBrowse builds without taxonomies, related pages, the archive and
	// pagination (lists show their first page only). It exists to measure
	// what those features cost (BenchmarkBrowse10000).
	NoBrowse bool
	// PDF links every publication (or, when PDFOnly is not empty, those
	// whose source paths it holds) to its PDF (PDFURL); the caller prints
	// the PDFs (internal/pdf) and adds them to the files.
	PDF     bool
	PDFOnly map[string]bool
	// Press: the PDFs include press copies and booklets (PressPDFURL,
	// BookletPDFURL).
	Press bool
	// Cache keeps results that depend on one input and the options
	// (rendered Markdown, QR codes, processed images) across builds; nil
	// caches nothing (--noCache).
	Cache *cache.Store

	// Defer leaves out of the build what the dev server's first answer
	// does not need: the QR codes and short-link redirects, the search
	// index, the feeds and the sitemap (Session.FinishOutputs), then the
	// pages' HTML and the qrFile codes (Session.FinishPages). The pages'
	// paths are checked like every file's at once, the rest as they are
	// made. A deferred page asked for first is rendered alone
	// (Session.RenderPage), the same bytes.
	Defer bool

	imageMemo *imaging.Memo // nil: processMemo (tests give a fresh one to see the store at work)
}

func (o Options) wantsPDF(source string) bool {
	return o.PDF && (len(o.PDFOnly) == 0 || o.PDFOnly[source])
}

// Result is what a build produced.
type Result struct {
	Files []output.File // sorted by path; empty when Diags has errors
	Diags *diag.List
	Site  *site.Site
	Stats Stats
	// Now is the clock reading the build filtered by (Options.Now), and
	// Until the instant from which the same inputs could give another
	// output (a future page's publish date, just past an expiry date;
	// content.Set.Until); zero when no date of the site can. The output
	// holds for every clock reading in [Now, Until).
	Now, Until time.Time

	state *state // what a Session needs to update the build

	sink *output.Sink // where Into wrote the files; AddFiles adds to it
}

// state is everything a build made, kept so that a Session can redo only
// what an edit touches.
type state struct {
	fsys   fs.FS
	opts   Options
	cfg    *config.Config
	ix     *site.Index
	md     *mdRenderer
	tmpls  *layout.Templates
	site   *site.Site
	images *images
	// later: with Options.Defer, what the build left to make.
	later *deferredWork
	// spilled: every page's search analysis in the text store, in
	// site.Pages order (set by FinishOutputs when the build deferred).
	spilled []search.Spilled
}

// Stats summarises a build.
type Stats struct {
	PagesByType map[string]int // regular pages by content type
	Lists       int            // list pages: home, sections, taxonomies, terms, archive, and their pagers
	Files       int
	Duration    time.Duration
	Stages      []Stage     // wall time of each stage, in order
	Cache       cache.Stats // what Options.Cache answered during the build
	// CacheBy is Cache by kind of result: "markdown", "qr", "images", "search".
	CacheBy map[string]cache.Stats
}

// cacheSpaces are the namespaces a build's results are cached under.
var cacheSpaces = []string{"markdown", "qr", "images", "search"}

// cacheSnapshot is what c answered so far, in all and by namespace.
type cacheSnapshot struct {
	all cache.Stats
	by  map[string]cache.Stats
}

func snapshot(c *cache.Store) cacheSnapshot {
	s := cacheSnapshot{all: c.Stats(), by: map[string]cache.Stats{}}
	for _, ns := range cacheSpaces {
		s.by[ns] = c.StatsOf(ns)
	}
	return s
}

// since fills st's cache counts with what c answered after before.
func (st *Stats) cacheSince(c *cache.Store, before cacheSnapshot) {
	now := snapshot(c)
	st.Cache = now.all.Since(before.all)
	st.CacheBy = map[string]cache.Stats{}
	for ns, n := range now.by {
		st.CacheBy[ns] = n.Since(before.by[ns])
	}
}

// Stage is the wall time one stage of the pipeline took.
type Stage struct {
	Name     string
	Duration time.Duration
}

// stopwatch records stage times.
type stopwatch struct {
	last   time.Time
	stages []Stage
}

func (w *stopwatch) lap(name string) {
	now := time.Now()
	w.stages = append(w.stages, Stage{name, now.Sub(w.last)})
	w.last = now
}

// Build builds the site whose root is fsys and returns its files in
// memory (Result.Files).
func Build(fsys fs.FS, opts Options) *Result {
	mem := output.NewMem()
	res := Into(fsys, opts, mem)
	if !res.Diags.HasErrors() {
		res.Files = mem.Files()
	}
	return res
}

// Into builds the site whose root is fsys and writes each output file
// into w as soon as it is made, through one collision check
// (output.Sink): the build holds the site model, not the site. When
// Result.Diags has errors, w may hold part of the site; the caller throws
// it away (output.Dir.Abort). Result.Files is nil.
func Into(fsys fs.FS, opts Options, w output.Writer) *Result {
	start := time.Now()
	if opts.Now.IsZero() {
		opts.Now = start
	}
	cacheBefore := snapshot(opts.Cache)
	dl := &diag.List{}
	res := &Result{Diags: dl, sink: output.NewSink(w)}
	sw := &stopwatch{last: start}
	texts, err := newTextStore(w)
	if err != nil {
		dl.Errorf(diag.Pos{}, "%v", err)
		return res
	}
	cfg := config.Load(fsys, opts.BaseURL, dl)
	filter := content.Options{Drafts: opts.Drafts, Future: opts.Future, Expired: opts.Expired, Now: opts.Now, Texts: texts}
	set := content.Scan(fsys, cfg, filter, dl)
	res.Now, res.Until = opts.Now, set.Until(filter)
	ix := site.NewIndex(cfg, set, dl)
	sw.lap("read")
	codes := newCodes(opts.Cache)
	tmpls := layout.Load(fsys, cfg, codes, dl) // before the Markdown: shortcodes are templates
	if tmpls == nil {
		return res
	}
	md := newRenderer(cfg, opts.Cache, texts)
	imgs := newImages(fsys, ix, &imaging.Processor{Store: opts.Cache, Memo: cmp.Or(opts.imageMemo, processMemo)})
	results := renderMarkdown(md, tmpls, set, ix, imgs, dl)
	if err := texts.Err(); err != nil {
		dl.Errorf(diag.Pos{}, "%v", err)
	}
	sw.lap("markdown")
	s := site.Assemble(ix, set, results, site.Options{Labels: labels(tmpls.Strings), NoBrowse: opts.NoBrowse, Diags: dl})
	s.Publishing = publication.Prepare(s, ix, tmpls.Strings.Translate("publications"), opts.wantsPDF, opts.Press, dl)
	s.Prints, s.Publications = s.Publishing.Prints, s.Publishing.Catalogue
	s.All = append(s.All, s.Publishing.Catalogue)
	checkAnchors(set, results, s, dl)
	s.All = append(s.All, search.Page(s, ix, tmpls.Strings.Translate("search")))
	s.ShortLinks = shortlink.Assign(s, dl)
	pagination := ix.Paginate(s, !opts.NoBrowse)
	s.Pagination, s.Pagers = pagination.First, pagination.Later
	imgs.attach(s, dl)
	res.Site = s
	static := listTree(fsys, StaticDir, StaticDir, dl)
	sw.lap("assemble")
	if dl.HasErrors() {
		// Input errors: the later stages would run on half-built data and
		// add problems that are only echoes of these.
		return res
	}
	out := res.sink
	imgs.files(dl, out.Add)
	sw.lap("images")
	model := modelOutputs{s: s, tmpls: tmpls, codes: codes, cache: opts.Cache, texts: texts}
	var later *deferredWork
	var spilled []search.Spilled
	if opts.Defer {
		later = newDeferredWork(model, out, claimPages(s, out))
	} else {
		// The QR codes, the search index, the feeds and the sitemap need
		// only the site model: they are made before the templates, while
		// the heap does not yet hold every rendered page, and they cost
		// less there (a garbage collection is less likely to run beside
		// them, and a shorter one when it does).
		model.qr(out.Add, dl)
		sw.lap("qr")
		spilled = model.search(out.Add, dl)
		sw.lap("search")
		model.feeds(out.Add, dl)
		sw.lap("feeds, sitemap")
		renderPages(s, tmpls, out, dl)
		sw.lap("templates")
	}
	out.AddAll(imgs.withhold(extraFiles(fsys, s, tmpls, static, dl)))
	if !opts.Defer {
		out.AddAll(wantedQRFiles(s, codes, dl))
	}
	sw.lap("static")
	res.report()
	if dl.HasErrors() {
		return res
	}
	res.Stats = stats(s, out.Len(), time.Since(start))
	res.Stats.Stages = sw.stages
	opts.Cache.Flush() // publish this build's entries (a failure counts among Failed)
	res.Stats.cacheSince(opts.Cache, cacheBefore)
	if n := res.Stats.Cache.Failed; n > 0 {
		dl.Warnf(diag.Pos{File: opts.Cache.Dir()}, "could not write %d build cache entries (%v); this build is complete, the next one redoes their work", n, opts.Cache.FirstError())
	}
	res.state = &state{fsys: fsys, opts: opts, cfg: cfg, ix: ix, md: md, tmpls: tmpls, site: s, images: imgs, later: later, spilled: spilled}
	return res
}

// labels are the titles of made-up pages, from the UI strings.
func labels(strs *layout.Strings) site.Labels {
	return site.Labels{
		Archive: strs.Translate("archive"),
		Year:    func(y int) string { return strs.Translate("yearTitle", y) },
		Month:   func(y int, m time.Month) string { return strs.Translate("monthTitle", y, int(m)) },
		// the UI string named by the plural ("tags" = "Thẻ"), else the plural
		Taxonomies: func(plural string) string { return strs.Translate(plural) },
	}
}

// typeLabel names a content type for the search page's filter: the UI
// string of that name, else the title of the section of that type.
func typeLabel(s *site.Site, strs *layout.Strings) func(string) string {
	return func(typ string) string {
		if l := strs.Translate(typ); l != typ {
			return l
		}
		for _, sec := range s.Sections {
			if sec.Type == typ {
				return sec.Title
			}
		}
		return typ
	}
}

// mdRenderer is the Markdown renderer of a build and what its results
// are cached under.
type mdRenderer struct {
	r     *markdown.Renderer
	opts  markdown.Options
	cache *cache.Store
	texts *textstore.Store // where the rendered HTML and text go
}

func newRenderer(cfg *config.Config, c *cache.Store, texts *textstore.Store) *mdRenderer {
	opts := markdown.Options{
		Unsafe: cfg.Markup.Unsafe, Typographer: *cfg.Markup.Typographer,
		HighlightStyle: cfg.Markup.HighlightStyle, LineNumbers: cfg.Markup.LineNumbers,
		RequireAlt: cfg.Images.RequireAlt,
	}
	return &mdRenderer{r: markdown.New(opts), opts: opts, cache: c, texts: texts}
}

// render renders d, or takes its result from the cache, and moves its
// HTML and text into the text store.
func (m *mdRenderer) render(d *content.Doc, ix *site.Index, tmpls *layout.Templates, imgs *images, dl *diag.List) (*site.Rendered, error) {
	res, err := renderCached(m.r, m.opts, m.cache, markdownInput(d, ix, tmpls, imgs), dl)
	if err != nil {
		return nil, err
	}
	return site.StoreRendered(m.texts, res), nil
}

func renderMarkdown(m *mdRenderer, tmpls *layout.Templates, set *content.Set, ix *site.Index, imgs *images, dl *diag.List) []*site.Rendered {
	results := make([]*site.Rendered, len(set.Docs))
	parallel.For(len(set.Docs), func(i int) {
		d := set.Docs[i]
		res, err := m.render(d, ix, tmpls, imgs, dl)
		if err != nil {
			dl.Errorf(diag.Pos{File: d.Path}, "%v", err)
			res = &site.Rendered{}
		}
		d.MoveBody(m.texts)
		results[i] = res
	})
	return results
}

// newTextStore is where a build keeps its pages' HTML and text: a file
// with no name in the temporary output folder when the build writes to
// disk, else memory.
func newTextStore(w output.Writer) (*textstore.Store, error) {
	if d, ok := w.(*output.Dir); ok {
		return textstore.NewFile(d.TempDir())
	}
	return textstore.NewMem(), nil
}

// markdownInput is what rendering d's body needs: its links resolve
// through ix, its shortcodes through the templates, its images through
// imgs.
func markdownInput(d *content.Doc, ix *site.Index, tmpls *layout.Templates, imgs *images) markdown.Input {
	return imgs.input(markdown.Input{File: d.Path, Src: d.Text(), FirstLine: d.BodyLine, Resolve: ix.Resolver(d.Rel),
		Shortcodes: tmpls.Shortcodes(d, ix, imgs.finder(d.Rel))}, d.Rel)
}

// checkAnchors warns about every link to an id that its target document
// does not have: a heading's, or a handbook question's (cau-3).
func checkAnchors(set *content.Set, results []*site.Rendered, s *site.Site, dl *diag.List) {
	byRel := make(map[string]int, len(set.Docs))
	for i, d := range set.Docs {
		byRel[d.Rel] = i
	}
	questions := map[string][]string{} // content rel → question ids
	for _, p := range s.Pages {
		for _, q := range p.Questions() {
			if p.Doc != nil {
				questions[p.Doc.Rel] = append(questions[p.Doc.Rel], q.ID)
			}
		}
	}
	for i, res := range results {
		for _, a := range res.Anchors {
			rel := path.Join(path.Dir(set.Docs[i].Rel), a.Target)
			j, ok := byRel[rel]
			if ok && !slices.Contains(results[j].IDs, a.Fragment) && !slices.Contains(questions[rel], a.Fragment) {
				dl.Warnf(a.Pos, "link %q: %s has no heading with id %q", a.Target+"#"+a.Fragment, set.Docs[j].Path, a.Fragment)
			}
		}
	}
}

// renderPages executes the layout of every page and adds its HTML to out
// at once. A template problem that recurs on many pages is reported once.
func renderPages(s *site.Site, tmpls *layout.Templates, out *output.Sink, dl *diag.List) {
	executePages(allPages(s), tmpls, out.Add, dl)
}

// allPages are the pages the templates make: every page, the later
// pagers, the print editions.
func allPages(s *site.Site) []*site.Page {
	return append(append(append([]*site.Page(nil), s.All...), s.Pagers...), s.Prints...)
}

// claimPages checks the paths of every page's HTML in out, without the
// HTML (Options.Defer), and returns the pages.
func claimPages(s *site.Site, out *output.Sink) []*site.Page {
	all := allPages(s)
	for _, p := range all {
		out.Claim(output.File{Path: p.OutPath, Source: sourceName(p)})
	}
	return all
}

// executePages executes the layout of every page of all on every core and
// hands each page's HTML to add. A template problem that recurs on many
// pages is reported once.
func executePages(all []*site.Page, tmpls *layout.Templates, add func(output.File), dl *diag.List) {
	problems := make([]*diag.Diagnostic, len(all))
	parallel.For(len(all), func(i int) {
		p := all[i]
		html, problem := tmpls.Execute(p)
		problems[i] = problem
		if problem == nil {
			add(output.File{Path: p.OutPath, Data: html, Source: sourceName(p)})
		}
	})
	reportOnce(all, problems, dl)
}

func reportOnce(pages []*site.Page, problems []*diag.Diagnostic, dl *diag.List) {
	type seen struct {
		d     diag.Diagnostic
		first string
		count int
	}
	var order []string
	byKey := map[string]*seen{}
	for i, p := range problems {
		if p == nil {
			continue
		}
		key := p.String()
		if byKey[key] == nil {
			byKey[key] = &seen{d: *p, first: sourceName(pages[i])}
			order = append(order, key)
		}
		byKey[key].count++
	}
	for _, key := range order {
		s := byKey[key]
		msg := fmt.Sprintf("%s (rendering %s", s.d.Msg, s.first)
		if s.count > 1 {
			msg += fmt.Sprintf(" and %d other pages", s.count-1)
		}
		dl.Errorf(s.d.Pos, "%s)", msg)
	}
}

func sourceName(p *site.Page) string {
	if p.Source != "" {
		return p.Source
	}
	return "the " + string(p.Kind) + " page " + p.URL
}

func stats(s *site.Site, files int, d time.Duration) Stats {
	st := Stats{PagesByType: map[string]int{}, Lists: len(s.All) - len(s.Pages) + len(s.Pagers), Files: files, Duration: d}
	for _, p := range s.Pages {
		st.PagesByType[p.Type]++
	}
	return st
}
