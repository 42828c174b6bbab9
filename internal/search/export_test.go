package search

import (
	"testing"
	"time"

	"bantin/internal/parallel"
	"bantin/internal/site"
)

// LogPhases times the phases of Files, for tuning.
func LogPhases(t testing.TB, s *site.Site) {
	for i := 0; i < 3; i++ {
		t0 := time.Now()
		analyzeAll(s.Pages, newWords())
		t.Logf("analyze %v", time.Since(t0))
	}
	t0 := time.Now()
	w := newWords()
	as := analyzeAll(s.Pages, w)
	tokens := 0
	for _, a := range as {
		tokens += a.length
	}
	t.Logf("analyze %v (%d body tokens)", time.Since(t0), tokens)
	t0 = time.Now()
	buildIndex(s.Pages)
	t.Logf("buildIndex (with analyze) %v", time.Since(t0))
	_ = as
	ix := buildIndex(s.Pages)
	t0 = time.Now()
	shardFiles(ix)
	t.Logf("shardFiles %v", time.Since(t0))
	t0 = time.Now()
	parallel.For(len(s.Pages), func(i int) { fragment(s.Pages[i], s) })
	t.Logf("fragments %v", time.Since(t0))
}
