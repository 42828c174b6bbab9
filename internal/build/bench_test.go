package build

import (
	"runtime"
	"strings"
	"testing"
	"time"

	"bantin/internal/corpus"
	"bantin/internal/output"
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
		if err := shortlink.Files(res.Site, qr.NewCache(), "→", func(output.File) {}); err != nil {
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
// archive, pagination, their feeds). Each iteration builds both, in turns
// (without first on even iterations, with first on odd ones), each from a
// collected heap, after one untimed build of each: the machine's drift and
// the first build's warm-up fall on both alike. It reports the mean of
// each ("with-s", "without-s"), the features' cost as a share of the build
// without them ("extra-%": the budget is 20), and where the extra
// time goes, stage by stage ("+templates-s" …).
func BenchmarkBrowse10000(b *testing.B) {
	fsys := corpus.Generate(corpus.Options{Pages: 10000, Tags: 300})
	build := func(noBrowse bool) (time.Duration, []Stage) {
		runtime.GC()
		start := time.Now()
		res := Build(fsys, Options{Now: fixedNow, NoBrowse: noBrowse})
		took := time.Since(start)
		if err := res.Diags.Err(); err != nil {
			b.Fatal(err)
		}
		return took, res.Stats.Stages
	}
	build(true)
	build(false)
	var with, without time.Duration
	extra := map[string]time.Duration{}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, noBrowse := range [][2]bool{{true, false}, {false, true}}[i%2] {
			took, stages := build(noBrowse)
			sign := time.Duration(1)
			if noBrowse {
				without += took
				sign = -1
			} else {
				with += took
			}
			for _, st := range stages {
				extra[st.Name] += sign * st.Duration
			}
		}
	}
	n := float64(b.N)
	b.ReportMetric(with.Seconds()/n, "with-s")
	b.ReportMetric(without.Seconds()/n, "without-s")
	b.ReportMetric(100*(with.Seconds()/without.Seconds()-1), "extra-%")
	for name, d := range extra {
		b.ReportMetric(d.Seconds()/n, "+"+strings.ReplaceAll(name, " ", "")+"-s")
	}
}
