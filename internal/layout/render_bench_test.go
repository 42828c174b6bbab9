package layout_test

import (
	"testing"
	"time"

	"bantin/internal/build"
	"bantin/internal/corpus"
	"bantin/internal/cputime"
	"bantin/internal/diag"
	"bantin/internal/layout"
	"bantin/internal/parallel"
	"bantin/internal/qr"
	"bantin/internal/site"
)

// BenchmarkRenderPages2000 and BenchmarkRenderPages10000 measure the
// templates stage alone: every page, pager and print edition of a built
// sitebench corpus (corpus.Bench) rendered with the default theme, on all
// cores as the build does. Each iteration loads the templates afresh (a
// few milliseconds), so that partialCached starts empty, as in a build.
// Divide cpu-ns/op by pages/op for the CPU time of a page. Run with
//
//	go test -run '^$' -bench RenderPages -benchtime 3x ./internal/layout/
func BenchmarkRenderPages2000(b *testing.B) { benchmarkRenderPages(b, 2000) }

func BenchmarkRenderPages10000(b *testing.B) { benchmarkRenderPages(b, 10000) }

func benchmarkRenderPages(b *testing.B, n int) {
	fsys := corpus.Generate(corpus.Bench(n))
	res := build.Build(fsys, build.Options{Now: time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)})
	if err := res.Diags.Err(); err != nil {
		b.Fatal(err)
	}
	s := res.Site
	pages := append(append(append([]*site.Page(nil), s.All...), s.Pagers...), s.Prints...)
	b.ResetTimer()
	cputime.Process(b, func() {
		for i := 0; i < b.N; i++ {
			var dl diag.List
			tmpls := layout.Load(fsys, s.Config, qr.NewCache(), &dl)
			if err := dl.Err(); err != nil {
				b.Fatal(err)
			}
			problems := make([]*diag.Diagnostic, len(pages))
			parallel.For(len(pages), func(i int) { _, problems[i] = tmpls.Execute(pages[i]) })
			for _, p := range problems {
				if p != nil {
					b.Fatal(p)
				}
			}
		}
	})
	b.ReportMetric(float64(len(pages)), "pages/op")
}
