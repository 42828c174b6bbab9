package build

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"bantin/internal/tooltest"
)

// A session whose first build defers serves everything else at once; a
// page asked for meanwhile renders alone, the same bytes; FinishOutputs
// makes the QR codes, redirects, feeds, sitemap and search index, each
// the clean build's bytes; once FinishPages has run the session equals a
// clean build, and an edit after it takes the usual paths.
func TestSessionDeferredEqualsCleanBuild(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{}
	for name, f := range siteFS(t, basicSite) {
		files[name] = string(f.Data)
	}
	tooltest.WriteFiles(t, root, files)
	want := cleanFiles(t, root)

	s, ch := NewSession(os.DirFS(root), Options{Now: fixedNow, Defer: true})
	if ch.Failed {
		t.Fatal(ch.Diags.Err())
	}
	if _, ok := s.Files()["index.html"]; ok || !s.Deferred("index.html") {
		t.Fatal("the home page was made by the first build, not deferred")
	}
	if _, ok := s.Files()["css/bantin.css"]; !ok {
		t.Fatal("the theme's stylesheet is not there at once")
	}
	deferred := []string{"tim-kiem/du-lieu/manifest.json", "sitemap.xml", "index.xml", "bai-viet/dan-van-kheo/qr.svg"}
	for _, p := range deferred {
		if _, ok := want[p]; !ok {
			t.Fatalf("the clean build has no %s", p)
		}
		if _, ok := s.Files()[p]; ok {
			t.Errorf("%s was made by the first build, not deferred", p)
		}
	}
	page := "bai-viet/dan-van-kheo/index.html"
	if got, ok := s.RenderPage(page); !ok || !bytes.Equal(got, want[page]) {
		t.Fatalf("%s rendered alone differs from a clean build's (ok=%v)", page, ok)
	}
	var mu sync.Mutex
	handed := map[string]bool{}
	var stages []string
	out := s.FinishOutputs(func(path string, _ []byte) {
		mu.Lock()
		handed[path] = true
		mu.Unlock()
	}, func(stage string) {
		// what each stage makes is handed by the time it has passed, and
		// what a later stage makes is not
		has := map[string]bool{"qr": handed["bai-viet/dan-van-kheo/qr.svg"], "feeds": handed["sitemap.xml"], "search": handed["tim-kiem/du-lieu/manifest.json"]}
		stages = append(stages, stage)
		for i, st := range OutputStages {
			if has[st] != (i < len(stages)) {
				t.Errorf("at stage %s passed: %s's file handed = %v", stage, st, has[st])
			}
		}
	})
	if out.Failed {
		t.Fatal(out.Diags.Err())
	}
	if !slices.Equal(stages, OutputStages) {
		t.Errorf("stages passed: %v, want %v", stages, OutputStages)
	}
	for _, p := range deferred {
		if !handed[p] || !bytes.Equal(s.Files()[p], want[p]) {
			t.Errorf("%s after FinishOutputs: handed %v, differs from the clean build's", p, handed[p])
		}
	}
	if !s.Deferred(page) {
		t.Error("FinishOutputs made the pages")
	}
	handed = map[string]bool{}
	fin := s.FinishPages(func(path string, _ []byte) {
		mu.Lock()
		handed[path] = true
		mu.Unlock()
	})
	if fin.Failed || len(fin.Changed) != len(handed) || !handed[page] {
		t.Fatalf("FinishPages: failed=%v, %d changed, %d handed", fin.Failed, len(fin.Changed), len(handed))
	}
	if s.Deferred("index.html") {
		t.Error("a page is still deferred after FinishPages")
	}
	sameAsCleanBuild(t, "after FinishPages", root, s)

	article := root + "/content/bai-viet/Dân vận khéo.md"
	old, _ := os.ReadFile(article)
	os.WriteFile(article, []byte(strings.Replace(string(old), "+++\nXem", "+++\nMột câu mới.\n\nXem", 1)), 0o644)
	if ch := s.Update([]string{"content/bai-viet/Dân vận khéo.md"}); ch.Failed || len(ch.Changed) == 0 || ch.Full {
		t.Fatalf("edit after FinishPages: failed=%v, full=%v, %d changed", ch.Failed, ch.Full, len(ch.Changed))
	}
	sameAsCleanBuild(t, "edit after FinishPages", root, s)
}

func cleanFiles(t *testing.T, root string) map[string][]byte {
	t.Helper()
	clean := Build(os.DirFS(root), Options{Now: fixedNow})
	if err := clean.Diags.Err(); err != nil {
		t.Fatal(err)
	}
	want := map[string][]byte{}
	for _, f := range clean.Files {
		want[f.Path] = f.Data
	}
	return want
}

