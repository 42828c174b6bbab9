package search_test

import (
	"bytes"
	"encoding/json"
	"sync"
	"testing"
	"time"

	"bantin/internal/build"
	"bantin/internal/corpus"
	"bantin/internal/output"
	"bantin/internal/parallel"
	"bantin/internal/search"
	"bantin/internal/site"
	"bantin/internal/textstore"
)

// Analyses spilled to a file as they are made, from many goroutines, give
// the same files as analyses held in memory: the fragments as they are
// spilled, the index files from the merge that reads them back.
func TestSpilledAnalysesMakeTheSameFiles(t *testing.T) {
	s, as := analyzedCorpus(t, 300, 5000)
	label := func(t string) string { return t }
	want := map[string][]byte{}
	for _, f := range search.Files(s, as, label) {
		want[f.Path] = f.Data
	}
	st, err := textstore.NewFile(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var mu sync.Mutex
	got := map[string][]byte{}
	add := func(f output.File) {
		mu.Lock()
		defer mu.Unlock()
		if _, dup := got[f.Path]; dup {
			t.Errorf("%s written twice", f.Path)
		}
		got[f.Path] = f.Data
	}
	spilled := make([]search.Spilled, len(as))
	parallel.For(len(as), func(i int) { spilled[i] = as[i].Spill(i, st, add) })
	search.WriteFiles(s, spilled, st, label, add)
	if err := st.Err(); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("%d files spilled, %d held", len(got), len(want))
	}
	for p, data := range want {
		if !bytes.Equal(got[p], data) {
			t.Errorf("%s differs", p)
		}
	}
	if len(want) < len(as)+5 {
		t.Errorf("only %d files for %d pages", len(want), len(as))
	}
}

// The manifest's build hash is the same for the same index, however the
// goroutines that write shards and fragments interleave, and changes when
// any index file does (here: two pages' analyses trade places).
func TestManifestBuildHash(t *testing.T) {
	s, as := analyzedCorpus(t, 120, 3000)
	label := func(t string) string { return t }
	manifest := func(as []*search.Analysis) string {
		for _, f := range search.Files(s, as, label) {
			if f.Path == search.DataDir+"manifest.json" {
				var m struct{ Build string }
				if err := json.Unmarshal(f.Data, &m); err != nil || m.Build == "" {
					t.Fatalf("manifest %s: %v", f.Data, err)
				}
				return m.Build
			}
		}
		t.Fatal("no manifest")
		return ""
	}
	first := manifest(as)
	for range 3 {
		if again := manifest(as); again != first {
			t.Fatalf("build hash %s, then %s, for the same index", first, again)
		}
	}
	swapped := append([]*search.Analysis{}, as...)
	swapped[3], swapped[4] = swapped[4], swapped[3]
	if manifest(swapped) == first {
		t.Error("the build hash did not change with the index")
	}
}

// analyzedCorpus builds a generated site of that many pages and analyses
// its pages.
func analyzedCorpus(t *testing.T, pages, vocabulary int) (*site.Site, []*search.Analysis) {
	t.Helper()
	res := build.Build(corpus.Generate(corpus.Options{Pages: pages, Vocabulary: vocabulary}), build.Options{Now: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)})
	if res.Diags.HasErrors() {
		t.Fatal(res.Diags)
	}
	return res.Site, search.AnalyzeAll(res.Site)
}
