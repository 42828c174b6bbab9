package search

import (
	"testing"
	"time"

	"bantin/internal/output"
	"bantin/internal/site"
	"bantin/internal/textstore"
)

// A spilled analysis that cannot be read back (here: read from a store
// that never held it, as after a write the disk refused) is the store's
// error and an empty page to the merge: never another page's bytes, never
// a panic.
func TestSpilledReadFailureIsAnError(t *testing.T) {
	pages := []*site.Page{
		{Title: "Dân vận khéo ở phường 5", URL: "/a/"},
		{Title: "Quy chế dân chủ ở cơ sở", URL: "/b/"},
		{Title: "Tín ngưỡng và tôn giáo", URL: "/c/"},
	}
	written, err := textstore.NewFile(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer written.Close()
	spilled := make([]Spilled, len(pages))
	for i, p := range pages {
		spilled[i] = Analyze(p, time.UTC).Spill(i, written, func(output.File) {})
	}
	empty, err := textstore.NewFile(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer empty.Close()
	empty.Put([]byte{analysisFormat, 1, 1}) // the first ref's first bytes only: a short read after them
	ix := buildIndex(&spilledAnalyses{list: spilled, st: empty})
	if empty.Err() == nil {
		t.Error("a failed read left no error")
	}
	if ix.pages != len(pages) {
		t.Errorf("%d pages in the index, want %d", ix.pages, len(pages))
	}
}
