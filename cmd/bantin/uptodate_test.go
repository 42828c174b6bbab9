package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"bantin/internal/build"
	"bantin/internal/cache"
	"bantin/internal/tooltest"
)

// upToDateSite is a small site with a warning, a layout, a static file
// and a page published in an hour (at the test's clock).
func upToDateSite(t *testing.T) (src, dest, cacheDir string) {
	t.Helper()
	src, dest, cacheDir = t.TempDir(), filepath.Join(t.TempDir(), "public"), t.TempDir()
	tooltest.WriteFiles(t, src, map[string]string{
		"config.toml":                     "baseURL = \"https://x.vn/\"\ntitle = \"Bản tin\"\n",
		"content/bai-viet/a.md":           "+++\ntitle = \"Bài A\"\ndate = 2026-01-10T08:00:00\ntittle = \"x\"\n+++\nXin chào.\n",
		"content/bai-viet/b.md":           "+++\ntitle = \"Bài B\"\ndate = 2026-01-11T08:00:00\n+++\nTạm biệt.\n",
		"content/bai-viet/sap-toi.md":     "+++\ntitle = \"Sắp tới\"\ndate = 2026-02-01T09:00:00+07:00\n+++\nChưa đăng.\n",
		"layouts/shortcodes/ghi-chu.html": "<aside>{{ .Inner }}</aside>",
		"static/css/them.css":             "body { color: #222 }\n",
	})
	return src, dest, cacheDir
}

// testClock sets the CLI's clock to t until the test ends.
func testClock(t *testing.T, at time.Time) {
	old := clock
	clock = func() time.Time { return at }
	t.Cleanup(func() { clock = old })
}

var upToDateRe = regexp.MustCompile(`^up to date: nothing changed since the build of \d\d:\d\d:\d\d → (.+) \((\d+) files\)\n$`)