// FinishPages alone makes everything FinishOutputs would have, and the
// files of a qrFile code that only a page's template asks for (made when
// the pages are).
func TestSessionDeferredPagesFirstAndPageOnlyQRFile(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{}
	for name, f := range siteFS(t, basicSite) {
		files[name] = string(f.Data)
	}
	files["layouts/_default/single.html"] = `{{ define "main" }}<h1>{{ .Title }}</h1><img src="{{ qrFile "https://zalo.me/chi-trang-bai" }}">{{ .Content }}{{ end }}`
	tooltest.WriteFiles(t, root, files)
	want := cleanFiles(t, root)
	s, ch := NewSession(os.DirFS(root), Options{Now: fixedNow, Defer: true})
	if ch.Failed {
		t.Fatal(ch.Diags.Err())
	}
	if fin := s.FinishPages(func(string, []byte) {}); fin.Failed {
		t.Fatal(fin.Diags.Err())
	}
	n := 0
	for p := range want {
		if strings.HasPrefix(p, "qr/") {
			n++
		}
	}
	if n < 2 {
		t.Fatalf("the clean build made %d qrFile files; the fixture asks for one code (SVG and PNG)", n)
	}
	sameAsCleanBuild(t, "FinishPages alone", root, s)
}

// A problem found by a deferred pass — here a static file on the
// sitemap's path — fails it with the error a build reports, and the next
// update rebuilds everything.
func TestSessionDeferredOutputErrorIsReported(t *testing.T) {
	files := map[string]string{}
	for name, f := range siteFS(t, basicSite) {
		files[name] = string(f.Data)
	}
	files["static/sitemap.xml"] = "<urlset/>\n"
	root := t.TempDir()
	tooltest.WriteFiles(t, root, files)
	clean := Build(os.DirFS(root), Options{Now: fixedNow})
	if clean.Diags.Err() == nil {
		t.Fatal("the clean build does not fail")
	}
	s, ch := NewSession(os.DirFS(root), Options{Now: fixedNow, Defer: true})
	if ch.Failed {
		t.Fatalf("the first build, deferred, failed: %v", ch.Diags.Err())
	}
	const want = "sitemap: error: sitemap.xml would be written twice: by static/sitemap.xml and by sitemap"
	if !strings.Contains(clean.Diags.Err().Error(), want) {
		t.Fatalf("the clean build reports %v; want %s", clean.Diags.Err(), want)
	}
	out := s.FinishOutputs(func(string, []byte) {}, nil)
	if !out.Failed || out.Diags.Err() == nil || out.Diags.Err().Error() != want {
		t.Fatalf("FinishOutputs: failed=%v, %v; want %s", out.Failed, out.Diags.Err(), want)
	}
	if fin := s.FinishPages(func(string, []byte) {}); fin.Failed || len(fin.Changed) > 0 {
		t.Errorf("FinishPages after a failed FinishOutputs made %d files", len(fin.Changed))
	}
	if !s.broken {
		t.Error("the session does not rebuild everything after the failed pass")
	}
}

// A template that fails on deferred pages fails FinishPages with the
// error a build reports, and the next update rebuilds everything.
func TestSessionDeferredTemplateErrorIsReported(t *testing.T) {
	const site = `
-- layouts/_default/single.html --
{{ define "main" }}
<h1>{{ .Title }}</h1>
<p>{{ .NoSuchField }}</p>
{{ end }}
-- content/a.md --
+++
title = "A"
id = "aa"
+++
-- content/b.md --
+++
title = "B"
id = "bb"
+++
`
	s, ch := NewSession(siteFS(t, site), Options{Now: fixedNow, Defer: true})
	if ch.Failed {
		t.Fatalf("the first build, pages deferred, failed: %v", ch.Diags.Err())
	}
	if _, ok := s.RenderPage("a/index.html"); ok {
		t.Error("a page whose template fails was rendered")
	}
	fin := s.FinishPages(func(string, []byte) {})
	want := `layouts/_default/single.html:3:7: error: executing "main" at <.NoSuchField>: can't evaluate field NoSuchField in type *site.Page (rendering content/a.md and 1 other pages)`
	if !fin.Failed || fin.Diags.Err() == nil || !strings.Contains(fin.Diags.Err().Error(), want) {
		t.Fatalf("FinishPages: failed=%v, %v; want %s", fin.Failed, fin.Diags.Err(), want)
	}
	if !s.broken {
		t.Error("the session does not rebuild everything after the failed pass")
	}
}
