package main

import (
	"compress/gzip"
	"net/http"
	"net/http/httptest"
	"path"
	"strings"
	"sync"
	"time"
)

// compressible are the types a static host (nginx's gzip_types, Netlify,
// Cloudflare) compresses on the fly. Others, such as Pagefind's files,
// which it gzips itself, and bantin's .bin shards, go as they are.
var compressible = map[string]bool{
	".html": true, ".css": true, ".js": true, ".mjs": true, ".json": true, ".txt": true, ".xml": true, ".svg": true,
}

// wire counts the bytes the server sends per request path: headers and
// body as sent. It sees the requests of web workers too, which the page's
// network events do not (Pagefind searches in a worker).
type wire struct {
	mu    sync.Mutex
	bytes map[string]float64
}

// take returns the bytes and requests of paths containing one of parts
// since the last take, and forgets every count.
func (c *wire) take(parts ...string) (float64, int) {
	time.Sleep(150 * time.Millisecond)
	c.mu.Lock()
	defer c.mu.Unlock()
	total, n := sumMatching(c.bytes, parts, false)
	c.bytes = map[string]float64{}
	return total, n
}

type countingWriter struct {
	http.ResponseWriter
	n float64
}

func (c *countingWriter) Write(b []byte) (int, error) {
	c.n += float64(len(b))
	return c.ResponseWriter.Write(b)
}

func (c *countingWriter) WriteHeader(code int) {
	c.n += float64(len("HTTP/1.1 200 OK\r\n\r\n"))
	for k, vs := range c.Header() {
		for _, v := range vs {
			c.n += float64(len(k) + len(v) + 4)
		}
	}
	c.ResponseWriter.WriteHeader(code)
}

// serveGzip serves dir on loopback, gzipping compressible files when the
// browser accepts it, and counts what it sends.
func serveGzip(dir string) (*httptest.Server, *wire) {
	c := &wire{bytes: map[string]float64{}}
	h := gzipFiles(dir)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cw := &countingWriter{ResponseWriter: w}
		h.ServeHTTP(cw, r)
		c.mu.Lock()
		c.bytes[r.URL.Path+"?"+r.URL.RawQuery] += cw.n
		c.mu.Unlock()
	}))
	return srv, c
}

func gzipFiles(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !compressible[path.Ext(r.URL.Path)] && !strings.HasSuffix(r.URL.Path, "/") ||
			!strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			files.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Add("Vary", "Accept-Encoding")
		gz := gzip.NewWriter(w)
		defer gz.Close()
		files.ServeHTTP(gzipWriter{w, gz}, r)
	})
}

type gzipWriter struct {
	http.ResponseWriter
	gz *gzip.Writer
}

func (g gzipWriter) Write(b []byte) (int, error) { return g.gz.Write(b) }

// WriteHeader drops the length of the uncompressed body.
func (g gzipWriter) WriteHeader(code int) {
	g.Header().Del("Content-Length")
	g.ResponseWriter.WriteHeader(code)
}