// manifest is every file of dir with its bytes, size, mode and times, to
// show that an up-to-date run touched nothing.
func manifest(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		data := []byte(nil)
		if info.Mode().IsRegular() {
			data, err = os.ReadFile(p)
		}
		out[p] = info.Mode().String() + " " + info.ModTime().String() + " " + string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameManifest(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for p, v := range a {
		if b[p] != v {
			return false
		}
	}
	return true
}

// A second build with nothing changed prints one line and the warnings
// of the build it stands for, and leaves the destination as it was.
func TestUpToDateLeavesDestinationAndRepeatsWarnings(t *testing.T) {
	src, dest, cacheDir := upToDateSite(t)
	testClock(t, time.Date(2026, 2, 1, 1, 0, 0, 0, time.UTC))
	args := []string{"build", "--source", src, "--destination", dest, "--cacheDir", cacheDir}
	status, built, firstWarnings := runCLI(args...)
	files := regexp.MustCompile(`: (\d+) files in`).FindStringSubmatch(built)
	if status != exitOK || files == nil || !strings.Contains(firstWarnings, `unknown key "tittle"`) {
		t.Fatalf("status %d, stdout %q, stderr %q", status, built, firstWarnings)
	}
	before := manifest(t, dest)
	leftover := filepath.Join(filepath.Dir(dest), ".public-new-999999999-17") // a killed build's
	mkdir(t, leftover, "bai-viet")
	status, out, warnings := runCLI(args...)
	m := upToDateRe.FindStringSubmatch(out)
	if status != exitOK || m == nil || m[1] != dest || m[2] != files[1] {
		t.Fatalf("status %d, stdout %q after %q", status, out, built)
	}
	if warnings != firstWarnings {
		t.Errorf("the up-to-date run printed\n%s\nnot the build's warnings\n%s", warnings, firstWarnings)
	}
	if !sameManifest(before, manifest(t, dest)) {
		t.Error("the up-to-date run changed the destination")
	}
	if _, err := os.Stat(leftover); !os.IsNotExist(err) {
		t.Error("the up-to-date run left a killed build's temporary folder")
	}
	if _, _, quiet := runCLI(append(args, "--quiet")...); quiet != "" {
		t.Errorf("--quiet printed %q", quiet)
	}
}

// Every kind of change makes the next build run in full, and the build
// after it is up to date again.
func TestEveryChangeRebuilds(t *testing.T) {
	src, dest, cacheDir := upToDateSite(t)
	now := time.Date(2026, 2, 1, 1, 0, 0, 0, time.UTC) // 08:00 in the site's zone: sap-toi.md is an hour ahead
	testClock(t, now)
	args := []string{"build", "--source", src, "--destination", dest, "--cacheDir", cacheDir, "--verbose"}
	build := func(extra ...string) (int, string) {
		t.Helper()
		status, out, errOut := runCLI(append(append([]string(nil), args...), extra...)...)
		if status != exitOK {
			t.Fatalf("status %d: %s", status, errOut)
		}
		return status, out
	}
	build()
	a := filepath.Join(src, "content", "bai-viet", "a.md")
	cases := []struct {
		name   string
		change func(t *testing.T)
		flags  []string
		why    string
	}{
		{"content edited, size and times kept", func(t *testing.T) { sameSizeEdit(t, a) }, nil, "the site's files changed"},
		{"content added", func(t *testing.T) { write(t, src, "content/bai-viet/c.md", "+++\ntitle = \"C\"\n+++\n") }, nil, "the site's files changed"},
		{"content removed", func(t *testing.T) { remove(t, src, "content/bai-viet/c.md") }, nil, "the site's files changed"},
		{"empty folder added to static", func(t *testing.T) { mkdir(t, src, "static/trong") }, nil, "the site's files changed"},
		{"static added", func(t *testing.T) { write(t, src, "static/robots-extra.txt", "x") }, nil, "the site's files changed"},
		{"static removed", func(t *testing.T) { remove(t, src, "static/css/them.css") }, nil, "the site's files changed"},
		{"layout added", func(t *testing.T) { write(t, src, "layouts/shortcodes/khung.html", "<div>{{ .Inner }}</div>") }, nil, "the site's files changed"},
		{"layout removed", func(t *testing.T) { remove(t, src, "layouts/shortcodes/ghi-chu.html") }, nil, "the site's files changed"},
		{"config edited", func(t *testing.T) {
			write(t, src, "config.toml", "baseURL = \"https://y.vn/\"\ntitle = \"Bản tin\"\n")
		}, nil, "the site's files changed"},
		{"config moved to hugo.toml", func(t *testing.T) { rename(t, src, "config.toml", "hugo.toml") }, nil, "the site's files changed"},
		{"--baseURL", nil, []string{"--baseURL", "https://z.vn/"}, "the options or the program changed"},
		{"--drafts", nil, []string{"--drafts"}, "the options or the program changed"},
		{"--minify", nil, []string{"--minify"}, "the options or the program changed"},
		{"destination file edited, size and times kept", func(t *testing.T) { sameSizeEdit(t, filepath.Join(dest, "index.html")) }, nil, "the destination changed since the last build"},
		{"destination file removed", func(t *testing.T) { remove(t, dest, "index.xml") }, nil, "the destination changed since the last build"},
		{"destination file added", func(t *testing.T) { write(t, dest, "extra.html", "x") }, nil, "the destination changed since the last build"},
		{"program changed", func(t *testing.T) { otherProgram(t) }, nil, "the options or the program changed"},
		{"a future page's date came", func(t *testing.T) { testClock(t, now.Add(time.Hour)) }, nil, "a page's publish or expiry date came (2026-02-01T09:00:00+07:00)"},
		{"the clock went back", func(t *testing.T) { testClock(t, now.Add(-time.Minute)) }, nil, "the clock reads earlier than the last build"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			build() // the state the last case left, built
			if _, out := build(); !upToDateRe.MatchString(out) {
				t.Fatalf("before the change, not up to date: %q", out)
			}
			if c.change != nil {
				c.change(t)
			}
			_, out := build(c.flags...)
			if !strings.HasPrefix(out, "building: "+c.why+"\nbuilt ") {
				t.Errorf("after the change: %q, want the reason %q and a build", out, c.why)
			}
			if _, again := build(c.flags...); !upToDateRe.MatchString(again) {
				t.Errorf("the build after it is not up to date: %q", again)
			}
		})
	}
}

