package serve

import (
	"bytes"
	"io"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"bantin/internal/build"
)

// While the first build's deferred passes have not run, a page is served
// at once (rendered on request) and so is a static file, while the search
// index, a page's QR code, the feeds, the sitemap and a missing path
// wait; once the passes run, each answers with a clean build's bytes.
func TestDeferredFilesWaitForTheirPass(t *testing.T) {
	root := t.TempDir()
	for name, body := range fixture {
		write(t, root, name, body)
	}
	opts := build.Options{BaseURL: "http://127.0.0.1/", Now: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)}
	clean := build.Build(os.DirFS(root), opts)
	if err := clean.Diags.Err(); err != nil {
		t.Fatal(err)
	}
	want := map[string][]byte{}
	for _, f := range clean.Files {
		want[f.Path] = f.Data
	}
	hold := make(chan struct{})
	beforeDeferred = func() { <-hold }
	defer func() { beforeDeferred = func() {} }()
	srv := New(root, opts, io.Discard)
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()

	for _, p := range []string{"/", "/bai-viet/a/", "/css/rieng.css"} {
		status, body := get(t, ts.URL+p)
		file := strings.TrimPrefix(p, "/")
		if strings.HasSuffix(p, "/") {
			file += "index.html"
		}
		w := want[file]
		if strings.HasSuffix(file, ".html") {
			w = withLiveScript(w)
		}
		if status != 200 || len(w) == 0 || body != string(w) {
			t.Errorf("%s before the deferred passes: %d, differs from the clean build's", p, status)
		}
	}
	type answer struct {
		path   string
		status int
		body   string
	}
	waiting := []string{"/tim-kiem/du-lieu/manifest.json", "/bai-viet/a/qr.svg", "/index.xml", "/sitemap.xml", "/khong-co/"}
	answers := make(chan answer, len(waiting))
	for _, p := range waiting {
		go func() {
			status, body := get(t, ts.URL+p)
			answers <- answer{p, status, body}
		}()
	}
	select {
	case a := <-answers:
		t.Fatalf("%s answered %d before its pass ran", a.path, a.status)
	case <-time.After(200 * time.Millisecond):
	}
	close(hold)
	for range waiting {
		a := <-answers
		if a.path == "/khong-co/" {
			if a.status != 404 {
				t.Errorf("%s: %d, want 404 once every pass ran", a.path, a.status)
			}
			continue
		}
		if w := want[strings.TrimPrefix(a.path, "/")]; a.status != 200 || w == nil || a.body != string(w) {
			t.Errorf("%s: %d, differs from the clean build's (%d bytes against %d)", a.path, a.status, len(a.body), len(w))
		}
	}
	<-srv.Ready()
	got := srv.session.Files()
	for p, data := range want {
		if !bytes.Equal(got[p], data) {
			t.Errorf("%s differs from the clean build's once every pass ran", p)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d files served, the clean build has %d", len(got), len(want))
	}
}

// An error found by a deferred pass is the build's error: the terminal
// prints it and the error report (the pages' overlay) holds it.
func TestDeferredPassErrorIsReported(t *testing.T) {
	root := t.TempDir()
	for name, body := range fixture {
		write(t, root, name, body)
	}
	write(t, root, "static/sitemap.xml", "<urlset/>\n")
	var log bytes.Buffer
	srv := New(root, build.Options{BaseURL: "http://127.0.0.1/"}, &log)
	<-srv.Ready()
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	const want = "sitemap.xml would be written twice: by static/sitemap.xml and by sitemap"
	if _, report := get(t, ts.URL+"/__bantin/errors"); !strings.Contains(report, want) {
		t.Errorf("error report %s; want %s", report, want)
	}
	if !strings.Contains(log.String(), want) || !strings.Contains(log.String(), "build failed") {
		t.Errorf("log:\n%s", log.String())
	}
}
