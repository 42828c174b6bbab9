package build

import (
	"testing"

	"bantin/internal/corpus"
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
