package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"bantin/internal/corpus"
)

// selfEnv is the environment sitebench runs itself with (the floor); a
// test sets it, so that its binary acts as sitebench.
var selfEnv []string

// serveSettings are the flags of sitebench serve.
type serveSettings struct {
	Corpus string // a site folder, copied before it is edited; "" to generate Size pages
	Size   int
	Runs   int
	Work   string
	Bantin string
	Page   string // the source edited, relative to the site: content/bai-viet/trang-00001.md
	Keep   bool
}

// runServeBench is the serve subcommand.
func runServeBench(args []string, stdout, stderr io.Writer) int {
	var s serveSettings
	var size string
	fs := flag.NewFlagSet("sitebench serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&size, "size", "10k", "pages of the generated corpus, when no folder is given")
	fs.IntVar(&s.Runs, "runs", 5, "server starts (and floor runs), in turns; the table shows medians")
	fs.StringVar(&s.Work, "work", defaultWork(), "folder for the copy of the site, the cache and the binary")
	fs.StringVar(&s.Bantin, "bantin", "", "the bantin binary (default: built from the working tree)")
	fs.StringVar(&s.Page, "page", "content/bai-viet/trang-00001.md", "the page whose body is edited; its URL must be its path (as in the generated corpus)")
	fs.BoolVar(&s.Keep, "keep", false, "keep the work folder")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: sitebench serve [flags] [SITE]\n\nStarts bantin serve on SITE (copied first; default: a generated corpus) with a warm build cache,\ntimes start → first 200 on /, on a page and on the search manifest, then edit → the page with the\nnew text and edit → the reload event, with the floor's time for the ratios.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	sizes, err := parseSizes(size)
	if err != nil || len(sizes) != 1 || s.Runs < 1 || fs.NArg() > 1 {
		fmt.Fprintln(stderr, "sitebench serve: one -size, -runs at least 1, at most one SITE folder")
		return 2
	}
	s.Size, s.Corpus = sizes[0], fs.Arg(0)
	t, err := benchServe(s, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "sitebench serve:", err)
		return 1
	}
	t.write(stdout)
	return 0
}

// benchServe prepares the site, the binary and a warm cache, then starts
// the server and runs the floor s.Runs times each, in turns.
func benchServe(s serveSettings, log io.Writer) (serveTable, error) {
	if err := os.MkdirAll(s.Work, 0o755); err != nil {
		return serveTable{}, err
	}
	if !s.Keep {
		defer os.RemoveAll(s.Work)
	}
	bin := s.Bantin
	if bin == "" {
		fmt.Fprintln(log, "building bantin from the working tree…")
		var err error
		if bin, err = buildBantin(filepath.Join(s.Work, "bin")); err != nil {
			return serveTable{}, err
		}
	}
	site := filepath.Join(s.Work, "site")
	if err := prepareSite(s, site, log); err != nil {
		return serveTable{}, err
	}
	port, err := freePort()
	if err != nil {
		return serveTable{}, err
	}
	b := serveBench{bin: bin, site: site, cache: filepath.Join(s.Work, "cache"), port: port, page: s.Page}
	original, err := os.ReadFile(filepath.Join(site, s.Page))
	if err != nil {
		return serveTable{}, fmt.Errorf("-page: %w", err)
	}
	fmt.Fprintln(log, "warming the cache: one server start, untimed…")
	if _, err := b.once(original, 0); err != nil {
		return serveTable{}, err
	}
	self, err := os.Executable()
	if err != nil {
		return serveTable{}, err
	}
	t := serveTable{Pages: countPages(site), Page: b.pageURL(), Runs: s.Runs}
	t.LoadAvg[0] = loadAverage()
	for r := 1; r <= s.Runs; r++ {
		steps := []func() error{
			func() error {
				m, err := b.once(original, r)
				if err == nil {
					fmt.Fprintf(log, "serve  %s\n", m)
					t.Serve = append(t.Serve, m)
				}
				return err
			},
			func() error {
				f, err := run([]string{self, "floor", site}, selfEnv, 0)
				if err == nil {
					fmt.Fprintf(log, "floor  %s wall\n", seconds(f.Wall))
					t.Floor = append(t.Floor, f.Wall)
				}
				return err
			},
		}
		if r%2 == 0 {
			steps[0], steps[1] = steps[1], steps[0]
		}
		for _, step := range steps {
			if err := step(); err != nil {
				return t, err
			}
		}
	}
	t.LoadAvg[1] = loadAverage()
	return t, os.WriteFile(filepath.Join(site, s.Page), original, 0o644)
}

// prepareSite copies s.Corpus into dir, or writes the generated corpus
// there.
func prepareSite(s serveSettings, dir string, log io.Writer) error {
	os.RemoveAll(dir)
	if s.Corpus == "" {
		fmt.Fprintf(log, "writing %d pages to %s…\n", s.Size, dir)
		return corpus.Write(corpus.Bench(s.Size), dir)
	}
	fmt.Fprintf(log, "copying %s to %s…\n", s.Corpus, dir)
	return os.CopyFS(dir, os.DirFS(s.Corpus))
}

// countPages counts the .md files under dir/content.
func countPages(dir string) int {
	paths, _ := markdownFiles(filepath.Join(dir, "content"))
	return len(paths)
}

