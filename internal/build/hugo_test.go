package build

import (
	"os"
	"strings"
	"testing"

	"bantin/internal/tooltest"
)

// hugoSite is content laid out as a Hugo user lays it out: hugo.toml with
// Hugo's taxonomy config, YAML and TOML front matter, _index.md for the
// home page, a section, a taxonomy and a term, a page bundle, aliases,
// slug, url, cascade, and keys bantin does not use.
const hugoSite = `
-- hugo.toml --
baseURL = "https://example.org/"
title = "Trang Hugo"
languageCode = "vi"
[taxonomies]
tag = "tags"
category = "categories"
-- content/_index.md --
---
title: Trang chủ
---
Chào mừng.
-- content/posts/_index.md --
+++
title = "Bài đăng"
[cascade]
images = ["/images/posts.png"]
+++
-- content/posts/first.md --
---
id: first1
title: "Dân vận khéo ở phường 5"
linkTitle: "Phường 5"
date: 2026-11-20T09:00:00+07:00
tags: [Dân vận, Hòa giải]
categories: [Tin tức]
keywords: [dân vận, phường 5]
images: [/images/first.png]
aliases: [/old/first/]
outputs: [html, rss]
---
Bài thứ nhất.
-- content/posts/second.md --
+++
id = "second"
title = "Bài thứ hai"
date = 2026-11-21
slug = "thu-hai"
tags = ["dân vận"]
[markup]
unsafe = true
+++
Bài thứ hai.
-- content/posts/bundle/index.md --
---
id: bundle
title: Gói ảnh
date: 2026-11-19
outputs: [html]
---
![Ảnh](photo.png)
-- content/posts/bundle/photo.png --
PNG
-- content/about.md --
+++
id = "about"
title = "Giới thiệu"
url = "/gioi-thieu/"
+++
Về chúng tôi.
-- content/tags/_index.md --
---
title: Thẻ bài viết
description: Mọi thẻ của trang.
---
Các thẻ.
-- content/tags/dan-van/_index.md --
+++
title = "Dân vận"
description = "Công tác dân vận"
+++
Những bài về dân vận.
`

func TestHugoSiteBuilds(t *testing.T) {
	files, msgs := build(t, hugoSite, Options{})
	wantMsgs := []string{
		`content/posts/bundle/index.md:5:1: warning: front-matter key "outputs" is Hugo's; bantin does not use it (ignored in this file and 1 other)`,
		`content/posts/second.md:7:1: warning: front-matter key "markup" is Hugo's; bantin does not use it (ignored in this file)`,
	}
	if msgs != strings.Join(wantMsgs, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", msgs, strings.Join(wantMsgs, "\n"))
	}
	contains(t, files, "posts/first/index.html", "Dân vận khéo ở phường 5",
		`<meta name="keywords" content="dân vận, phường 5">`,
		`<meta property="og:image" content="https://example.org/images/first.png">`,
		`href="/tags/dan-van/"`, `href="/categories/tin-tuc/"`)
	contains(t, files, "posts/thu-hai/index.html", `<meta property="og:image" content="https://example.org/images/posts.png">`)
	contains(t, files, "posts/bundle/index.html", "Gói ảnh")
	contains(t, files, "posts/bundle/photo-2.png", "PNG")
	contains(t, files, "gioi-thieu/index.html", "Về chúng tôi.")
	contains(t, files, "old/first/index.html", "/posts/first/")
	contains(t, files, "posts/index.html", ">Phường 5</a>", "Bài thứ hai", "Gói ảnh")
	contains(t, files, "tags/index.html", "<h1>Thẻ bài viết</h1>", "Các thẻ.", `content="Mọi thẻ của trang."`, `href="/tags/hoa-giai/"`)
	contains(t, files, "tags/dan-van/index.html", "Dân vận", "Những bài về dân vận.", `content="Công tác dân vận"`, "Bài thứ hai", "Phường 5")
	contains(t, files, "categories/index.html", "<h1>Chuyên mục</h1>")
	contains(t, files, "categories/tin-tuc/index.html", "Phường 5")
	for _, p := range []string{"tag/index.html", "category/index.html", "the/index.html", "chu-de/index.html"} {
		if _, ok := files[p]; ok {
			t.Errorf("%s was written: the taxonomy config was misread", p)
		}
	}
}

// With bantin's own taxonomy config, content/PLURAL/_index.md (or the
// folder of the taxonomy's URL) gives the taxonomy and term pages their
// text too; a term page whose term no page has is a warning.
func TestTaxonomyIndexFilesWithBantinNames(t *testing.T) {
	files, msgs := build(t, `
-- config.toml --
baseURL = "https://x.vn/"
-- content/bai-viet/a.md --
+++
id = "aaaa"
title = "A"
date = 2026-11-20
topics = ["Dân chủ"]
+++
-- content/topics/_index.md --
+++
title = "Các chủ đề"
+++
Giới thiệu các chủ đề.
-- content/chu-de/dan-chu/_index.md --
+++
title = "Dân chủ ở cơ sở"
+++
Về dân chủ.
-- content/topics/khong-co/_index.md --
+++
title = "Không có"
+++
`, Options{})
	want := `content/topics/khong-co/_index.md:1:1: warning: no page has the term "khong-co" of topics: this page is not published`
	if msgs != want {
		t.Errorf("diagnostics:\n%s\nwant\n%s", msgs, want)
	}
	contains(t, files, "chu-de/index.html", "<h1>Các chủ đề</h1>", "Giới thiệu các chủ đề.")
	contains(t, files, "chu-de/dan-chu/index.html", "Dân chủ ở cơ sở", "Về dân chủ.")
	if _, ok := files["topics/index.html"]; ok {
		t.Error("content/topics/_index.md was published as a section")
	}
}

