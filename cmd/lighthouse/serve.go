package main

import (
	"net/http/httptest"

	"bantin/internal/gzipfiles"
)

// serveGzip serves dir on loopback as a static host does (gzipfiles).
func serveGzip(dir string) *httptest.Server {
	return httptest.NewServer(gzipfiles.Handler(dir))
}