// freePort asks the system for a port no one listens on. The server gets
// the same port every run, so that every run builds with the same baseURL
// and the cache the first run filled answers the others.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// serveBench is one site served again and again.
type serveBench struct {
	bin, site, cache string
	port             int
	page             string
}

func (b serveBench) base() string { return fmt.Sprintf("http://127.0.0.1:%d", b.port) }

// pageURL is the edited page's URL path: its source path without
// content/ and .md.
func (b serveBench) pageURL() string {
	return "/" + strings.TrimSuffix(strings.TrimPrefix(filepath.ToSlash(b.page), "content/"), ".md") + "/"
}

// once starts the server on the page's original text, measures, edits the
// page (run r's sentence) and stops the server.
func (b serveBench) once(original []byte, r int) (serveSample, error) {
	if err := os.WriteFile(filepath.Join(b.site, b.page), original, 0o644); err != nil {
		return serveSample{}, err
	}
	time.Sleep(100 * time.Millisecond) // the restore must not reach the next server's watcher
	cmd := exec.Command(b.bin, "serve", "--source", b.site, "--port", fmt.Sprint(b.port), "--cacheDir", b.cache)
	logs := newLogWatch()
	cmd.Stdout, cmd.Stderr = io.Discard, logs
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return serveSample{}, err
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	m, err := b.measure(start, logs, original, r, exited)
	cmd.Process.Signal(os.Interrupt)
	select {
	case <-exited:
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		<-exited
	}
	if err != nil {
		return m, fmt.Errorf("%w\nserver log:\n%s", err, tail(logs.String()))
	}
	return m, nil
}

// measure times the start, then the edit, against a running server.
func (b serveBench) measure(start time.Time, logs *logWatch, original []byte, r int, exited <-chan error) (serveSample, error) {
	var m serveSample
	const limit = 5 * time.Minute
	waits := []struct {
		path string
		into *time.Duration
	}{{"/", &m.Home}, {b.pageURL(), &m.Page}, {"/tim-kiem/du-lieu/manifest.json", &m.Search}}
	errs := make(chan error, len(waits))
	for _, w := range waits {
		go func() {
			d, err := firstOK(b.base()+w.path, start, limit, "")
			*w.into = d
			errs <- err
		}()
	}
	for range waits {
		select {
		case err := <-errs:
			if err != nil {
				return m, err
			}
		case err := <-exited:
			return m, fmt.Errorf("bantin serve exited: %v", err)
		}
	}
	line, err := logs.await(madeLine, limit)
	if err != nil {
		return m, err
	}
	m.Made = line.at.Sub(start)
	m.Hits, m.Misses = cacheCounts(logs.String())
	return b.edit(m, logs, original, r)
}

// searchQuiet is how long the server waits after an edit before it
// rebuilds the search index (internal/serve); the second edit lands in
// that rebuild's merge.
const searchQuiet = 2 * time.Second

// edit appends a sentence to the page's body and times the page served
// with it and the reload event that names it; then, once the server has
// begun to rebuild the search index for that edit, a second sentence and
// its reload event.
func (b serveBench) edit(m serveSample, logs *logWatch, original []byte, r int) (serveSample, error) {
	events, err := openEvents(b.base() + "/__bantin/events")
	if err != nil {
		return m, err
	}
	defer events.close()
	logs.mark()
	text := append([]byte(nil), original...)
	token := fmt.Sprintf("sitebench%dx%d", r, os.Getpid())
	if m.Served, m.Reload, err = b.append(events, &text, token, true); err != nil {
		return m, err
	}
	line, err := logs.await(updateLine, time.Minute)
	if err != nil {
		return m, err
	}
	m.Update, m.Full = line.took, line.full
	time.Sleep(searchQuiet + 200*time.Millisecond)
	_, m.DuringSearch, err = b.append(events, &text, token+"y", false)
	return m, err
}

// append adds a sentence holding token to the page and returns the time
// from the write to the page served with it (when served is asked for)
// and to the reload event naming the page.
func (b serveBench) append(ev *events, text *[]byte, token string, served bool) (time.Duration, time.Duration, error) {
	*text = append(*text, "\n\nCâu thêm để đo: "+token+".\n"...)
	page := strings.TrimPrefix(b.pageURL(), "/") + "index.html"
	at := time.Now()
	if err := os.WriteFile(filepath.Join(b.site, b.page), *text, 0o644); err != nil {
		return 0, 0, err
	}
	var reload time.Duration
	done := make(chan error, 1)
	go func() {
		var err error
		reload, err = ev.await("reload", page, at, time.Minute)
		done <- err
	}()
	var page200 time.Duration
	if served {
		var err error
		if page200, err = firstOK(b.base()+b.pageURL(), at, time.Minute, token); err != nil {
			return 0, 0, err
		}
	}
	err := <-done
	return page200, reload, err
}

// firstOK asks for url every 5 ms until it answers 200 (with want in its
// body, when want is not empty) and returns the time since start.
func firstOK(url string, start time.Time, limit time.Duration, want string) (time.Duration, error) {
	for time.Since(start) < limit {
		body, status, err := get(url)
		if err == nil && status == 200 && strings.Contains(body, want) {
			return time.Since(start), nil
		}
		time.Sleep(5 * time.Millisecond)
	}
	return 0, errors.New(url + ": no 200 answer" + map[bool]string{true: "", false: " with " + want}[want == ""] + " within " + limit.String())
}
