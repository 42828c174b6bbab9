package build

import (
	"maps"
	"path"
	"slices"
	"sync"

	"bantin/internal/diag"
	"bantin/internal/layout"
	"bantin/internal/output"
	"bantin/internal/qr"
	"bantin/internal/site"
)

// deferredWork is what a session's first build left to make
// (Options.Defer). The dev server serves the rest of the site at once and
// calls FinishOutputs, then FinishPages, in the background; a request for
// a page not made yet renders that page alone (RenderPage), and a request
// for any other file not made yet waits for the pass that makes it. The
// work is done from the session's state, which no update changes
// meanwhile: the server runs both passes under the lock it takes for
// updates.
type deferredWork struct {
	model modelOutputs // tmpls renders the pages
	sink  *output.Sink // the first build's: every file goes through its checks

	mu     sync.RWMutex
	pages  []*site.Page // still to render; nil once FinishPages ran
	byPath map[string]*site.Page
	// outputsDone: FinishOutputs ran (the model's outputs are in Files).
	outputsDone bool
	// emittedQR: the qrFile codes whose files are made, by name.
	emittedQR map[string]bool
}

func newDeferredWork(model modelOutputs, sink *output.Sink, pages []*site.Page) *deferredWork {
	byPath := make(map[string]*site.Page, len(pages))
	for _, p := range pages {
		byPath[p.OutPath] = p
	}
	return &deferredWork{model: model, sink: sink, pages: pages, byPath: byPath, emittedQR: map[string]bool{}}
}

func (d *deferredWork) page(path string) *site.Page {
	if d == nil {
		return nil
	}
	d.mu.RLock()
	defer d.mu.RUnlock()
	return d.byPath[path]
}

// later is what the first build left to make (Options.Defer): its
// state's, so that a whole rebuild, which makes everything, leaves none.
func (s *Session) later() *deferredWork {
	if s.st == nil {
		return nil
	}
	return s.st.later
}

// Deferred reports whether the page at path (an output path:
// "bai-viet/a/index.html") is still to be rendered.
func (s *Session) Deferred(path string) bool { return s.later().page(path) != nil }

// RenderPage renders the deferred page at path now, for a request that
// should not wait for FinishPages. It is safe to call while FinishOutputs
// or FinishPages runs; ok is false when path is no deferred page or its
// template fails (FinishPages reports the failure).
func (s *Session) RenderPage(path string) (data []byte, ok bool) {
	p := s.later().page(path)
	if p == nil {
		return nil, false
	}
	html, problem := s.later().model.tmpls.Execute(p)
	return html, problem == nil
}

// OutputStages are the stages of FinishOutputs, in their order.
var OutputStages = []string{"qr", "feeds", "search"}

// FinishOutputs makes the outputs the first build deferred that need only
// the site model, stage by stage (OutputStages): the QR codes and
// short-link redirects with the files of the qrFile codes the templates
// asked for so far; the feeds and the sitemap; the search index. Each
// file is handed to add as soon as it is made, from several goroutines at
// once, and passed is called with a stage's name once its files are all
// handed (nil: not told). Then the files become part of Files. Every file
// goes through the first build's checks; the Change holds their problems
// and the stages' errors, as a build reports them.
func (s *Session) FinishOutputs(add func(path string, data []byte), passed func(stage string)) *Change {
	d := s.later()
	ch := &Change{Diags: &diag.List{}}
	if d == nil || d.isOutputsDone() {
		return ch
	}
	if passed == nil {
		passed = func(string) {}
	}
	made := newMade(d.sink, add)
	d.model.qr(made.add, ch.Diags)
	for _, f := range d.newQRFiles(ch.Diags) {
		made.add(f)
	}
	passed("qr")
	d.model.feeds(made.add, ch.Diags)
	passed("feeds")
	s.st.spilled = d.model.search(made.add, ch.Diags)
	passed("search")
	d.mu.Lock()
	d.outputsDone = true
	d.mu.Unlock()
	return s.publish(made, ch)
}

// FinishPages renders every deferred page on every core, handing each to
// add (from several goroutines at once) as soon as it is made, then the files of the qrFile codes the pages
// asked for, and makes them part of Files. The Change holds the template
// problems, reported as a build reports them (one line for a problem that
// recurs on many pages), and lists the files made. It runs FinishOutputs
// first if that has not run; after a failure there it does nothing.
func (s *Session) FinishPages(add func(path string, data []byte)) *Change {
	d := s.later()
	if d == nil {
		return &Change{Diags: &diag.List{}}
	}
	if !d.isOutputsDone() {
		if ch := s.FinishOutputs(add, nil); ch.Failed {
			return ch
		}
	}
	ch := &Change{Diags: &diag.List{}}
	if s.broken {
		return ch
	}
	d.mu.RLock()
	pages := d.pages
	d.mu.RUnlock()
	made := newMade(d.sink, add)
	executePages(pages, d.model.tmpls, made.keep, ch.Diags) // their paths were claimed
	for _, f := range d.newQRFiles(ch.Diags) {
		made.add(f)
	}
	d.mu.Lock()
	d.pages, d.byPath = nil, nil
	d.mu.Unlock()
	return s.publish(made, ch)
}

func (d *deferredWork) isOutputsDone() bool {
	d.mu.RLock()
	defer d.mu.RUnlock()
	return d.outputsDone
}

// newQRFiles are the files of the qrFile codes asked for since the last
// call.
func (d *deferredWork) newQRFiles(dl *diag.List) []output.File {
	codes := d.model.codes
	var fresh []*qr.Code
	for _, code := range codes.Wanted() {
		name := path.Join(layout.QRDir, qr.FileName(code.Text, code.Level))
		if !d.emittedQR[name] {
			d.emittedQR[name] = true
			fresh = append(fresh, code)
		}
	}
	return qrCodeFiles(d.model.s, codes, fresh, dl)
}

// publish reports the problems of the files made (the sink's, which hold
// none from before: the first build had no error) and makes the files
// part of Files; a failure makes the next update rebuild everything.
func (s *Session) publish(made *madeFiles, ch *Change) *Change {
	collisions, invalid := made.sink.Problems()
	checkOutputs(collisions, invalid, ch.Diags)
	if ch.Diags.HasErrors() {
		s.broken, ch.Failed = true, true
	}
	files := maps.Clone(s.files)
	for p, data := range made.files {
		files[p] = data
		ch.Changed = append(ch.Changed, p)
	}
	slices.Sort(ch.Changed)
	s.files = files
	return ch
}

// madeFiles collects the files a deferred pass makes, each admitted by
// the first build's sink, and hands each on as it comes.
type madeFiles struct {
	sink  *output.Sink
	hand  func(path string, data []byte)
	mu    sync.Mutex
	files map[string][]byte
}

func newMade(sink *output.Sink, hand func(string, []byte)) *madeFiles {
	return &madeFiles{sink: sink, hand: hand, files: map[string][]byte{}}
}

func (m *madeFiles) add(f output.File) {
	if m.sink.Claim(f) {
		m.keep(f)
	}
}

// keep takes a file whose path the sink admitted before.
func (m *madeFiles) keep(f output.File) {
	m.hand(f.Path, f.Data)
	m.mu.Lock()
	m.files[f.Path] = f.Data
	m.mu.Unlock()
}
