package serve

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"bantin/internal/build"
	"bantin/internal/cache"
	"bantin/internal/diag"
	"bantin/internal/sitefs"
)

//go:embed live.js
var liveJS []byte

// liveTag is added before </body> of every HTML response.
const liveTag = `<script src="/__bantin/live.js" defer></script>`

// Server serves a site being edited.
type Server struct {
	root string // the site folder, for the watcher
	fsys fs.FS
	log  io.Writer

	buildMu sync.Mutex // one rebuild at a time
	session *build.Session

	searchMu    sync.Mutex
	searchRun   sync.Mutex  // one search refresh at a time
	searchTimer *time.Timer // refreshes the search index once edits pause

	// Verbosity is how much of each build's diagnostics goes to the log.
	Verbosity diag.Verbosity
	served    bool         // a build has succeeded: there is a site to serve
	cache     *cache.Store // the builds' build cache (nil: none): say what it answered
	// cacheWarned: a flush of the cache failed and the log said so once.
	cacheWarned bool
	base        string // the path the site is served under ("/danvan"), "" at the root

	mu     sync.RWMutex
	files  map[string][]byte
	made   map[string][]byte // files made while the deferred passes run
	errors []diag.Diagnostic
	// passes are closed one by one as the first build's deferred work is
	// made: a channel for each of build.OutputStages (FinishOutputs), the
	// last for the pages (FinishPages). ready is the last.
	passes []chan struct{}
	ready  chan struct{}

	hub hub
}

// New builds the site in root into memory. opts.BaseURL must be the
// address the server will answer on.
func New(root string, opts build.Options, log io.Writer) *Server {
	return NewVerbosity(root, opts, log, diag.Grouped)
}

// NewVerbosity is New with the log's verbosity.
func NewVerbosity(root string, opts build.Options, log io.Writer, v diag.Verbosity) *Server {
	fsys, err := sitefs.Open(root)
	if err != nil {
		fsys = os.DirFS(root) // the build reports the same error at each path it reads
	}
	s := &Server{root: root, fsys: fsys, log: log, files: map[string][]byte{}, made: map[string][]byte{},
		Verbosity: v, cache: opts.Cache}
	for range len(build.OutputStages) + 1 {
		s.passes = append(s.passes, make(chan struct{}))
	}
	s.ready = s.passes[len(s.passes)-1]
	start := time.Now()
	opts.Defer = true
	session, ch := build.NewSession(s.fsys, opts)
	s.session = session
	s.apply(ch, time.Since(start))
	if ch.Failed {
		s.closePasses()
		return s
	}
	s.buildMu.Lock() // no update before everything is made
	go s.finishDeferred(start)
	return s
}

// finishDeferred makes what the first build left out (it serves the rest
// at once; a page asked for meanwhile is rendered on the spot, any other
// file waits for its pass): the outputs made from the site model, then
// the pages. Each pass is published like an update, without a reload: a
// page shown meanwhile was made on request, the same. It runs with
// buildMu held, which New took for it.
func (s *Server) finishDeferred(start time.Time) {
	defer s.buildMu.Unlock()
	defer s.closePasses()
	beforeDeferred()
	ch := s.session.FinishOutputs(s.keepMade, func(stage string) {
		close(s.passes[slices.Index(build.OutputStages, stage)])
	})
	s.publishDeferred(ch, start, "QR codes, feeds, sitemap and search index")
	if ch.Failed {
		return
	}
	ch = s.session.FinishPages(s.keepMade)
	s.publishDeferred(ch, start, "pages")
}

// closePasses closes the passes not closed yet: every request waiting
// for one looks up its file a last time.
func (s *Server) closePasses() {
	for _, pass := range s.passes {
		select {
		case <-pass:
		default:
			close(pass)
		}
	}
}

// beforeDeferred runs before the deferred passes; tests hold them with it.
var beforeDeferred = func() {}

// keepMade serves a file made by a deferred pass before the pass ends.
func (s *Server) keepMade(path string, data []byte) {
	s.mu.Lock()
	s.made[path] = data
	s.mu.Unlock()
}

