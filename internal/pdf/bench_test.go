package pdf

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bantin/internal/build"
	"bantin/internal/corpus"
	"bantin/internal/tooltest"
)

// BenchmarkLeaflets50 prints 50 generated leaflets in one run (one
// browser, parallel tabs):
//
//	go test -run '^$' -bench Leaflets50 -benchtime 1x ./internal/pdf/
func BenchmarkLeaflets50(b *testing.B) {
	chrome := tooltest.Chromium(b)
	fsys := corpus.Generate(corpus.Options{Pages: 2500}) // one page in 50 is a leaflet
	only := map[string]bool{}
	for name := range fsys {
		if strings.HasPrefix(name, "content/to-gap/") {
			only[name] = true
		}
	}
	res := build.Build(fsys, build.Options{PDF: true, PDFOnly: only, Now: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)})
	if err := res.Diags.Err(); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		published, err := Publish(res.Site, res.Files, Options{Chrome: chrome})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(published.Files)), "pdfs/op")
	}
}

// BenchmarkPreflight prints the sample site's publications for the press
// (nine PDFs) with and without the preflight, in turns, to give its cost:
//
//	go test -run '^$' -bench Preflight -benchtime 5x ./internal/pdf/
func BenchmarkPreflight(b *testing.B) {
	chrome := tooltest.Chromium(b)
	res := build.Build(os.DirFS(filepath.Join("..", "..")), build.Options{PDF: true, Press: true, Now: time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)})
	if err := res.Diags.Err(); err != nil {
		b.Fatal(err)
	}
	var with, without time.Duration
	pdfs := 0
	for i := 0; i < b.N; i++ {
		for _, skip := range []bool{false, true} {
			skipPreflight = skip
			start := time.Now()
			published, err := Publish(res.Site, res.Files, Options{Chrome: chrome})
			if err != nil {
				b.Fatal(err)
			}
			if skip {
				without += time.Since(start)
			} else {
				with += time.Since(start)
			}
			pdfs = len(published.Files)
		}
	}
	skipPreflight = false
	b.ReportMetric(float64(pdfs*b.N)/with.Seconds(), "pdfs/s-with")
	b.ReportMetric(float64(pdfs*b.N)/without.Seconds(), "pdfs/s-without")
	b.ReportMetric(100*(with.Seconds()/without.Seconds()-1), "preflight-%")
}
