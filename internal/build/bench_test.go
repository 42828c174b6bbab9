package build

import (
	"strings"
	"testing"

	"bantin/internal/corpus"
	"bantin/internal/qr"
	"bantin/internal/shortlink"
)

// BenchmarkBuild1000 builds a generated corpus of 1,000 Vietnamese pages in
// memory: every stage, no disk writes. Run with
//
//	go test -run '^$' -bench Build1000 -benchmem ./internal/build/
func BenchmarkBuild1000(b *testing.B) {
	benchmarkBuild(b, 1000)
}

func benchmarkBuild(b *testing.B, pages int) {
	fsys := corpus.Generate(corpus.Options{Pages: pages})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res := Build(fsys, Options{Now: fixedNow})
		if err := res.Diags.Err(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(pages), "pages/op")
}

func TestCorpusBuildsClean(t *testing.T) {
	res := Build(corpus.Generate(corpus.Options{Pages: 200}), Options{Now: fixedNow})
	if len(res.Diags.Items()) != 0 {
		t.Fatal(res.Diags.Err())
	}
	if res.Stats.PagesByType["article"] == 0 || res.Stats.PagesByType["handbook"] == 0 {
		t.Errorf("stats %+v", res.Stats)
	}
}

// BenchmarkQR10000 measures the QR stage alone (short-link redirects plus an
// SVG and a 300 dpi PNG per page) on a 10,000-page corpus, with a fresh
// cache each time. Divide ns/op by pages/op for the cost per page.
func BenchmarkQR10000(b *testing.B) {
	res := Build(corpus.Generate(corpus.Options{Pages: 10000}), Options{Now: fixedNow})
	if err := res.Diags.Err(); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := shortlink.Files(res.Site, qr.NewCache(), "→"); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(res.Site.All)), "pages/op")
}

// BenchmarkBuild10000 builds the 10,000-page corpus in memory: every stage.
func BenchmarkBuild10000(b *testing.B) {
	benchmarkBuild(b, 10000)
}

// BenchmarkBrowse10000 builds a 10,000-page corpus with 300 tags with and
// without the browsing features (taxonomies, term pages, related pages,
// archive, pagination). Compare the two ns/op: the budget is that
// the features add less than 20%.
func BenchmarkBrowse10000(b *testing.B) {
	fsys := corpus.Generate(corpus.Options{Pages: 10000, Tags: 300})
	for _, mode := range []struct {
		name     string
		noBrowse bool
	}{{"without", true}, {"with", false}} {
		b.Run(mode.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				res := Build(fsys, Options{Now: fixedNow, NoBrowse: mode.noBrowse})
				if err := res.Diags.Err(); err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(len(res.Files)), "files/op")
				for _, st := range res.Stats.Stages {
					b.ReportMetric(st.Duration.Seconds(), strings.ReplaceAll(st.Name, " ", "")+"-s")
				}
			}
		})
	}
}
