package search_test

import (
	"syscall"
	"testing"
	"time"

	"bantin/internal/build"
	"bantin/internal/corpus"
	"bantin/internal/cputime"
	"bantin/internal/search"
)

// BenchmarkIndex10000 times search.Files alone, on the analyses of the
// corpus that cmd/searchbench measures (10,000 pages, Zipf vocabulary):
// the search stage of a build whose analyses all come from the cache.
// BenchmarkAnalyzeIndex10000 adds the analyses: the stage of a build
// without the cache. Both report the process's CPU time per op.
//
//	go test -run '^$' -bench 'Index10000' -benchtime 3x ./internal/search/
func BenchmarkIndex10000(b *testing.B) { benchIndex(b, false) }

func BenchmarkAnalyzeIndex10000(b *testing.B) { benchIndex(b, true) }

func benchIndex(b *testing.B, analyze bool) {
	fsys := corpus.Generate(corpus.Options{Pages: 10000, Vocabulary: 20000})
	res := build.Build(fsys, build.Options{Now: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)})
	if res.Diags.HasErrors() {
		b.Fatal(res.Diags)
	}
	label := func(t string) string { return t }
	as := search.AnalyzeAll(res.Site)
	b.ResetTimer()
	cputime.Process(b, func() {
		for b.Loop() {
			if analyze {
				as = search.AnalyzeAll(res.Site)
			}
			search.Files(res.Site, as, label)
		}
	})
}

func TestIndexPhases(t *testing.T) {
	if testing.Short() || !testing.Verbose() {
		t.Skip("tuning aid: go test -v -run TestIndexPhases")
	}
	fsys := corpus.Generate(corpus.Options{Pages: 10000, Vocabulary: 20000})
	res := build.Build(fsys, build.Options{Now: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)})
	search.LogPhases(t, res.Site)
}

// BenchmarkAnalyze2000 times the analysis of every page (tokenizing,
// interning, counting syllables, forms and pairs) on 2,000 pages of the
// Zipf corpus, and reports the process's CPU time per op as well
// ("cpu-ns/op", steadier than wall time on a shared machine).
//
//	go test -run '^$' -bench Analyze2000 -benchtime 10x -count 3 ./internal/search/
func BenchmarkAnalyze2000(b *testing.B) {
	fsys := corpus.Generate(corpus.Options{Pages: 2000, Vocabulary: 20000})
	res := build.Build(fsys, build.Options{Now: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)})
	if res.Diags.HasErrors() {
		b.Fatal(res.Diags)
	}
	start := processCPU()
	for b.Loop() {
		search.AnalyzeAll(res.Site)
	}
	b.ReportMetric(float64(processCPU()-start)/float64(b.N), "cpu-ns/op")
}

func processCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
