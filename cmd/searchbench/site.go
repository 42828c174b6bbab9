package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"bantin/internal/build"
	"bantin/internal/corpus"
	"bantin/internal/output"
	"bantin/internal/search"
)

// siteFigures are what building the corpus measured.
type siteFigures struct {
	Build, Index   time.Duration
	IndexFiles     int // manifest, docs, vocabulary, shards
	FragmentFiles  int
	IndexBytes     int // raw bytes of the index files
	IndexGzipBytes int
}

// buildSite generates the corpus and builds it into dir.
func buildSite(dir string, pages, vocab int) (siteFigures, error) {
	var f siteFigures
	fsys := corpus.Generate(corpus.Options{Pages: pages, Vocabulary: vocab})
	res := build.Build(fsys, build.Options{Now: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)})
	if res.Diags.HasErrors() {
		return f, fmt.Errorf("build: %v", res.Diags)
	}
	f.Build = res.Stats.Duration
	for _, s := range res.Stats.Stages {
		if s.Name == "search" {
			f.Index = s.Duration
		}
	}
	for _, file := range res.Files {
		if !strings.HasPrefix(file.Path, search.DataDir) {
			continue
		}
		if strings.HasPrefix(file.Path, search.DataDir+"f/") {
			f.FragmentFiles++
			continue
		}
		f.IndexFiles++
		f.IndexBytes += len(file.Data)
		f.IndexGzipBytes += gzipSize(file.Data)
	}
	if err := os.RemoveAll(dir); err != nil {
		return f, err
	}
	return f, output.WriteDir(filepath.Clean(dir), res.Files)
}

func gzipSize(data []byte) int {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.DefaultCompression)
	w.Write(data)
	w.Close()
	return b.Len()
}
