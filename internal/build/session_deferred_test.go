package build

import (
	"bytes"
	"os"
	"strings"
	"sync"
	"testing"

	"bantin/internal/tooltest"
)

// A session whose first build defers its pages serves everything else at
// once; a page asked for meanwhile renders alone, the same bytes; once
// FinishPages has run the session equals a clean build, and an edit
// after it takes the usual paths.
func TestSessionDeferredPagesEqualCleanBuild(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{}
	for name, f := range siteFS(t, basicSite) {
		files[name] = string(f.Data)
	}
	tooltest.WriteFiles(t, root, files)
	clean := Build(os.DirFS(root), Options{Now: fixedNow})
	if err := clean.Diags.Err(); err != nil {
		t.Fatal(err)
	}
	want := map[string][]byte{}
	for _, f := range clean.Files {
		want[f.Path] = f.Data
	}

	s, ch := NewSession(os.DirFS(root), Options{Now: fixedNow, DeferPages: true})
	if ch.Failed {
		t.Fatal(ch.Diags.Err())
	}
	if _, ok := s.Files()["index.html"]; ok || !s.Deferred("index.html") {
		t.Fatal("the home page was made by the first build, not deferred")
	}
	if _, ok := s.Files()["tim-kiem/du-lieu/manifest.json"]; !ok {
		t.Fatal("the search index is not there before the pages")
	}
	page := "bai-viet/dan-van-kheo/index.html"
	if got, ok := s.RenderPage(page); !ok || !bytes.Equal(got, want[page]) {
		t.Fatalf("%s rendered alone differs from a clean build's (ok=%v)", page, ok)
	}
	var mu sync.Mutex
	handed := map[string]bool{}
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
	os.WriteFile(article, []byte(strings.Replace(string(old), "+++\n\n", "+++\n\nMột câu mới.\n\n", 1)), 0o644)
	if ch := s.Update([]string{"content/bai-viet/Dân vận khéo.md"}); ch.Failed {
		t.Fatal(ch.Diags.Err())
	}
	sameAsCleanBuild(t, "edit after FinishPages", root, s)
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
	s, ch := NewSession(siteFS(t, site), Options{Now: fixedNow, DeferPages: true})
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
