package main

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"time"

	"bantin/internal/gzipfiles"
)

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

// serveGzip serves dir on loopback as a static host does (gzipfiles:
// compressible files gzipped when the browser accepts it), and counts what
// it sends.
func serveGzip(dir string) (*httptest.Server, *wire) {
	c := &wire{bytes: map[string]float64{}}
	h := gzipfiles.Handler(dir)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cw := &countingWriter{ResponseWriter: w}
		h.ServeHTTP(cw, r)
		c.mu.Lock()
		c.bytes[r.URL.Path+"?"+r.URL.RawQuery] += cw.n
		c.mu.Unlock()
	}))
	return srv, c
}
