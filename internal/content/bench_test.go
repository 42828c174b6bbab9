package content

import (
	"bantin/internal/cputime"

	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bantin/internal/config"
	"bantin/internal/corpus"
	"bantin/internal/diag"
	"bantin/internal/parallel"
	"bantin/internal/sitefs"
)

// BenchmarkRead compares the read stage with the floor's read on the same
// 2,000 pages of sitebench's corpus on disk: "floor" reads every file on
// all cores and does nothing else (what cmd/sitebench's floor does),
// "scan" is Scan through sitefs.Open as bantin build reads a site (read,
// newline and UTF-8 checks, NFC, front matter, cascades, refs). Both
// report the CPU time of the whole process per op ("cpu-ns/op"), steadier
// than wall time on a shared machine. The goal: scan within 2×
// the floor.
//
//	go test -run '^$' -bench Read -benchtime 20x ./internal/content/
func BenchmarkRead(b *testing.B) {
	dir := b.TempDir()
	if err := corpus.Write(corpus.Bench(2000), dir); err != nil {
		b.Fatal(err)
	}
	b.Run("floor", func(b *testing.B) {
		var paths []string
		filepath.WalkDir(filepath.Join(dir, Dir), func(p string, d os.DirEntry, err error) error {
			if err == nil && strings.HasSuffix(p, ".md") {
				paths = append(paths, p)
			}
			return err
		})
		cputime.Process(b, func() {
			for b.Loop() {
				parallel.For(len(paths), func(i int) { os.ReadFile(paths[i]) })
			}
		})
	})
	b.Run("scan", func(b *testing.B) {
		fsys, err := sitefs.Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		var dl diag.List
		cfg := config.Load(fsys, "", &dl)
		cputime.Process(b, func() {
			for b.Loop() {
				Scan(fsys, cfg, Options{Now: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)}, &dl)
			}
		})
		if dl.Err() != nil {
			b.Fatal(dl.Err())
		}
	})
}
