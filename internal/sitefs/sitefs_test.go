package sitefs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"
)

// site makes a site folder holding the given files ("a.md": text) and
// symlinks ("l.md": "->target"), and a secret file beside it.
func site(t *testing.T, entries map[string]string) (string, string) {
	t.Helper()
	top := t.TempDir()
	secret := filepath.Join(top, "secret.txt")
	if err := os.WriteFile(secret, []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(top, "site")
	for name, v := range entries {
		full := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		var err error
		switch {
		case v == "<dir>":
			err = os.MkdirAll(full, 0o755)
		case v == "<fifo>":
			err = syscall.Mkfifo(full, 0o644)
		case strings.HasPrefix(v, "->"):
			err = os.Symlink(strings.ReplaceAll(v[2:], "SECRET", secret), full)
		default:
			err = os.WriteFile(full, []byte(v), 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	return dir, secret
}

type found struct {
	files   []string
	refused map[string]string
}

func walk(t *testing.T, dir, root string) found {
	t.Helper()
	fsys, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	f := found{refused: map[string]string{}}
	done := make(chan error, 1)
	go func() {
		done <- Walk(fsys, root, Walker{
			Skip:   func(name string) bool { return strings.HasPrefix(name, ".") },
			File:   func(p string) { f.files = append(f.files, p) },
			Refuse: func(p, why string) { f.refused[p] = why },
		})
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Walk hangs")
	}
	return f
}

func TestWalkFollowsOnlyInsideTheSite(t *testing.T) {
	dir, _ := site(t, map[string]string{
		"content/a.md":          "a",
		"content/.git/x":        "hidden",
		"content/in.md":         "->a.md",
		"content/up.md":         "->../chung/b.md",
		"chung/b.md":            "b",
		"content/out.md":        "->SECRET",
		"content/escape.md":     "->../../secret.txt",
		"content/zero.md":       "->/dev/zero",
		"content/broken.md":     "->khong-co.md",
		"content/pipe.md":       "<fifo>",
		"content/thu-muc":       "->../chung",
		"content/vong/lap":      "->..",
		"content/vong/c.md":     "c",
		"content/rong/.keep":    "",
		"content/null":          "->/dev/null",
		"content/sub/deep/d.md": "d",
	})
	got := walk(t, dir, "content")
	wantFiles := []string{"content/a.md", "content/in.md", "content/sub/deep/d.md", "content/thu-muc/b.md", "content/up.md", "content/vong/c.md"}
	if !reflect.DeepEqual(got.files, wantFiles) {
		t.Errorf("files:\n got %q\nwant %q", got.files, wantFiles)
	}
	wantRefused := map[string]string{
		"content/out.md":    "symlink leads outside the site folder",
		"content/escape.md": "symlink leads outside the site folder",
		"content/zero.md":   "symlink leads outside the site folder",
		"content/null":      "symlink leads outside the site folder",
		"content/broken.md": "broken symlink (→ khong-co.md)",
		"content/pipe.md":   "not a regular file (a named pipe)",
		"content/vong/lap":  "symlink loop",
	}
	for p, want := range wantRefused {
		if !strings.Contains(got.refused[p], want) {
			t.Errorf("%s: refused with %q, want %q", p, got.refused[p], want)
		}
	}
	if len(got.refused) != len(wantRefused) {
		t.Errorf("refused %d entries, want %d: %q", len(got.refused), len(wantRefused), got.refused)
	}
}

func TestReadRefusesEscapesAndSpecialFiles(t *testing.T) {
	dir, _ := site(t, map[string]string{
		"config.toml":  "->SECRET",
		"pipe.toml":    "<fifo>",
		"ok.toml":      "->chung/x.toml",
		"chung/x.toml": "title = 'x'",
	})
	fsys, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fs.ReadFile(fsys, "config.toml"); !errors.Is(err, ErrOutside) {
		t.Errorf("config.toml → secret: err = %v, want ErrOutside", err)
	}
	done := make(chan error, 1)
	go func() { _, err := fs.ReadFile(fsys, "pipe.toml"); done <- err }()
	select {
	case err := <-done:
		if !errors.Is(err, ErrSpecial) {
			t.Errorf("pipe: err = %v, want ErrSpecial", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("reading a named pipe hangs")
	}
	if data, err := fs.ReadFile(fsys, "ok.toml"); err != nil || string(data) != "title = 'x'" {
		t.Errorf("link inside the site: %q, %v", data, err)
	}
}

// The guarded file system is a well-behaved io/fs.FS.
func TestConformsToFS(t *testing.T) {
	dir, _ := site(t, map[string]string{"content/a.md": "a", "content/b/c.md": "c", "static/x.css": "x", "content/in.md": "->a.md"})
	fsys, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := fstest.TestFS(fsys, "content/a.md", "content/b/c.md", "static/x.css", "content/in.md"); err != nil {
		t.Fatal(err)
	}
}
