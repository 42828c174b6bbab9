package uptodate

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"testing/fstest"
	"time"

	"bantin/internal/cache"
	"bantin/internal/diag"
)

func site() fstest.MapFS {
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s), ModTime: at} }
	return fstest.MapFS{
		"config.toml":              file("title = \"x\"\n"),
		"README.md":                file("not read by a build"),
		"public/index.html":        file("<p>built</p>"),
		"content/bai-viet/a.md":    file("+++\ntitle = \"A\"\n+++\nXin chào.\n"),
		"layouts/_default/x.html":  file("{{ .Title }}"),
		"static/css/a.css":         file("body{}"),
		"themes/other/layouts/y.h": file("not read"),
	}
}

func digestOf(t *testing.T, fsys fstest.MapFS) Digest {
	t.Helper()
	d := Inputs(fsys)
	return d
}

// Every change of what a build reads changes the fingerprint, bytes
// included when size and time stay; changes elsewhere do not.
func TestInputsSeeEveryInput(t *testing.T) {
	base := digestOf(t, site())
	if again := digestOf(t, site()); again != base {
		t.Fatal("the same site fingerprints twice differently")
	}
	changes := map[string]func(fstest.MapFS){
		"a byte, same size and time": func(f fstest.MapFS) { f["content/bai-viet/a.md"].Data[len(f["content/bai-viet/a.md"].Data)-2] = '!' },
		"content file added":         func(f fstest.MapFS) { f["content/b.md"] = &fstest.MapFile{Data: []byte("x")} },
		"content file removed":       func(f fstest.MapFS) { delete(f, "content/bai-viet/a.md") },
		"file renamed": func(f fstest.MapFS) {
			f["content/bai-viet/c.md"] = f["content/bai-viet/a.md"]
			delete(f, "content/bai-viet/a.md")
		},
		"empty folder added":    func(f fstest.MapFS) { f["static/trong"] = &fstest.MapFile{Mode: os.ModeDir} },
		"layout edited":         func(f fstest.MapFS) { f["layouts/_default/x.html"].Data = []byte("{{ .Date }}") },
		"static edited":         func(f fstest.MapFS) { f["static/css/a.css"].Data = []byte("body{ }") },
		"config edited":         func(f fstest.MapFS) { f["config.toml"].Data = []byte("title = \"y\"\n") },
		"second config file":    func(f fstest.MapFS) { f["hugo.yaml"] = &fstest.MapFile{Data: []byte("title: x\n")} },
		"Hugo's config folder":  func(f fstest.MapFS) { f["config/_default/hugo.toml"] = &fstest.MapFile{Data: []byte("")} },
		"static folder removed": func(f fstest.MapFS) { delete(f, "static/css/a.css") },
	}
	for name, change := range changes {
		f := site()
		change(f)
		if digestOf(t, f) == base {
			t.Errorf("%s: same fingerprint", name)
		}
	}
	unread := map[string]func(fstest.MapFS){
		"README edited":      func(f fstest.MapFS) { f["README.md"].Data = []byte("changed") },
		"destination edited": func(f fstest.MapFS) { f["public/index.html"].Data = []byte("changed") },
		"other folder":       func(f fstest.MapFS) { f["themes/other/layouts/y.h"].Data = []byte("changed") },
	}
	for name, change := range unread {
		f := site()
		change(f)
		if digestOf(t, f) != base {
			t.Errorf("%s: the fingerprint changed, though no build reads it", name)
		}
	}
}

func TestCovers(t *testing.T) {
	for name, want := range map[string]bool{
		"content": true, "content/a.md": true, "layouts/x/y.html": true, "static/a.css": true,
		"config.toml": true, "hugo.json": true, "config/_default": true,
		".": false, "contents/a.md": false, "README.md": false, "themes/x": false, "data/a.json": false, "i18n/vi.toml": false,
	} {
		if Covers(name) != want {
			t.Errorf("Covers(%q) = %v", name, !want)
		}
	}
	g := NewGuard(site())
	g.Stat("content/bai-viet/a.md")
	g.ReadFile("config.toml")
	if g.Outside() != "" {
		t.Errorf("Outside = %q after covered reads", g.Outside())
	}
	g.ReadFile("README.md")
	g.Open("themes/other/layouts/y.h")
	if g.Outside() != "README.md" {
		t.Errorf("Outside = %q, want the first uncovered read", g.Outside())
	}
}

// The manifest changes when a file is rewritten with its size and times
// put back, added or removed, and not when nothing happens.
func TestOutputSeesEveryChange(t *testing.T) {
	if !Supported {
		t.Skip("no change times on this system")
	}
	dir := t.TempDir()
	for name, body := range map[string]string{"index.html": "<p>a</p>", "bai-viet/a/index.html": "<p>b</p>"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(body), 0o644)
	}
	base, files, err := Output(dir)
	if err != nil || files != 2 {
		t.Fatalf("%d files, %v", files, err)
	}
	if again, _, _ := Output(dir); again != base {
		t.Fatal("an untouched folder lists differently")
	}
	p := filepath.Join(dir, "bai-viet", "a", "index.html")
	info, _ := os.Stat(p)
	os.WriteFile(p, []byte("<p>c</p>"), 0o644)
	os.Chtimes(p, info.ModTime(), info.ModTime())
	edited, _, _ := Output(dir)
	if edited == base {
		t.Error("a rewrite with size and times put back went unseen")
	}
	os.WriteFile(filepath.Join(dir, "bai-viet", "x.txt"), nil, 0o644)
	added, files, _ := Output(dir)
	if added == edited || files != 3 {
		t.Errorf("an added file: %d files, same manifest %v", files, added == edited)
	}
	os.Remove(filepath.Join(dir, "bai-viet", "x.txt"))
	if removed, _, _ := Output(dir); removed == added {
		t.Error("a removed file went unseen")
	}
	link := filepath.Join(t.TempDir(), "public")
	os.Symlink(dir, link)
	if _, files, err := Output(link); err != nil || files != 2 {
		t.Errorf("through a link: %d files, %v", files, err)
	}
}

