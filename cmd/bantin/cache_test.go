package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var cacheLineRe = regexp.MustCompile(`cache: (\d+) hits, (\d+) misses in (.+)`)

// A second build finds every result in the default cache folder, outside
// the source tree; --cacheDir moves it; --noCache prints no cache line;
// all three builds are byte-identical.
func TestBuildCacheFlags(t *testing.T) {
	root, _ := filepath.Abs(filepath.Join("..", ".."))
	dest := t.TempDir()
	run := func(name string, flags ...string) (string, map[string][]byte) {
		t.Helper()
		out := filepath.Join(dest, name)
		status, stdout, errOut := runCLI(append([]string{"build", "--source", root, "--destination", out, "--quiet"}, flags...)...)
		if status != exitOK {
			t.Fatalf("%s: status %d, stderr:\n%s", name, status, errOut)
		}
		return stdout, treeOf(t, out)
	}
	own := filepath.Join(t.TempDir(), "own-cache")
	cold, a := run("cold", "--cacheDir", own)
	warm, b := run("warm", "--cacheDir", own)
	none, c := run("none", "--noCache")
	m1, m2 := cacheLineRe.FindStringSubmatch(cold), cacheLineRe.FindStringSubmatch(warm)
	if m1 == nil || m2 == nil {
		t.Fatalf("no cache line:\n%s\n%s", cold, warm)
	}
	// (processed images may come from the process's own memory the second
	// time, so the hits can be fewer than the misses before them)
	if m1[1] != "0" || m1[2] == "0" || m2[1] == "0" || m2[2] != "0" || m2[3] != own {
		t.Errorf("cold %q, warm %q", m1[0], m2[0])
	}
	if strings.Contains(none, "cache:") {
		t.Errorf("--noCache printed %q", none)
	}
	for p, data := range a {
		if !bytes.Equal(data, b[p]) || !bytes.Equal(data, c[p]) {
			t.Errorf("%s differs between the cold, warm and uncached builds", p)
		}
	}
	if len(a) != len(b) || len(a) != len(c) {
		t.Errorf("%d, %d and %d files", len(a), len(b), len(c))
	}
	_, _ = run("default")
	def, _ := run("default-again")
	if m := cacheLineRe.FindStringSubmatch(def); m == nil || m[2] != "0" || !strings.HasPrefix(m[3], os.Getenv("XDG_CACHE_HOME")) {
		t.Errorf("default cache folder: %q", def)
	}
}

// A cache folder inside a folder the build reads is refused before
// anything is written.
func TestCacheDirInsideContentIsRefused(t *testing.T) {
	root, _ := filepath.Abs(filepath.Join("..", ".."))
	status, _, errOut := runCLI("build", "--source", root, "--destination", filepath.Join(t.TempDir(), "public"), "--cacheDir", filepath.Join(root, "content", "bo-nho"))
	if status != exitUsage || !strings.Contains(errOut, "lies inside the site's content/ folder") {
		t.Errorf("status %d, stderr %q", status, errOut)
	}
	if _, err := os.Stat(filepath.Join(root, "content", "bo-nho")); !os.IsNotExist(err) {
		t.Error("the refused cache folder was made")
	}
}
