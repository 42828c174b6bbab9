package pdf

import (
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
