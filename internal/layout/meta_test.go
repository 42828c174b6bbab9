package layout

import (
	"strings"
	"testing"
	"time"

	"bantin/internal/config"
	"bantin/internal/site"
)

// metaTags writes what the default theme's head.html used to write with
// template actions (testdata/head-template.html), hostile text included.
func TestMetaTagsMatchTheTemplate(t *testing.T) {
	config := "baseURL = \"https://danvan.example.vn/\"\ntitle = \"Bản tin\"\ndescription = \"Bản tin dân vận của phường\"\n"
	sameAsTemplate(t, config, "head-template.html", "{{ metaTags . }}", metaTestPages)
}

func metaTestPages(cfg *config.Config) []*site.Page {
	s := &site.Site{Config: cfg, Title: "Bản tin"}
	home := &site.Page{Kind: site.KindHome, Title: "Bản tin", URL: "/", RelPermalink: "/", Permalink: "https://danvan.example.vn/", Site: s}
	sec := &site.Page{Kind: site.KindSection, Title: "Bài viết", URL: "/bai-viet/", RelPermalink: "/bai-viet/", Permalink: "https://danvan.example.vn/bai-viet/", Site: s, Parent: home}
	date := time.Date(2026, 1, 10, 8, 30, 0, 0, cfg.Location)
	article := &site.Page{Kind: site.KindPage, Type: "article", Title: `Dân vận "khéo" <b>& 'hay'</b>`, Description: strings.Repeat("Mô tả dài. ", 40),
		URL: "/bai-viet/dan-van-kheo/", RelPermalink: "/bai-viet/dan-van-kheo/", Permalink: "https://danvan.example.vn/bai-viet/dan-van-kheo/",
		Image: "anh.jpg", Date: date, Lastmod: date.Add(48 * time.Hour), Site: s, Parent: sec,
		Terms: map[string][]string{"tags": {"Dân vận khéo", `a "b"`}, "authors": {"Nguyễn Văn A"}}}
	undated := &site.Page{Kind: site.KindPage, Type: "page", Title: "Giới thiệu", URL: "/gioi-thieu/", RelPermalink: "/gioi-thieu/", Permalink: "https://danvan.example.vn/gioi-thieu/", Site: s, Parent: home}
	term := &site.Page{Kind: site.KindTerm, Title: "Dân vận khéo", URL: "/the/dan-van-kheo/page/2/", RelPermalink: "/the/dan-van-kheo/page/2/", Permalink: "https://danvan.example.vn/the/dan-van-kheo/page/2/", Site: s, Parent: home}
	pagers := []*site.Pager{{Number: 1, Total: 3, URL: "/the/dan-van-kheo/"}, {Number: 2, Total: 3, URL: "/the/dan-van-kheo/page/2/"}, {Number: 3, Total: 3, URL: "/the/dan-van-kheo/page/3/"}}
	for i, pg := range pagers {
		pg.All = pagers
		if i > 0 {
			pg.Prev = pagers[i-1]
		}
		if i < len(pagers)-1 {
			pg.Next = pagers[i+1]
		}
	}
	s.Pagination = map[*site.Page]*site.Pager{term: pagers[1]}
	return []*site.Page{home, sec, article, undated, term}
}

func TestURLAttr(t *testing.T) {
	for in, want := range map[string]string{
		"https://danvan.example.vn/bai-viet/": "https://danvan.example.vn/bai-viet/",
		"/the/dân vận/":                       "/the/d%c3%a2n%20v%e1%ba%adn/",
		"javascript:alert(1)":                 "#ZgotmplZ",
		"/a?x=1&y=\"2\"":                      "/a?x=1&amp;y=%222%22",
		"mailto:ban@danvan.example.vn":        "mailto:ban@danvan.example.vn",
		"/duong/dẫn:có-hai-chấm/":             "/duong/d%e1%ba%abn:c%c3%b3-hai-ch%e1%ba%a5m/",
	} {
		if got := urlAttr(in); got != want {
			t.Errorf("urlAttr(%q) = %q, want %q", in, got, want)
		}
	}
}
