package build

import (
	"path/filepath"
	"testing"
	"time"

	"bantin/internal/cache"
	"bantin/internal/corpus"
	"bantin/internal/output"
)

// discardWriter keeps nothing: the benchmarks measure the build, not the
// disk.
type discardWriter struct{}

func (discardWriter) Write(output.File) error { return nil }

// BenchmarkCache2000 builds a generated 2,000-page corpus three ways in
// turns: without the cache, filling an empty cache (cold), and from the
// full cache (warm), and reports the mean seconds of each and the ratios
// cold/none and warm/none. Run once:
//
//	go test -run '^$' -bench Cache2000 -benchtime 3x ./internal/build/
func BenchmarkCache2000(b *testing.B) {
	fsys := corpus.Generate(corpus.Options{Pages: 2000})
	var none, cold, warm time.Duration
	timed := func(c *cache.Store) time.Duration {
		t0 := time.Now()
		res := Into(fsys, Options{Now: fixedNow, Cache: c}, discardWriter{})
		if err := res.Diags.Err(); err != nil {
			b.Fatal(err)
		}
		return time.Since(t0)
	}
	timed(nil) // warm up the process: theme scripts, fonts
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		dir := filepath.Join(b.TempDir(), "cache")
		none += timed(nil)
		cold += timed(openCache(b, dir)) // the build publishes its entries: the warm one opens a new store, as a new process would
		warm += timed(openCache(b, dir))
	}
	n := float64(b.N)
	b.ReportMetric(none.Seconds()/n, "none-s")
	b.ReportMetric(cold.Seconds()/n, "cold-s")
	b.ReportMetric(warm.Seconds()/n, "warm-s")
	b.ReportMetric(cold.Seconds()/none.Seconds(), "cold/none")
	b.ReportMetric(warm.Seconds()/none.Seconds(), "warm/none")
}

// openCache opens the cache in dir, closed when b ends.
func openCache(b *testing.B, dir string) *cache.Store {
	c, err := cache.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { c.Close() })
	return c
}
