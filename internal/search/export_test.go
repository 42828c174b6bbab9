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
	as := analyzeAll(s.Pages, newWords())
	tokens := 0
	for _, a := range as {
		tokens += a.length
	}
	t.Logf("analyze %v (%d body tokens)", time.Since(t0), tokens)
	t0 = time.Now()
	ix := buildIndex(s.Pages)
	t.Logf("buildIndex (with analyze) %v", time.Since(t0))
	t0 = time.Now()
	shardFiles(ix)
	t.Logf("shardFiles %v", time.Since(t0))
	t0 = time.Now()
	parallel.For(len(s.Pages), func(i int) { fragment(s.Pages[i], s) })
	t.Logf("fragments %v", time.Since(t0))
}

// SqueezeForms moves every shard's forms to at most files forms files,
// shared by several shards, until the test ends: the layout of a large
// site, on a small one.
func SqueezeForms(t testing.TB, files int) {
	old := limits
	limits = formsLimits{splitBytes: 1, maxFiles: old.maxFiles, maxFormsFiles: files}
	t.Cleanup(func() { limits = old })
}

// Analyze runs the analysis of every page, as Files does first.
func Analyze(s *site.Site) { analyzeAll(s.Pages, newWords()) }
