package cache

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// BenchmarkPutCold puts 10,000 entries of 5 KB (about the 10,000-page
// site's average) into an empty folder and closes the store: what a cold
// build pays the cache, in the store's own work.
func BenchmarkPutCold(b *testing.B) {
	payload := []byte(strings.Repeat("x", 5000))
	for b.Loop() {
		s, err := Open(b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		for i := range 10000 {
			if err := s.Put("ns", key(i), payload); err != nil {
				b.Fatal(err)
			}
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompact measures a Close that compacts: 20 MB of entries, each
// put three times in three stores, so that two thirds of the folder is
// dead. It reports the live megabytes copied per second.
func BenchmarkCompact(b *testing.B) {
	const n, size = 4000, 5000
	var took time.Duration
	for b.Loop() {
		b.StopTimer()
		dir := b.TempDir()
		var s *Store
		for round := range 3 {
			var err error
			if s, err = Open(dir); err != nil {
				b.Fatal(err)
			}
			for i := range n {
				s.Put("ns", key(i), []byte(fmt.Sprint(round, strings.Repeat("x", size))))
			}
			if round < 2 {
				s.Close()
			}
		}
		s.Flush()
		b.StartTimer()
		t0 := time.Now()
		if !s.needsCompaction() {
			b.Fatal("nothing to compact")
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		took += time.Since(t0)
	}
	b.ReportMetric(float64(n*size*b.N)/1e6/took.Seconds(), "MB/s")
}
