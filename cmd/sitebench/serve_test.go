package main

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// sitebench serve starts the working tree's bantin serve on a small
// corpus, edits a page and prints every row of its table.
func TestServeBenchMeasuresStartAndEdit(t *testing.T) {
	if testing.Short() {
		t.Skip("builds bantin and serves a site: not with -short")
	}
	selfEnv = []string{"SITEBENCH_TEST_CHILD=main"} // the floor: this binary as sitebench
	defer func() { selfEnv = nil }()
	work := t.TempDir()
	bin, err := buildBantin(filepath.Join(work, "bin"))
	if err != nil {
		t.Fatal(err)
	}
	var out, log bytes.Buffer
	status := runServeBench([]string{"-size", "40", "-runs", "1", "-bantin", bin, "-work", filepath.Join(work, "w")}, &out, &log)
	if status != 0 {
		t.Fatalf("status %d\n%s", status, log.String())
	}
	for _, row := range []string{"start → 200 on `/`", "start → 200 on `/bai-viet/trang-00001/`", "search manifest", "every page made", "edit → the page served with the new text", "edit → the reload event", "the update itself", "a second edit, saved during the search index's rebuild"} {
		if !regexp.MustCompile(regexp.QuoteMeta(row) + ".* \\| \\d+ ms \\| \\d+\\.\\d\\d \\|").MatchString(out.String()) {
			t.Errorf("no row %q with a time and a ratio in:\n%s", row, out.String())
		}
	}
	if !strings.Contains(out.String(), "rebuilt the whole site in 0 of 1 runs; the first build missed the cache at most 0 times") {
		t.Errorf("the edit was not a fast-path update, or the cache was cold:\n%s\n%s", out.String(), log.String())
	}
}

func TestLogWatchAwaitsLinesAfterMark(t *testing.T) {
	w := newLogWatch()
	w.Write([]byte("rebuilt 10 files in 1.5s; cache: 7 hits, 2 misses\nmade 3 pa"))
	w.Write([]byte("ges in 2s\n"))
	if l, err := w.await(madeLine, time.Second); err != nil || l.text != "made 3 pages in 2s" {
		t.Errorf("made line %q, %v", l.text, err)
	}
	if h, m := cacheCounts(w.String()); h != 7 || m != 2 {
		t.Errorf("cache %d hits %d misses", h, m)
	}
	w.mark()
	if _, err := w.await(updateLine, 20*time.Millisecond); err == nil {
		t.Error("a line before the mark was found")
	}
	w.Write([]byte("updated 4 files in 8ms\n"))
	if l, err := w.await(updateLine, time.Second); err != nil || l.took != 8*time.Millisecond || l.full {
		t.Errorf("update line %+v, %v", l, err)
	}
}
