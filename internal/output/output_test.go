package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func TestValidPath(t *testing.T) {
	good := []string{"index.html", "bai-viet/a/index.html", "l/7k2p/index.html"}
	bad := []string{"", "/etc/passwd", "../x", "a/../../x", "a//b", "./a", "a\\b", ".."}
	for _, p := range good {
		if !ValidPath(p) {
			t.Errorf("ValidPath(%q) = false", p)
		}
	}
	for _, p := range bad {
		if ValidPath(p) {
			t.Errorf("ValidPath(%q) = true", p)
		}
	}
}

func TestCheckFindsCollisions(t *testing.T) {
	files := []File{{Path: "b/index.html", Source: "content/b.md"}, {Path: "a/index.html", Source: "content/x.md"}, {Path: "a/index.html", Source: "content/y.md"}}
	col, inv := Check(files)
	if len(inv) != 0 || len(col) != 1 {
		t.Fatalf("collisions %v invalid %v", col, inv)
	}
	if col[0].Error() != "content/x.md and content/y.md both write a/index.html" {
		t.Errorf("got %q", col[0].Error())
	}
}

func TestWriteDirSwapsAtomically(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	if err := WriteDir(dest, []File{{Path: "old.html", Data: []byte("old")}}); err != nil {
		t.Fatal(err)
	}
	if err := WriteDir(dest, []File{{Path: "a/new.html", Data: []byte("new")}}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dest, "old.html")); !os.IsNotExist(err) {
		t.Error("old file survived the swap")
	}
	if b, _ := os.ReadFile(filepath.Join(dest, "a/new.html")); string(b) != "new" {
		t.Errorf("new file = %q", b)
	}
	// A failing write leaves the previous site as it was and no temp folder.
	err := WriteDir(dest, []File{{Path: "ok.html", Data: []byte("x")}, {Path: "../escape.html", Data: []byte("x")}})
	if err == nil {
		t.Fatal("want an error for a path leaving the destination")
	}
	if b, _ := os.ReadFile(filepath.Join(dest, "a/new.html")); string(b) != "new" {
		t.Error("failed write changed the previous site")
	}
	if _, err := os.Stat(filepath.Join(root, "escape.html")); !os.IsNotExist(err) {
		t.Error("a file was written outside the destination")
	}
	if _, err := os.Stat(filepath.Join(dest, Marker)); err != nil {
		t.Error("marker missing")
	}
	entries, _ := os.ReadDir(root)
	if len(entries) != 1 {
		t.Errorf("leftovers beside the destination: %v", entries)
	}
}

func TestMemFS(t *testing.T) {
	m := NewMemFS([]File{{Path: "index.html", Data: []byte("home")}, {Path: "a/b/index.html", Data: []byte("b")}})
	if err := fstest.TestFS(m, "index.html", "a/b/index.html"); err != nil {
		t.Fatal(err)
	}
}

func TestWriteDirRefusesForeignFolder(t *testing.T) {
	dest := t.TempDir()
	os.WriteFile(filepath.Join(dest, "thesis.doc"), []byte("precious"), 0o644)
	err := WriteDir(dest, []File{{Path: "index.html", Data: []byte("x")}})
	if err == nil || !strings.Contains(err.Error(), "refusing to replace") {
		t.Fatalf("err = %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dest, "thesis.doc")); string(b) != "precious" {
		t.Error("foreign file touched")
	}
}