// publishDeferred serves the files of a deferred pass from the session,
// or reports its errors as a failed build's.
func (s *Server) publishDeferred(ch *build.Change, start time.Time, what string) {
	if ch.Failed {
		s.apply(ch, time.Since(start))
		return
	}
	diag.Print(s.log, ch.Diags.Items(), s.Verbosity)
	s.mu.Lock()
	s.files, s.made = s.session.Files(), map[string][]byte{}
	s.mu.Unlock()
	if what == "pages" {
		fmt.Fprintf(s.log, "made %d pages in %s\n", len(ch.Changed), time.Since(start).Round(time.Millisecond))
		return
	}
	fmt.Fprintf(s.log, "made the %s (%d files) in %s\n", what, len(ch.Changed), time.Since(start).Round(time.Millisecond))
}

// Ready is closed once everything the first build deferred is made.
func (s *Server) Ready() <-chan struct{} { return s.ready }

// Rebuild updates the site after the given source paths changed.
func (s *Server) Rebuild(paths []string) {
	s.buildMu.Lock()
	defer s.buildMu.Unlock()
	start := time.Now()
	ch := s.session.Update(paths)
	s.apply(ch, time.Since(start))
	if ch.SearchStale {
		s.scheduleSearch()
	}
}

// searchQuiet is how long edits must pause before the search index is
// rebuilt (seconds on a 10,000-page site), so that a run of saves is not
// slowed by it.
const searchQuiet = 2 * time.Second

func (s *Server) scheduleSearch() {
	s.searchMu.Lock()
	defer s.searchMu.Unlock()
	if s.searchTimer != nil {
		s.searchTimer.Reset(searchQuiet)
		return
	}
	s.searchTimer = time.AfterFunc(searchQuiet, s.refreshSearch)
}

// refreshSearch brings the search index up to date with the edits. The
// merge, the long part, runs without the update lock, so that an edit
// saved meanwhile is applied at once; searchRun keeps two refreshes from
// publishing out of order.
func (s *Server) refreshSearch() {
	s.searchRun.Lock()
	defer s.searchRun.Unlock()
	s.buildMu.Lock()
	r := s.session.StartSearchRefresh()
	s.buildMu.Unlock()
	if r == nil {
		return
	}
	start := time.Now()
	r.Run()
	s.buildMu.Lock()
	defer s.buildMu.Unlock()
	if ch := s.session.FinishSearchRefresh(r); len(ch.Changed) > 0 {
		s.apply(ch, time.Since(start))
	}
}

// apply publishes the result of a build or update and tells the pages.
func (s *Server) apply(ch *build.Change, took time.Duration) {
	s.publishCache()
	if ch.Failed {
		items := errorsOnly(ch.Diags)
		s.mu.Lock()
		s.errors = items
		s.mu.Unlock()
		diag.Print(s.log, items, s.Verbosity)
		if s.served {
			fmt.Fprintf(s.log, "build failed; still serving the last good site\n")
		} else {
			fmt.Fprintf(s.log, "build failed; the site will be served once the errors above are fixed\n")
		}
		s.hub.send("errors", errorReport(s.fsys, items))
		return
	}
	diag.Print(s.log, ch.Diags.Items(), s.Verbosity)
	files := s.session.Files()
	s.served = true
	s.mu.Lock()
	hadErrors := len(s.errors) > 0
	s.files, s.errors = files, nil
	s.mu.Unlock()
	kind := "updated"
	if ch.Full {
		kind = "rebuilt"
	}
	fmt.Fprintf(s.log, "%s %d files in %s", kind, len(ch.Changed), took.Round(time.Millisecond))
	if ch.Full && s.cache != nil {
		fmt.Fprintf(s.log, "; cache: %d hits, %d misses", ch.Cache.Hits, ch.Cache.Misses)
	}
	fmt.Fprintln(s.log)
	if hadErrors {
		s.hub.send("ok", struct{}{})
	}
	if len(ch.Changed) > 0 {
		s.hub.send("reload", reloadEvent{Paths: ch.Changed, CSS: allCSS(ch.Changed)})
	}
}

