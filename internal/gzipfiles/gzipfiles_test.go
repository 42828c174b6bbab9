package gzipfiles

import (
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// HTML goes gzipped to a browser that accepts it and plain to one that
// does not; a PNG goes as it is.
func TestHandler(t *testing.T) {
	dir := t.TempDir()
	page := strings.Repeat("<p>Dân vận khéo</p>\n", 100)
	os.WriteFile(filepath.Join(dir, "index.html"), []byte(page), 0o644)
	os.WriteFile(filepath.Join(dir, "a.png"), []byte("\x89PNG"), 0o644)
	srv := httptest.NewServer(Handler(dir))
	defer srv.Close()
	get := func(path, accept string) (*http.Response, string) {
		req, _ := http.NewRequest("GET", srv.URL+path, nil)
		req.Header.Set("Accept-Encoding", accept)
		res, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var body io.Reader = res.Body
		if res.Header.Get("Content-Encoding") == "gzip" {
			zr, err := gzip.NewReader(res.Body)
			if err != nil {
				t.Fatal(err)
			}
			body = zr
		}
		b, _ := io.ReadAll(body)
		return res, string(b)
	}
	if res, body := get("/", "gzip"); res.Header.Get("Content-Encoding") != "gzip" || body != page {
		t.Errorf("index: encoding %q, %d bytes", res.Header.Get("Content-Encoding"), len(body))
	}
	if res, body := get("/", "identity"); res.Header.Get("Content-Encoding") != "" || body != page {
		t.Errorf("without gzip: encoding %q", res.Header.Get("Content-Encoding"))
	}
	if res, _ := get("/a.png", "gzip"); res.Header.Get("Content-Encoding") != "" {
		t.Error("a PNG was gzipped")
	}
}
