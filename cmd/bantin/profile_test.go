package main

import (
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bantin/internal/tooltest"
)

// --cpuprofile and --memprofile write profiles go tool pprof reads
// (gzip-compressed protocol buffers); a profile that cannot be written
// stops the build before it starts.
func TestBuildWritesProfiles(t *testing.T) {
	src := t.TempDir()
	tooltest.WriteFiles(t, src, map[string]string{"content/bai-viet/a.md": "+++\ntitle = \"A\"\n+++\nXin chào.\n"})
	dir := t.TempDir()
	cpu, mem := filepath.Join(dir, "cpu.prof"), filepath.Join(dir, "mem.prof")
	status, _, errOut := runCLI("build", "--source", src, "--noCache", "--cpuprofile", cpu, "--memprofile", mem)
	if status != exitOK {
		t.Fatalf("status %d: %s", status, errOut)
	}
	for _, p := range []string{cpu, mem} {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		z, err := gzip.NewReader(f)
		if err != nil {
			t.Fatalf("%s: not a pprof profile: %v", p, err)
		}
		if data, err := io.ReadAll(z); err != nil || len(data) == 0 {
			t.Errorf("%s: %d bytes, %v", p, len(data), err)
		}
		f.Close()
	}
	status, _, errOut = runCLI("build", "--source", src, "--noCache", "--destination", filepath.Join(dir, "out"), "--cpuprofile", filepath.Join(dir, "none", "cpu.prof"))
	if status != exitUsage || !strings.Contains(errOut, "--cpuprofile") {
		t.Errorf("unwritable profile: status %d: %s", status, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); !os.IsNotExist(err) {
		t.Error("the build ran although its profile could not be written")
	}
	status, _, errOut = runCLI("build", "--source", src, "--noCache", "--destination", filepath.Join(dir, "out"), "--memprofile", filepath.Join(dir, "none", "mem.prof"))
	if status != exitUsage || !strings.Contains(errOut, "--memprofile") {
		t.Errorf("unwritable heap profile: status %d: %s", status, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); !os.IsNotExist(err) {
		t.Error("the build ran although its heap profile could not be written")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 { // cpu.prof, mem.prof
		t.Errorf("left behind: %v", entries)
	}
}
