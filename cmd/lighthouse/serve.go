package main

import (
	"compress/gzip"
	"net/http"
	"net/http/httptest"
	"path"
	"strings"
)

// compressible are the types a static host compresses on the fly.
var compressible = map[string]bool{".html": true, ".css": true, ".js": true, ".json": true, ".txt": true, ".xml": true, ".svg": true}

// serveGzip serves dir on loopback, gzipping compressible files when the
// browser accepts it.
func serveGzip(dir string) *httptest.Server {
	files := http.FileServer(http.Dir(dir))
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
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
	}))
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