// In a section's list, pages with a weight come first, lighter first, as
// in Hugo; the others follow newest first.
func TestWeightOrdersSectionLists(t *testing.T) {
	files := buildOK(t, `
-- config.toml --
baseURL = "https://x.vn/"
-- content/bai-viet/moi.md --
+++
id = "moi1"
title = "Mới nhất"
date = 2026-11-25
+++
-- content/bai-viet/cu.md --
+++
id = "cu1"
title = "Cũ"
date = 2026-11-01
+++
-- content/bai-viet/ghim-2.md --
+++
id = "ghim2"
title = "Ghim hai"
date = 2026-10-01
weight = 2
+++
-- content/bai-viet/ghim-1.md --
+++
id = "ghim1"
title = "Ghim một"
date = 2026-09-01
weight = 1
+++
`)
	list := files["bai-viet/index.html"]
	order := []string{"Ghim một", "Ghim hai", "Mới nhất", "Cũ"}
	last := -1
	for _, title := range order {
		i := strings.Index(list, ">"+title+"</a>")
		if i < 0 || i < last {
			t.Fatalf("order: want %v in bai-viet/index.html", order)
		}
		last = i
	}
	// "Tin khác" lists the newest pages of the section, weights aside.
	page := files["bai-viet/cu/index.html"]
	other := strings.Index(page, "Tin khác")
	if other < 0 {
		t.Fatal("no Tin khác on bai-viet/cu/")
	}
	newest, pinned := strings.Index(page[other:], ">Mới nhất</a>"), strings.Index(page[other:], ">Ghim một</a>")
	if newest < 0 || pinned < 0 || newest > pinned {
		t.Errorf("Tin khác is not newest first (%d, %d)", newest, pinned)
	}
}

// A folder that takes the URL of a page bantin makes up is one error at
// the file, naming both; content/the/_index.md, where "the" is the tags'
// URL, is the tags page's own text.
func TestCollisionWithMadeUpPage(t *testing.T) {
	files, msgs := build(t, `
-- config.toml --
baseURL = "https://x.vn/"
-- content/luu-tru/_index.md --
+++
title = "Lưu"
+++
-- content/luu-tru/a.md --
+++
id = "aaaa"
title = "A"
date = 2022-01-01
tags = ["x"]
+++
-- content/the/_index.md --
+++
title = "Các thẻ"
+++
`, Options{})
	want := "content/luu-tru/_index.md: error: luu-tru/index.html would be written twice: by content/luu-tru/_index.md and by the archive page /luu-tru/"
	if msgs != want {
		t.Errorf("got\n%s\nwant\n%s", msgs, want)
	}
	if len(files) != 0 {
		t.Error("a failed build returned files")
	}
}

// In the dev server, edits to a Hugo site's term page text, to a page that
// receives cascaded values, to the cascade itself and to hugo.toml give
// what a clean build gives.
func TestSessionOnHugoSite(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{}
	for name, f := range siteFS(t, hugoSite) {
		files[name] = string(f.Data)
	}
	tooltest.WriteFiles(t, root, files)
	s, ch := NewSession(os.DirFS(root), Options{Now: fixedNow})
	if ch.Failed {
		t.Fatal(ch.Diags.Err())
	}
	edits := []struct{ name, path, body string }{
		{"term page text", "content/tags/dan-van/_index.md", "+++\ntitle = \"Dân vận\"\n+++\nVăn bản mới của thẻ.\n"},
		{"page with cascaded values", "content/posts/second.md", strings.Replace(files["content/posts/second.md"], "Bài thứ hai.", "Bài thứ hai, đã sửa.", 1)},
		{"cascade", "content/posts/_index.md", strings.Replace(files["content/posts/_index.md"], "posts.png", "posts-moi.png", 1)},
		{"hugo.toml", "hugo.toml", strings.Replace(files["hugo.toml"], "Trang Hugo", "Trang Hugo mới", 1)},
	}
	for _, e := range edits {
		tooltest.WriteFiles(t, root, map[string]string{e.path: e.body})
		if ch := s.Update([]string{e.path}); ch.Failed {
			t.Fatalf("%s: %v", e.name, ch.Diags.Err())
		}
		sameAsCleanBuild(t, e.name, root, s)
	}
	if !strings.Contains(string(s.Files()["posts/thu-hai/index.html"]), "posts-moi.png") {
		t.Error("the cascade's new value did not reach the page")
	}
}

// A ref shortcode in a Markdown link becomes the URL of the page it names.
func TestRefShortcodeLinks(t *testing.T) {
	files := buildOK(t, `
-- config.toml --
baseURL = "https://x.vn/"
-- content/gioi-thieu.md --
+++
id = "gt"
title = "Giới thiệu"
+++
-- content/posts/a.md --
+++
id = "aaaa"
title = "A"
date = 2026-11-01
+++
Xem [giới thiệu]({{< ref "/gioi-thieu" >}}) và [phần 2]({{< relref "b.md#phan-2" >}}).
-- content/posts/b.md --
+++
id = "bbbb"
title = "B"
date = 2026-11-02
+++
## Phần 2
`)
	contains(t, files, "posts/a/index.html", `<a href="/gioi-thieu/">giới thiệu</a>`, `<a href="/posts/b/#phan-2">phần 2</a>`)
}
