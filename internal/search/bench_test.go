package search_test

import (
	"testing"
	"time"

	"bantin/internal/build"
	"bantin/internal/corpus"
	"bantin/internal/search"
)

// BenchmarkIndex10000 times the search stage alone on the corpus that
// cmd/searchbench measures (10,000 pages, Zipf vocabulary). Budget: 2 s.
func BenchmarkIndex10000(b *testing.B) {
	fsys := corpus.Generate(corpus.Options{Pages: 10000, Vocabulary: 20000})
	res := build.Build(fsys, build.Options{Now: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)})
	if res.Diags.HasErrors() {
		b.Fatal(res.Diags)
	}
	label := func(t string) string { return t }
	b.ResetTimer()
	for b.Loop() {
		search.Files(res.Site, label)
	}
}

func TestIndexPhases(t *testing.T) {
	if testing.Short() || !testing.Verbose() {
		t.Skip("tuning aid: go test -v -run TestIndexPhases")
	}
	fsys := corpus.Generate(corpus.Options{Pages: 10000, Vocabulary: 20000})
	res := build.Build(fsys, build.Options{Now: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)})
	search.LogPhases(t, res.Site)
}
