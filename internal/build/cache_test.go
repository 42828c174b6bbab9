package build

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"bantin/internal/cache"
	"bantin/internal/config"
	"bantin/internal/diag"
	"bantin/internal/imaging"
	"bantin/internal/imaging/imagingtest"
	"bantin/internal/markdown"
)

const cacheSite = `
-- config.toml --
title = "Bản tin"
baseURL = "https://danvan.example.vn/"
-- content/bai-viet/a.md --
+++
title = "Bài A"
date = 2022-01-21
id = "a1"
+++
Xem [bài B](b.md) và [tệp thiếu](thieu.pdf).

## Đường đi
-- content/bai-viet/b.md --
+++
title = "Bài B"
date = 2022-01-20
id = "b1"
+++
Dân vận **khéo**.
`

func openStore(t *testing.T) *cache.Store {
	t.Helper()
	c, err := cache.Open(filepath.Join(t.TempDir(), "cache"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// damageEntries changes in place, with f, the record of each entry of
// namespace ns ("": all) the cache in dir published, and returns how many
// it changed.
func damageEntries(t *testing.T, dir, ns string, f func(i int, record []byte)) int {
	t.Helper()
	n := 0
	for _, e := range cache.Entries(dir) {
		if ns != "" && e.Namespace != ns {
			continue
		}
		data, err := os.ReadFile(e.Pack)
		if err != nil {
			t.Fatal(err)
		}
		f(n, data[e.Offset:e.Offset+e.Length])
		if err := os.WriteFile(e.Pack, data, 0o644); err != nil {
			t.Fatal(err)
		}
		n++
	}
	return n
}

// buildWith builds fsys with the cache c and returns its files, its
// diagnostics and what the cache answered for Markdown.
func buildWith(t *testing.T, fsys fs.FS, opts Options, c *cache.Store) (map[string]string, string, cache.Stats) {
	t.Helper()
	opts.Cache = c
	if opts.Now.IsZero() {
		opts.Now = fixedNow
	}
	res := Build(fsys, opts)
	if res.Diags.HasErrors() {
		t.Fatal(res.Diags.Err())
	}
	files := map[string]string{}
	for _, f := range res.Files {
		files[f.Path] = string(f.Data)
	}
	var msgs []string
	for _, d := range res.Diags.Items() {
		msgs = append(msgs, d.String())
	}
	return files, strings.Join(msgs, "\n"), res.Stats.CacheBy["markdown"]
}

func sameFiles(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d files, want %d", what, len(got), len(want))
	}
	for p, w := range want {
		if got[p] != w {
			t.Errorf("%s: %s differs from a build without the cache", what, p)
		}
	}
}

// The second build with the same cache renders no Markdown: every
// document is a hit, and the site and its warnings are those of a build
// without the cache.
func TestCacheHitRendersNothing(t *testing.T) {
	fsys := siteFS(t, cacheSite)
	clean, cleanMsgs, none := buildWith(t, fsys, Options{}, nil)
	if none != (cache.Stats{}) {
		t.Errorf("no cache answered %+v", none)
	}
	c := openStore(t)
	first, msgs1, st1 := buildWith(t, fsys, Options{}, c)
	if st1.Hits != 0 || st1.Misses == 0 {
		t.Errorf("cold cache: %+v", st1)
	}
	second, msgs2, st2 := buildWith(t, fsys, Options{}, c)
	if st2.Misses != 0 || st2.Hits != st1.Misses {
		t.Errorf("warm cache: %+v, want %d hits and no misses", st2, st1.Misses)
	}
	sameFiles(t, "cold", first, clean)
	sameFiles(t, "warm", second, clean)
	if !strings.Contains(cleanMsgs, `link "thieu.pdf"`) || msgs1 != cleanMsgs || msgs2 != cleanMsgs {
		t.Errorf("warnings differ:\nno cache:\n%s\ncold:\n%s\nwarm:\n%s", cleanMsgs, msgs1, msgs2)
	}
}

// A hit takes the stored result as it is: proof that nothing was
// rendered, and the reason an entry is checked before it is trusted.
func TestCacheHitUsesTheStoredResult(t *testing.T) {
	fsys := siteFS(t, cacheSite)
	c := openStore(t)
	buildWith(t, fsys, Options{}, c)
	b := fsys["content/bai-viet/b.md"].Data
	body := b[bytes.Index(b, []byte("+++\nDân"))+4:]
	key := markdownKey(newRenderer(mustConfig(t, fsys), nil, nil).opts, markdown.Input{File: "content/bai-viet/b.md", Src: body, FirstLine: 6})
	stored := encodeCachedMarkdown(cachedMarkdown{Result: &markdown.Result{HTML: []byte("<p>từ bộ nhớ đệm</p>")}})
	if err := c.Put("markdown", key, stored); err != nil {
		t.Fatal(err)
	}
	files, _, _ := buildWith(t, fsys, Options{}, c)
	contains(t, files, "bai-viet/b/index.html", "từ bộ nhớ đệm")
}

// An edited document misses; the others still hit.
func TestCacheMissOnEdit(t *testing.T) {
	fsys := siteFS(t, cacheSite)
	c := openStore(t)
	buildWith(t, fsys, Options{}, c)
	fsys["content/bai-viet/b.md"] = &fstest.MapFile{Data: bytes.Replace(fsys["content/bai-viet/b.md"].Data, []byte("khéo"), []byte("giỏi"), 1)}
	files, _, st := buildWith(t, fsys, Options{}, c)
	if st.Misses != 1 || st.Hits != 1 {
		t.Errorf("one edited document of two: %+v", st)
	}
	contains(t, files, "bai-viet/b/index.html", "<strong>giỏi</strong>")
}

// Damaged, truncated or foreign entries are rebuilt, never trusted.
func TestCacheDamagedEntriesAreRebuilt(t *testing.T) {
	fsys := siteFS(t, cacheSite)
	clean, _, _ := buildWith(t, fsys, Options{}, nil)
	c := openStore(t)
	_, _, st1 := buildWith(t, fsys, Options{}, c)
	damagedMarkdown := damageEntries(t, c.Dir(), "markdown", func(int, []byte) {})
	damaged := damageEntries(t, c.Dir(), "", func(i int, r []byte) { // every entry, QR codes too
		switch i % 3 {
		case 0:
			r[len(r)-1] ^= 0xff // a flipped bit in the payload
		case 1:
			clear(r[len(r)/2:]) // half-written
		case 2:
			copy(r, "not bantin's") // foreign
		}
	})
	if damaged == 0 {
		t.Fatal("the cache holds no entries")
	}
	files, _, st := buildWith(t, fsys, Options{}, c)
	if st.Rejected != int64(damagedMarkdown) || st.Hits != 0 || st.Misses != st1.Misses {
		t.Errorf("%d damaged Markdown entries: %+v", damagedMarkdown, st)
	}
	sameFiles(t, "damaged cache", files, clean)
	if _, _, st := buildWith(t, fsys, Options{}, c); st.Misses != 0 {
		t.Errorf("after the rebuild: %+v", st)
	}
}

// What shapes a result changes its key: a Markdown option misses every
// document; a baseURL with another path changes the URL a link resolves
// to, so the document that links misses and the one that does not hits.
func TestCacheOptionChange(t *testing.T) {
	fsys := siteFS(t, cacheSite)
	c := openStore(t)
	_, _, st1 := buildWith(t, fsys, Options{}, c)
	moved := Options{BaseURL: "https://danvan.example.vn/danvan/"}
	files, _, st := buildWith(t, fsys, moved, c)
	if st.Hits != st1.Misses-1 || st.Misses != 1 {
		t.Errorf("new base path: %+v, want the linking document alone to miss", st)
	}
	clean, _, _ := buildWith(t, fsys, moved, nil)
	sameFiles(t, "new base path", files, clean)
	contains(t, files, "bai-viet/a/index.html", `href="/danvan/bai-viet/b/"`)

	withTypographer := string(fsys["config.toml"].Data) + "[markup]\ntypographer = false\n"
	fsys["config.toml"] = &fstest.MapFile{Data: []byte(withTypographer)}
	_, _, st = buildWith(t, fsys, Options{}, c)
	if st.Hits != 0 || st.Misses != st1.Misses {
		t.Errorf("another Markdown option: %+v, want every document to miss", st)
	}
}

// The sample site built with a cold cache, a warm one and none is the
// same, byte for byte; the warm build takes every Markdown document
// and every search analysis from the cache.
func TestCacheSampleSiteByteIdentical(t *testing.T) {
	fsys := os.DirFS(filepath.Join("..", ".."))
	clean, _, _ := buildWith(t, fsys, Options{}, nil)
	c := openStore(t)
	cold, _, _ := buildWith(t, fsys, Options{}, c)
	warm, _, st := buildWith(t, fsys, Options{}, c)
	if st.Misses != 0 || st.Hits == 0 {
		t.Errorf("warm cache: %+v", st)
	}
	if _, st := searchStats(t, fsys, c); st.Misses != 0 || st.Hits == 0 {
		t.Errorf("warm cache, search analyses: %+v", st)
	}
	sameFiles(t, "cold", cold, clean)
	sameFiles(t, "warm", warm, clean)
}

func mustConfig(t *testing.T, fsys fs.FS) *config.Config {
	t.Helper()
	dl := &diag.List{}
	cfg := config.Load(fsys, "", dl)
	if dl.HasErrors() {
		t.Fatal(dl.Err())
	}
	return cfg
}

// QR codes come from the cache on the second build, the same codes.
func TestCacheQRCodes(t *testing.T) {
	fsys := siteFS(t, cacheSite)
	c := openStore(t)
	opts := Options{Now: fixedNow, Cache: c}
	first := Build(fsys, opts)
	second := Build(fsys, opts)
	q1, q2 := first.Stats.CacheBy["qr"], second.Stats.CacheBy["qr"]
	if q1.Misses == 0 || q1.Hits != 0 || q2.Misses != 0 || q2.Hits != q1.Misses {
		t.Errorf("cold %+v, warm %+v", q1, q2)
	}
	clean := Build(fsys, Options{Now: fixedNow})
	if len(second.Files) != len(clean.Files) {
		t.Fatalf("%d files, want %d", len(second.Files), len(clean.Files))
	}
	for i, f := range clean.Files {
		if second.Files[i].Path != f.Path || !bytes.Equal(second.Files[i].Data, f.Data) {
			t.Errorf("%s differs with QR codes from the cache", f.Path)
		}
	}
}

// A cache that cannot be written is a warning, once, not a failure: the
// build is whole and the same as one without the cache.
func TestCacheWriteFailureWarns(t *testing.T) {
	fsys := siteFS(t, cacheSite)
	c := openStore(t)
	// a file where the packs' folder goes
	if err := os.WriteFile(filepath.Join(c.Dir(), "packs"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	res := Build(fsys, Options{Now: fixedNow, Cache: c})
	if res.Diags.HasErrors() {
		t.Fatal(res.Diags.Err())
	}
	var warnings []string
	for _, d := range res.Diags.Items() {
		if strings.Contains(d.Msg, "build cache entries") {
			warnings = append(warnings, d.String())
		}
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], c.Dir()) || !strings.Contains(warnings[0], "not a directory") {
		t.Errorf("warnings %q", warnings)
	}
	clean, _, _ := buildWith(t, fsys, Options{}, nil)
	files := map[string]string{}
	for _, f := range res.Files {
		files[f.Path] = string(f.Data)
	}
	sameFiles(t, "unwritable cache", files, clean)
}

// A document that calls a shortcode is rendered every time, without asking
// the cache: the call's output depends on templates, the page and the
// site, which its key cannot hold.
func TestCacheSkipsShortcodeDocuments(t *testing.T) {
	fsys := siteFS(t, cacheSite)
	fsys["layouts/shortcodes/loi.html"] = &fstest.MapFile{Data: []byte(`<em>{{ .Get 0 }}</em>`)}
	fsys["content/bai-viet/c.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Bài C\"\ndate = 2022-01-19\nid = \"c1\"\n+++\nLời: {{< loi \"một\" >}}\n")}
	c := openStore(t)
	_, _, st1 := buildWith(t, fsys, Options{}, c)
	fsys["layouts/shortcodes/loi.html"] = &fstest.MapFile{Data: []byte(`<strong>{{ .Get 0 }}</strong>`)}
	files, _, st2 := buildWith(t, fsys, Options{}, c)
	if st1.Hits+st1.Misses != 2 || st2.Hits != 2 || st2.Misses != 0 {
		t.Errorf("cold %+v, warm %+v: want the two documents without shortcodes alone in the cache", st1, st2)
	}
	contains(t, files, "bai-viet/c/index.html", "<strong>một</strong>")
}

// A page that shows images is cached with their plans: the warm build still
// makes every copy, and an image replaced by one of another size makes
// its page render again.
func TestCacheReplaysImages(t *testing.T) {
	fsys := photoFS(t)
	c := openStore(t)
	opts := Options{Now: fixedNow, Cache: c, imageMemo: &imaging.Memo{}}
	clean := Build(fsys, Options{Now: fixedNow, imageMemo: &imaging.Memo{}})
	Build(fsys, opts)
	opts.imageMemo = &imaging.Memo{}
	warm := Build(fsys, opts)
	if md := warm.Stats.CacheBy["markdown"]; md.Misses != 0 || md.Hits == 0 {
		t.Errorf("warm build: markdown %+v", md)
	}
	if len(warm.Files) != len(clean.Files) {
		t.Fatalf("warm build: %d files, clean %d", len(warm.Files), len(clean.Files))
	}
	for i, f := range clean.Files {
		if warm.Files[i].Path != f.Path || !bytes.Equal(warm.Files[i].Data, f.Data) {
			t.Errorf("%s differs on the warm build", f.Path)
		}
	}
	fsys["content/bai-viet/hop-to/hop.jpg"] = &fstest.MapFile{Data: imagingtest.JPEG(imagingtest.Scene(700, 500, 1), 90)}
	opts.imageMemo = &imaging.Memo{}
	moved := Build(fsys, opts)
	if md := moved.Stats.CacheBy["markdown"]; md.Misses != 1 {
		t.Errorf("an image replaced: markdown %+v, want its page alone rendered again", md)
	}
	for _, f := range moved.Files {
		if f.Path == "bai-viet/hop-to/index.html" && !strings.Contains(string(f.Data), `width="700" height="500"`) {
			t.Error("the page still shows the old image's size")
		}
	}
}
