package output

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
)

// While builds swap the destination over and over, a reader never finds
// it missing.
func TestSwapNeverLeavesDestinationMissing(t *testing.T) {
	root := t.TempDir()
	a, b := filepath.Join(root, "a"), filepath.Join(root, "b")
	os.Mkdir(a, 0o755)
	os.Mkdir(b, 0o755)
	if ok, err := exchange(a, b); !ok || err != nil {
		if runtime.GOOS == "linux" {
			t.Skipf("this file system cannot exchange folders in one step (%v): WriteDir uses two renames here", err)
		}
		t.Skip("no one-step exchange on " + runtime.GOOS)
	}
	dest := filepath.Join(root, "public")
	if err := WriteDir(dest, []File{{Path: "index.html", Data: []byte("0")}}); err != nil {
		t.Fatal(err)
	}
	var stop, missing atomic.Int64
	done := make(chan struct{})
	go func() {
		defer close(done)
		for stop.Load() == 0 {
			if _, err := os.Stat(filepath.Join(dest, "index.html")); err != nil {
				missing.Add(1)
			}
		}
	}()
	for i := range 200 {
		if err := WriteDir(dest, []File{{Path: "index.html", Data: []byte{byte('0' + i%10)}}}); err != nil {
			t.Fatal(err)
		}
	}
	stop.Store(1)
	<-done
	if n := missing.Load(); n > 0 {
		t.Errorf("the destination was missing %d times during 200 swaps", n)
	}
}

// Folders left by builds killed while writing or cleaning up are removed
// by the next build; a running build's folder is not.
func TestWriteDirRemovesLeftoversOfKilledBuilds(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	dead := []string{".public-new-999999999-17", ".public-new-999999998-5-old", ".public-new-123456"}
	alive := ".public-new-" + strconv.Itoa(os.Getppid()) + "-3"
	for _, d := range append(dead, alive, ".other-new-999999999-1") {
		if err := os.MkdirAll(filepath.Join(root, d, "bai-viet"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := WriteDir(dest, []File{{Path: "index.html", Data: []byte("x")}}); err != nil {
		t.Fatal(err)
	}
	for _, d := range dead {
		if _, err := os.Stat(filepath.Join(root, d)); !os.IsNotExist(err) {
			t.Errorf("%s survived the next build", d)
		}
	}
	for _, d := range []string{alive, ".other-new-999999999-1", "public"} {
		if _, err := os.Stat(filepath.Join(root, d)); err != nil {
			t.Errorf("%s was removed: %v", d, err)
		}
	}
}

// A destination that is a symbolic link stays one; the folder it points
// to is replaced.
func TestWriteDirKeepsDestinationLink(t *testing.T) {
	root := t.TempDir()
	real := filepath.Join(root, "site-v1")
	if err := WriteDir(real, []File{{Path: "old.html", Data: []byte("old")}}); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(root, "public")
	if err := os.Symlink("site-v1", link); err != nil {
		t.Fatal(err)
	}
	if err := WriteDir(link, []File{{Path: "new.html", Data: []byte("new")}}); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the destination link was replaced: %v %v", info, err)
	}
	if b, err := os.ReadFile(filepath.Join(real, "new.html")); err != nil || string(b) != "new" {
		t.Errorf("new.html through the link: %q %v", b, err)
	}
	if _, err := os.Stat(filepath.Join(real, "old.html")); !os.IsNotExist(err) {
		t.Error("old.html survived")
	}
}

func TestCheckRefusesUnwritablePaths(t *testing.T) {
	long := strings.Repeat("a", NameMax+1)
	files := []File{
		{Path: Marker, Source: "content/a.md"},
		{Path: Marker + "/index.html", Source: "content/b.md"},
		{Path: "van-ban/x", Source: "content/c.md"},
		{Path: "van-ban/x/index.html", Source: "content/d.md"},
		{Path: long + "/index.html", Source: "content/e.md"},
		{Path: strings.Repeat("ab/", PathMax/3) + "index.html", Source: "content/f.md"},
		{Path: strings.Repeat("a", NameMax) + "/index.html", Source: "content/ok.md"},
	}
	_, invalid := Check(files)
	want := map[string]string{
		"content/a.md": "would replace .bantin-output",
		"content/b.md": "would replace .bantin-output",
		"content/d.md": "needs a folder van-ban/x, but content/c.md writes a file there",
		"content/e.md": "has a 256-byte name; file systems allow 255",
		"content/f.md": "bytes long; at most 1024 are written",
	}
	got := map[string]string{}
	for _, f := range invalid {
		got[f.Source] = f.Reason
	}
	for src, w := range want {
		if !strings.Contains(got[src], w) {
			t.Errorf("%s: reason %q, want %q", src, got[src], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("invalid: %q", got)
	}
}
