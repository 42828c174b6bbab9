package build

import (
	"strings"
	"testing"

	"bantin/internal/output"
)

// Files added after the build (the PDFs) go through the same collision
// check as every other output: one on a page's path is an error naming
// both, and is not written.
func TestAddFilesChecksCollisions(t *testing.T) {
	mem := output.NewMem()
	res := Into(siteFS(t, basicSite), Options{Now: fixedNow}, mem)
	if res.Diags.HasErrors() {
		t.Fatal(res.Diags.Err())
	}
	before := res.Stats.Files
	page := "bai-viet/dan-van-kheo/index.html"
	res.AddFiles([]output.File{
		{Path: "so-tay/hoi-dap/so-tay.pdf", Data: []byte("%PDF"), Source: "content/so-tay/hoi-dap.md (reading PDF)"},
		{Path: page, Data: []byte("%PDF"), Source: "content/so-tay/hoi-dap.md (press PDF)"},
	})
	want := page + " would be written twice: by content/bai-viet/Dân vận khéo.md and by content/so-tay/hoi-dap.md (press PDF)"
	if err := res.Diags.Err(); err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("diagnostics %v, want %q", err, want)
	}
	for _, f := range mem.Files() {
		if f.Path == page && string(f.Data) == "%PDF" {
			t.Error("the colliding PDF replaced the page")
		}
	}
	if res.Stats.Files != before+1 {
		t.Errorf("Files = %d, want %d (the PDF that fits)", res.Stats.Files, before+1)
	}
}

// Into streams: the Writer holds every file once the build returns, and
// Build's files are the same.
func TestIntoWritesWhatBuildReturns(t *testing.T) {
	mem := output.NewMem()
	res := Into(siteFS(t, basicSite), Options{Now: fixedNow}, mem)
	built := Build(siteFS(t, basicSite), Options{Now: fixedNow})
	if res.Files != nil || len(mem.Files()) != len(built.Files) || res.Stats.Files != len(built.Files) {
		t.Fatalf("Into: %d files written (Stats %d), Build: %d", len(mem.Files()), res.Stats.Files, len(built.Files))
	}
	for i, f := range mem.Files() {
		if f.Path != built.Files[i].Path || string(f.Data) != string(built.Files[i].Data) {
			t.Errorf("%s differs", f.Path)
		}
	}
}
