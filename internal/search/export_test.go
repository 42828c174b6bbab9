package search

import (
	"testing"
	"time"

	"bantin/internal/parallel"
	"bantin/internal/site"
)

// AnalyzeAll analyses every page of s on every core, as a build without
// a cache does.
func AnalyzeAll(s *site.Site) []*Analysis {
	as := make([]*Analysis, len(s.Pages))
	parallel.For(len(as), func(i int) { as[i] = Analyze(s.Pages[i], s.Config.Location) })
	return as
}

// LogPhases times the phases of Files, for tuning.
func LogPhases(t testing.TB, s *site.Site) {
	t0 := time.Now()
	as := AnalyzeAll(s)
	tokens, size := 0, 0
	for _, a := range as {
		tokens += a.length
		size += len(a.data)
	}
	t.Logf("analyze %v (%d body tokens; analyses %d bytes, %d a page)", time.Since(t0), tokens, size, size/max(1, len(as)))
	t0 = time.Now()
	ix := buildIndex(heldAnalyses(as))
	t.Logf("buildIndex %v", time.Since(t0))
	t0 = time.Now()
	shardFiles(ix, func(string, []byte) uint64 { return 0 })
	t.Logf("shardFiles %v", time.Since(t0))
}

// SqueezeForms moves every shard's forms to at most files forms files,
// shared by several shards, until the test ends: the layout of a large
// site, on a small one.
func SqueezeForms(t testing.TB, files int) {
	old := limits
	limits = formsLimits{splitBytes: 1, maxFiles: old.maxFiles, maxFormsFiles: files}
	t.Cleanup(func() { limits = old })
}
