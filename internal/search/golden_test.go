package search_test

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"bantin/internal/build"
	"bantin/internal/corpus"
	"bantin/internal/search"
)

var update = flag.Bool("update", false, "rewrite testdata/files.golden")

// Every data file the search stage writes for a 600-page corpus (Zipf
// vocabulary, so shards, forms files and fragments all appear; not the
// script) has the
// same bytes as when this file was written: speeding up the Go side
// changes no index, and a change of the index format shows here file by
// file (rewrite with go test ./internal/search -run FilesUnchanged
// -args -update, and say why in the commit).
func TestFilesUnchanged(t *testing.T) {
	res := build.Build(corpus.Generate(corpus.Options{Pages: 600, Vocabulary: 8000}), build.Options{Now: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)})
	if res.Diags.HasErrors() {
		t.Fatal(res.Diags)
	}
	var lines []string
	for _, f := range search.Files(res.Site, search.AnalyzeAll(res.Site), func(t string) string { return t }) {
		if !strings.HasPrefix(f.Path, search.DataDir) {
			continue // the script: its own tests (TestJSTextTable …)
		}
		lines = append(lines, fmt.Sprintf("%x %7d %s", sha256.Sum256(f.Data), len(f.Data), f.Path))
	}
	sort.Strings(lines)
	got := strings.Join(lines, "\n") + "\n"
	golden := filepath.Join("testdata", "files.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		wantSet := map[string]bool{}
		for _, l := range strings.Split(string(want), "\n") {
			wantSet[l] = true
		}
		n := 0
		for _, l := range lines {
			if !wantSet[l] && n < 10 {
				t.Errorf("changed or new: %s", l)
				n++
			}
		}
		t.Fatalf("search files differ from testdata/files.golden (%d lines, want %d)", len(lines), len(strings.Split(string(want), "\n"))-1)
	}
}
