package build

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"
)

const basicSite = `
-- config.toml --
title = "Bản tin Dân vận"
baseURL = "https://danvan.example.vn/"
[[menus.main]]
name = "Bài viết"
url = "/bai-viet/"
-- content/_index.md --
+++
title = "Trang chủ"
+++
Chào mừng bạn đọc.
-- content/bai-viet/_index.md --
+++
title = "Bài viết"
+++
-- content/bai-viet/Dân vận khéo.md --
+++
title = "Dân vận khéo"
date = 2022-01-21T16:58:00
authors = ["Nguyễn Văn A"]
aliases = ["/cu/dan-van/"]
+++
Xem [sổ tay](../so-tay/hoi-dap.md#cau-1) và [ảnh](../anh/logo.svg).

## Đường đi
-- content/bai-viet/goi/index.md --
+++
title = "Gói bài"
date = 2022-01-20
+++
![Ảnh](anh.png)
-- content/bai-viet/goi/anh.png --
PNG
-- content/so-tay/hoi-dap.md --
+++
title = "Hỏi đáp"
date = 2022-01-19
+++
## Câu 1. Ai? {#cau-1}

Mọi công dân.
-- content/anh/logo.svg --
<svg/>
-- static/favicon.ico --
ICO
`

func TestBuildBasicSite(t *testing.T) {
	files := buildOK(t, basicSite)
	contains(t, files, "index.html", "<title>Bản tin Dân vận</title>", `<html lang="vi">`, "Chào mừng bạn đọc.", `href="/bai-viet/dan-van-kheo/"`)
	contains(t, files, "bai-viet/dan-van-kheo/index.html",
		"<h1>Dân vận khéo</h1>", "Thứ Sáu, 21/01/2022 16:58", `datetime="2022-01-21T16:58:00&#43;07:00"`, "Nguyễn Văn A",
		`href="/so-tay/hoi-dap/#cau-1"`, `href="/anh/logo.svg"`, `<h2 id="duong-di">`, "Tin khác", `href="/bai-viet/goi/"`,
		`<link rel="canonical" href="https://danvan.example.vn/bai-viet/dan-van-kheo/">`)
	contains(t, files, "bai-viet/goi/index.html", `src="/bai-viet/goi/anh-2.png"`, `srcset="/bai-viet/goi/anh-2.webp 2w"`)
	contains(t, files, "bai-viet/goi/anh-2.png", "PNG") // the original is not published: nothing links to it
	contains(t, files, "anh/logo.svg", "<svg/>")
	contains(t, files, "favicon.ico", "ICO")
	contains(t, files, "bai-viet/index.html", "<h1>Bài viết</h1>", "Dân vận khéo", "Gói bài")
	contains(t, files, "so-tay/index.html", "Hỏi đáp")
	contains(t, files, "cu/dan-van/index.html", `url=/bai-viet/dan-van-kheo/`)
	contains(t, files, "404.html", "Không tìm thấy trang")
	contains(t, files, "robots.txt", "Sitemap: https://danvan.example.vn/sitemap.xml")
	contains(t, files, "css/chroma.css", ".chroma")
	contains(t, files, "css/bantin.css", ".site-header")
	contains(t, files, "sitemap.xml", "<loc>https://danvan.example.vn/bai-viet/dan-van-kheo/</loc>", "<lastmod>2022-01-21T16:58:00+07:00</lastmod>")
	for _, feed := range []string{"index.xml", "bai-viet/index.xml", "so-tay/index.xml"} {
		contains(t, files, feed, "<rss version=\"2.0\"")
		var v struct {
			Items []struct {
				Title string `xml:"title"`
			} `xml:"channel>item"`
		}
		if err := xml.Unmarshal([]byte(files[feed]), &v); err != nil || len(v.Items) == 0 {
			t.Errorf("%s: %v, %d items", feed, err, len(v.Items))
		}
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	a := Build(siteFS(t, basicSite), Options{Now: fixedNow})
	b := Build(siteFS(t, basicSite), Options{Now: fixedNow})
	if len(a.Files) == 0 || len(a.Files) != len(b.Files) {
		t.Fatalf("%d vs %d files", len(a.Files), len(b.Files))
	}
	for i := range a.Files {
		if a.Files[i].Path != b.Files[i].Path || !bytes.Equal(a.Files[i].Data, b.Files[i].Data) {
			t.Fatalf("builds differ at %s", a.Files[i].Path)
		}
	}
	if !strings.Contains(strings.Join(fileList(a.Files), " "), "bai-viet/dan-van-kheo/index.html") {
		t.Error("page missing")
	}
}
