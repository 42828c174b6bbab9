package search

import (
	"testing"
	"time"

	"bantin/internal/parallel"
	"bantin/internal/site"
)

// LogPhases times the phases of Files, for tuning.
func LogPhases(t testing.TB, s *site.Site) {
	t0 := time.Now()
	w := newWords()
	as := analyzeAll(s.Pages, w)
	t.Logf("analyze %v", time.Since(t0))
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
