package build

import (
	"strings"
	"testing"
)

const minimalConfig = `
-- config.toml --
baseURL = "https://x.vn/"
`

// Each broken input gives exactly the diagnostics listed, and no files.
func TestBuildErrors(t *testing.T) {
	cases := []struct {
		name, site string
		opts       Options
		want       string
	}{
		{"broken front matter", `
-- content/bai-viet/a.md --
+++
title = "A"
date = 2022-01-21T16:58:00
tags = ["a", "b"
+++
`, Options{}, `content/bai-viet/a.md:4:`},
		{"unclosed front matter", `
-- content/a.md --
+++
title = "A"
`, Options{}, "content/a.md:1:1: error: front matter is opened here but never closed"},
		{"broken internal link", `
-- content/a.md --
+++
title = "A"
+++
Đoạn một.

Xem [bài B](khong-co.md#x) nhé.
`, Options{}, `content/a.md:6:6: error: broken link "khong-co.md#x": content/khong-co.md does not exist`},
		{"link to a draft", `
-- content/a.md --
+++
title = "A"
+++
[b](b.md)
-- content/b.md --
+++
title = "B"
draft = true
+++
`, Options{}, `content/a.md:4:2: error: broken link "b.md": content/b.md is left out of this build (draft); publish it or build with --drafts`},
		{"template error", `
-- layouts/_default/single.html --
{{ define "main" }}
<h1>{{ .Title }}</h1>
<p>{{ .NoSuchField }}</p>
{{ end }}
-- content/a.md --
+++
title = "A"
+++
-- content/b.md --
+++
title = "B"
+++
`, Options{}, `layouts/_default/single.html:3:7: error: executing "main" at <.NoSuchField>: can't evaluate field NoSuchField in type *site.Page (rendering content/a.md and 1 other pages)`},
		{"template syntax error", `
-- layouts/_default/list.html --
{{ define "main" }}{{ range .Pages }}{{ end }
-- content/a.md --
+++
title = "A"
+++
`, Options{}, `layouts/_default/list.html:1:45: error: unexpected "}" in end`},
		{"slug collision", `
-- content/bai-viet/Dân vận khéo.md --
+++
title = "A"
+++
-- content/bai-viet/dan-van-kheo.md --
+++
title = "B"
+++
`, Options{}, "content/bai-viet/dan-van-kheo.md:1:1: error: /bai-viet/dan-van-kheo/ would be written twice: by content/bai-viet/Dân vận khéo.md and by content/bai-viet/dan-van-kheo.md"},
		{"slug collides with url", `
-- content/a.md --
+++
title = "A"
slug = "b"
+++
-- content/c.md --
+++
title = "C"
url = "/b/"
+++
`, Options{}, "content/c.md:3:1: error: /b/ would be written twice: by content/a.md and by content/c.md"},
		{"alias collides with a page", `
-- content/a.md --
+++
title = "A"
aliases = ["/b/"]
+++
-- content/b.md --
+++
title = "B"
+++
`, Options{}, "content/b.md:1:1: error: /b/ would be written twice: by content/a.md and by content/b.md"},
		{"slug traversal", `
-- content/a.md --
+++
title = "A"
slug = "../../etc"
+++
`, Options{}, `content/a.md:3:1: error: slug "../../etc" must be one URL segment: no / and no ..`},
		{"url traversal", `
-- content/a.md --
+++
title = "A"
url = "/../../tmp/x/"
+++
`, Options{}, `content/a.md:3:1: error: url "/../../tmp/x/" has a ".." segment; it would leave the site`},
		{"alias traversal", `
-- content/a.md --
+++
title = "A"
aliases = ["/ok/", "../../../root/"]
+++
`, Options{}, `content/a.md:3:1: error: alias "../../../root/" has a ".." segment; it would leave the site`},
		{"absolute url", `
-- content/a.md --
+++
title = "A"
url = "https://evil.example/x/"
+++
`, Options{}, `content/a.md:3:1: error: url "https://evil.example/x/" must be a path on this site, not a full URL`},
		{"link outside content", `
-- content/a.md --
+++
title = "A"
+++
[x](../../config.toml.md)
`, Options{}, `content/a.md:4:2: error: broken link "../../config.toml.md": it points outside content/`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			files, msgs := build(t, minimalConfig+c.site, c.opts)
			if !strings.Contains(msgs, c.want) {
				t.Errorf("diagnostics:\n%s\nwant a line containing:\n%s", msgs, c.want)
			}
			if len(files) != 0 {
				t.Errorf("a failed build returned %d files", len(files))
			}
		})
	}
}

// Every problem of a build is reported in one run, sorted by file.
func TestBuildReportsEveryProblemSorted(t *testing.T) {
	_, msgs := build(t, minimalConfig+`
-- content/z.md --
+++
title = 1
+++
-- content/a.md --
+++
title = "A"
+++
[x](missing.md)
-- content/m.md --
+++
title = "M"
draft = "no"
+++
`, Options{})
	lines := strings.Split(msgs, "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "content/a.md:4:2:") || !strings.HasPrefix(lines[1], "content/m.md:3:1:") || !strings.HasPrefix(lines[2], "content/z.md:2:1:") {
		t.Errorf("got:\n%s", msgs)
	}
}

func TestDraftsFutureExpiredFlags(t *testing.T) {
	site := minimalConfig + `
-- content/draft.md --
+++
title = "Nháp"
draft = true
+++
-- content/future.md --
+++
title = "Tương lai"
date = 2030-01-01
+++
-- content/expired.md --
+++
title = "Hết hạn"
expiryDate = 2020-01-01
+++
`
	files, _ := build(t, site, Options{})
	for _, p := range []string{"draft/index.html", "future/index.html", "expired/index.html"} {
		if _, ok := files[p]; ok {
			t.Errorf("%s published without its flag", p)
		}
	}
	files, _ = build(t, site, Options{Drafts: true, Future: true, Expired: true})
	for _, p := range []string{"draft/index.html", "future/index.html", "expired/index.html"} {
		if _, ok := files[p]; !ok {
			t.Errorf("%s missing with its flag", p)
		}
	}
}