// A failed build records nothing: the next build runs (and fails) again.
func TestFailedBuildRecordsNothing(t *testing.T) {
	src, dest, cacheDir := upToDateSite(t)
	args := []string{"build", "--source", src, "--destination", dest, "--cacheDir", cacheDir}
	if status, _, errOut := runCLI(args...); status != exitOK {
		t.Fatal(errOut)
	}
	stamps := stampFiles(t, cacheDir)
	write(t, src, "content/bai-viet/hong.md", "+++\ntitle = \"Hỏng\"\n+++\n[x](khong-co.md)\n")
	for i := 0; i < 2; i++ {
		if status, out, errOut := runCLI(args...); status != exitContent || !strings.Contains(errOut, "broken link") {
			t.Fatalf("run %d: status %d, stdout %q, stderr %q", i, status, out, errOut)
		}
	}
	if after := stampFiles(t, cacheDir); !sameManifest(stamps, after) {
		t.Error("a failed build changed the stamp")
	}
	remove(t, src, "content/bai-viet/hong.md")
	if _, out, _ := runCLI(args...); !upToDateRe.MatchString(out) {
		t.Errorf("back to the built files, not up to date: %q", out)
	}
}

// A damaged stamp is not trusted: the build runs.
func TestDamagedStampRebuilds(t *testing.T) {
	src, dest, cacheDir := upToDateSite(t)
	args := []string{"build", "--source", src, "--destination", dest, "--cacheDir", cacheDir, "--verbose"}
	runCLI(args...)
	stamps := stampEntries(cacheDir)
	if len(stamps) != 1 {
		t.Fatalf("%d stamps", len(stamps))
	}
	for _, e := range stamps {
		raw, _ := os.ReadFile(e.Pack)
		raw[e.Offset+e.Length-3] ^= 0xff // in the stamp's payload
		if err := os.WriteFile(e.Pack, raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, out, _ := runCLI(args...); !strings.HasPrefix(out, "building: no record of a build into this destination\nbuilt ") {
		t.Errorf("with a damaged stamp: %q", out)
	}
}

// --force builds anyway (and records); --noCache never skips nor records;
// the build of PDFs is never checked.
func TestForceNoCacheAndPDFBuild(t *testing.T) {
	src, dest, cacheDir := upToDateSite(t)
	args := []string{"build", "--source", src, "--destination", dest, "--cacheDir", cacheDir}
	runCLI(args...)
	if _, out, _ := runCLI(append(args, "--force")...); !strings.HasPrefix(out, "built ") {
		t.Errorf("--force: %q", out)
	}
	if _, out, _ := runCLI(args...); !upToDateRe.MatchString(out) {
		t.Errorf("after --force: %q", out)
	}
	if _, out, _ := runCLI(append(args, "--cpuprofile", filepath.Join(t.TempDir(), "cpu.pprof"))...); !strings.HasPrefix(out, "built ") {
		t.Errorf("--cpuprofile: %q", out)
	}
	for _, flag := range []string{"--noCache", "--ignoreCache"} {
		noCache := []string{"build", "--source", src, "--destination", dest + flag, flag}
		for i := 0; i < 2; i++ {
			if _, out, _ := runCLI(noCache...); !strings.HasPrefix(out, "built ") || strings.Contains(out, "cache:") {
				t.Errorf("%s run %d: %q", flag, i, out)
			}
		}
	}
	unknown := cache.Program
	cache.Program = func() []byte { return nil }
	for i := 0; i < 2; i++ {
		if _, out, _ := runCLI(args...); !strings.HasPrefix(out, "built ") {
			t.Errorf("a program that cannot hash itself, run %d: %q", i, out)
		}
	}
	cache.Program = unknown
	f := buildFlags{source: src, pdf: true}
	if u, err := newUpToDate(&f, nil, dest, optionsWithCache(t, cacheDir)); u != nil || err != nil {
		t.Errorf("a PDF build is checked: %v %v", u, err)
	}
}

func optionsWithCache(t *testing.T, dir string) (o build.Options) {
	t.Helper()
	c, err := cache.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	o.Cache = c
	return o
}

// stampEntries are the stamp entries the cache folder's indexes name.
func stampEntries(cacheDir string) []cache.Entry {
	var out []cache.Entry
	for _, e := range cache.Entries(cacheDir) {
		if e.Namespace == "uptodate" {
			out = append(out, e)
		}
	}
	return out
}

// stampFiles are the stamp entries of a cache folder, by place, with
// their records' bytes.
func stampFiles(t *testing.T, cacheDir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, e := range stampEntries(cacheDir) {
		data, err := os.ReadFile(e.Pack)
		if err != nil {
			t.Fatal(err)
		}
		out[fmt.Sprintf("%s@%d", e.Pack, e.Offset)] = string(data[e.Offset : e.Offset+e.Length])
	}
	return out
}

// sameSizeEdit changes one byte of p and puts its modification time back.
func sameSizeEdit(t *testing.T, p string) {
	t.Helper()
	info, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(p)
	i := bytes.LastIndexByte(data, '.')
	if i < 0 {
		i = len(data) - 2
	}
	data[i] = '!'
	if err := os.WriteFile(p, data, info.Mode()); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(p, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
}

// otherProgram makes the running bantin hash as another build of it.
func otherProgram(t *testing.T) {
	old := cache.Program
	cache.Program = func() []byte { return append([]byte("another bantin "), old()...) }
	t.Cleanup(func() { cache.Program = old })
}

func write(t *testing.T, root, name, body string) {
	t.Helper()
	tooltest.WriteFiles(t, root, map[string]string{name: body})
}

func remove(t *testing.T, root, name string) {
	t.Helper()
	if err := os.Remove(filepath.Join(root, filepath.FromSlash(name))); err != nil {
		t.Fatal(err)
	}
}

func mkdir(t *testing.T, root, name string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(root, filepath.FromSlash(name)), 0o755); err != nil {
		t.Fatal(err)
	}
}

func rename(t *testing.T, root, from, to string) {
	t.Helper()
	if err := os.Rename(filepath.Join(root, from), filepath.Join(root, to)); err != nil {
		t.Fatal(err)
	}
}

// A file the build reads through a symbolic link to a folder of the site
// outside content/ is fingerprinted as the build reads it: editing it
// rebuilds.
func TestEditThroughSymlinkRebuilds(t *testing.T) {
	src, dest, cacheDir := upToDateSite(t)
	write(t, src, "chung/dung-chung.md", "+++\ntitle = \"Dùng chung\"\n+++\nMột đoạn.\n")
	if err := os.Symlink("../chung", filepath.Join(src, "content", "chung")); err != nil {
		t.Fatal(err)
	}
	args := []string{"build", "--source", src, "--destination", dest, "--cacheDir", cacheDir, "--verbose"}
	if status, out, errOut := runCLI(args...); status != exitOK || !strings.Contains(out, "built ") {
		t.Fatalf("status %d, %q, %s", status, out, errOut)
	}
	if _, out, _ := runCLI(args...); !upToDateRe.MatchString(out) {
		t.Fatalf("not up to date: %q", out)
	}
	sameSizeEdit(t, filepath.Join(src, "chung", "dung-chung.md"))
	if _, out, _ := runCLI(args...); !strings.HasPrefix(out, "building: the site's files changed\nbuilt ") {
		t.Errorf("after editing the linked file: %q", out)
	}
	page, err := os.ReadFile(filepath.Join(dest, "chung", "dung-chung", "index.html"))
	if err != nil || !bytes.Contains(page, []byte("Một đoạn!")) {
		t.Errorf("the linked page was not rebuilt: %v", err)
	}
}