// publishCache publishes the entries the last build or update put in the
// build cache, so that a bantin build started meanwhile finds them. A
// failure is said once.
func (s *Server) publishCache() {
	if err := s.cache.Flush(); err != nil && !s.cacheWarned {
		s.cacheWarned = true
		fmt.Fprintf(s.log, "warning: the build cache in %s could not be written (%v); the site is served all the same\n", s.cache.Dir(), err)
	}
}

type reloadEvent struct {
	Paths []string `json:"paths"`
	CSS   bool     `json:"css"`
}

func allCSS(paths []string) bool {
	for _, p := range paths {
		if !strings.HasSuffix(p, ".css") {
			return false
		}
	}
	return len(paths) > 0
}

func errorsOnly(dl *diag.List) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, d := range dl.Items() {
		if d.Severity == diag.Error {
			out = append(out, d)
		}
	}
	return out
}

// Handler serves the site, the live-reload script, events and errors, to
// GET and HEAD only. It does not check the Host header: wrap it in
// Hosts.Guard.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/__bantin/live.js", readOnly(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write(liveJS)
	}))
	mux.HandleFunc("/__bantin/events", readOnly(s.hub.serve))
	mux.HandleFunc("/__bantin/errors", readOnly(func(w http.ResponseWriter, r *http.Request) {
		s.mu.RLock()
		items := s.errors
		s.mu.RUnlock()
		writeJSON(w, errorReport(s.fsys, items))
	}))
	mux.HandleFunc("/", s.serveFile)
	return mux
}

// HandlerAt serves the site under base, the path of the site's baseURL
// ("/danvan/"), as it will be published: /danvan/bai-viet/ is the page
// bai-viet/index.html, / redirects to /danvan/, and other paths are not
// found. The live-reload endpoints stay at /__bantin/. Call it once,
// before serving.
func (s *Server) HandlerAt(base string) http.Handler {
	base = strings.TrimSuffix(path.Clean("/"+base), "/")
	if base == "" {
		return s.Handler()
	}
	s.base = base
	site := s.Handler()
	mux := http.NewServeMux()
	mux.Handle("/__bantin/", site)
	mux.Handle(base+"/", http.StripPrefix(base, site))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/" || r.URL.Path == base {
			http.Redirect(w, r, base+"/", http.StatusFound)
			return
		}
		http.Error(w, "not found: this site is served under "+base+"/", http.StatusNotFound)
	})
	return mux
}

// serveFile answers from the built files only.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" || strings.HasSuffix(r.URL.Path, "/") {
		name = path.Join(name, "index.html")
	}
	data, ok := s.file(name)
	status := http.StatusOK
	if !ok {
		if _, isDir := s.file(path.Join(name, "index.html")); isDir {
			http.Redirect(w, r, s.base+"/"+name+"/", http.StatusFound)
			return
		}
		notFound, _ := s.file("404.html")
		name, data, status = "404.html", notFound, http.StatusNotFound
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = http.DetectContentType(data)
	}
	if strings.HasPrefix(ctype, "text/html") {
		data = withLiveScript(data)
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	if r.Method == http.MethodGet {
		w.Write(data)
	}
}

// file is the built file at name: from the site, else (while the first
// build's deferred passes run) a file made already, a page made now, or,
// for any other file, the file once the pass that makes it is over.
func (s *Server) file(name string) ([]byte, bool) {
	if data, ok := s.lookup(name); ok {
		return data, true
	}
	if s.session.Deferred(name) {
		return s.session.RenderPage(name)
	}
	for _, pass := range s.passes {
		<-pass // at once when the pass is over
		if data, ok := s.lookup(name); ok {
			return data, true
		}
	}
	return nil, false
}

func (s *Server) lookup(name string) ([]byte, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if data, ok := s.files[name]; ok {
		return data, true
	}
	data, ok := s.made[name]
	return data, ok
}

func withLiveScript(html []byte) []byte {
	i := bytes.LastIndex(html, []byte("</body>"))
	if i < 0 {
		return append(append([]byte(nil), html...), liveTag...)
	}
	out := make([]byte, 0, len(html)+len(liveTag))
	out = append(out, html[:i]...)
	out = append(out, liveTag...)
	return append(out, html[i:]...)
}