func TestStale(t *testing.T) {
	built := time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC)
	st := &Stamp{Inputs: Digest{1}, Options: Digest{2}, Output: Digest{3}, Built: built, Until: built.Add(time.Hour)}
	out := func(d Digest) func() (Digest, error) { return func() (Digest, error) { return d, nil } }
	cases := []struct {
		name    string
		st      *Stamp
		now     time.Time
		opts    Digest
		inputs  Digest
		output  Digest
		outputE error
		want    string
	}{
		{"fresh", st, built.Add(time.Minute), Digest{2}, Digest{1}, Digest{3}, nil, ""},
		{"no stamp", nil, built, Digest{2}, Digest{1}, Digest{3}, nil, "no record of a build into this destination"},
		{"options", st, built, Digest{9}, Digest{1}, Digest{3}, nil, "the options or the program changed"},
		{"clock back", st, built.Add(-time.Second), Digest{2}, Digest{1}, Digest{3}, nil, "the clock reads earlier than the last build"},
		{"until", st, built.Add(time.Hour), Digest{2}, Digest{1}, Digest{3}, nil, "a page's publish or expiry date came (2026-01-01T09:00:00Z)"},
		{"inputs", st, built, Digest{2}, Digest{9}, Digest{3}, nil, "the site's files changed"},
		{"output", st, built, Digest{2}, Digest{1}, Digest{9}, nil, "the destination changed since the last build"},
		{"output gone", st, built, Digest{2}, Digest{1}, Digest{}, os.ErrNotExist, "the destination cannot be read: file does not exist"},
	}
	for _, c := range cases {
		o := out(c.output)
		if c.outputE != nil {
			o = func() (Digest, error) { return Digest{}, c.outputE }
		}
		if got := c.st.Stale(c.now, c.opts, c.inputs, o); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	forever := *st
	forever.Until = time.Time{}
	if got := forever.Stale(built.AddDate(50, 0, 0), Digest{2}, Digest{1}, out(Digest{3})); got != "" {
		t.Errorf("no bound: %q", got)
	}
}

// A stamp round-trips through the cache; a damaged one, or one of
// another format, is no stamp.
func TestStampStore(t *testing.T) {
	store, err := cache.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	k := Key("/site", "/site/public")
	if Load(store, k) != nil {
		t.Fatal("a stamp in an empty cache")
	}
	want := Stamp{Inputs: Digest{1}, Options: Digest{2}, Output: Digest{3}, Files: 7, Built: time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC),
		Warnings: []diag.Diagnostic{{Pos: diag.Pos{File: "content/a.md", Line: 3, Col: 1}, Severity: diag.Warning, Msg: "unknown key"}}}
	if err := Save(store, k, want); err != nil {
		t.Fatal(err)
	}
	got := Load(store, k)
	if got == nil || got.Inputs != want.Inputs || got.Files != 7 || !got.Built.Equal(want.Built) || len(got.Warnings) != 1 || got.Warnings[0] != want.Warnings[0] {
		t.Fatalf("round trip: %+v", got)
	}
	if Load(store, Key("/site", "/elsewhere")) != nil {
		t.Error("another destination's stamp")
	}
	store.Put(namespace, k, []byte(`{"Format": 99}`))
	if Load(store, k) != nil {
		t.Error("a stamp of another format was trusted")
	}
	store.Put(namespace, k, []byte(`{"Format": 1, "Inputs": "zz"`))
	if Load(store, k) != nil {
		t.Error("a damaged stamp was trusted")
	}
}

// The manifest of a wide tree listed on every core is the one listed on
// one, every time.
func TestOutputIsTheSameOnEveryCoreCount(t *testing.T) {
	if !Supported {
		t.Skip("no change times on this system")
	}
	dir := t.TempDir()
	for i := 0; i < 300; i++ {
		p := filepath.Join(dir, "bai-viet", fmt.Sprintf("trang-%03d", i), "index.html")
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("<p>x</p>"), 0o644)
	}
	old := runtime.GOMAXPROCS(1)
	one, files, err := Output(dir)
	runtime.GOMAXPROCS(max(old, 4))
	defer runtime.GOMAXPROCS(old)
	if err != nil || files != 300 {
		t.Fatalf("%d files, %v", files, err)
	}
	for i := 0; i < 5; i++ {
		if many, _, _ := Output(dir); many != one {
			t.Fatal("the manifest depends on how the folders were shared out")
		}
	}
}
