package serve

import (
	"bytes"
	"path/filepath"
	"regexp"
	"testing"

	"bantin/internal/build"
	"bantin/internal/cache"
)

// The dev server uses the build cache: a second start finds every result
// there, and the log says so.
func TestServeUsesTheBuildCache(t *testing.T) {
	root := t.TempDir()
	for name, body := range fixture {
		write(t, root, name, body)
	}
	c, err := cache.Open(filepath.Join(t.TempDir(), "cache"))
	if err != nil {
		t.Fatal(err)
	}
	line := regexp.MustCompile(`rebuilt \d+ files in \S+; cache: (\d+) hits, (\d+) misses`)
	var first, second bytes.Buffer
	<-New(root, build.Options{BaseURL: "http://127.0.0.1/", Cache: c}, &first).Ready() // the deferred passes use the cache too
	<-New(root, build.Options{BaseURL: "http://127.0.0.1/", Cache: c}, &second).Ready()
	m1, m2 := line.FindStringSubmatch(first.String()), line.FindStringSubmatch(second.String())
	if m1 == nil || m2 == nil {
		t.Fatalf("no cache line:\n%s\n%s", first.String(), second.String())
	}
	if m1[1] != "0" || m1[2] == "0" || m2[1] != m1[2] || m2[2] != "0" {
		t.Errorf("first start %q, second %q", m1[0], m2[0])
	}
}

// The dev server publishes what it put in the build cache after each
// build, without waiting to exit: another process that opens the folder
// meanwhile (a second store here) finds every result.
func TestServePublishesTheBuildCache(t *testing.T) {
	root := t.TempDir()
	for name, body := range fixture {
		write(t, root, name, body)
	}
	dir := filepath.Join(t.TempDir(), "cache")
	running, err := cache.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer running.Close()
	var first, second bytes.Buffer
	srv := New(root, build.Options{BaseURL: "http://127.0.0.1/", Cache: running}, &first)
	<-srv.Ready()
	other, err := cache.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	New(root, build.Options{BaseURL: "http://127.0.0.1/", Cache: other}, &second)
	line := regexp.MustCompile(`rebuilt \d+ files in \S+; cache: (\d+) hits, (\d+) misses`)
	m1, m2 := line.FindStringSubmatch(first.String()), line.FindStringSubmatch(second.String())
	if m1 == nil || m2 == nil {
		t.Fatalf("no cache line:\n%s\n%s", first.String(), second.String())
	}
	if m1[2] == "0" || m2[1] != m1[2] || m2[2] != "0" {
		t.Errorf("first server %q, second (another store) %q", m1[0], m2[0])
	}
}
