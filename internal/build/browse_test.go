package build

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
)

// page writes one fixture page.
func page(path, title, date string, extra ...string) string {
	return fmt.Sprintf("-- content/%s --\n+++\ntitle = %q\ndate = %s\n%s\n+++\nNội dung %s.\n", path, title, date, strings.Join(extra, "\n"), title)
}

var termLink = regexp.MustCompile(`<li><a href="([^"]+)">([^<]+)</a> <span class="count">(\d+) bài</span></li>`)

func TestTermsSortVietnameseAndMerge(t *testing.T) {
	site := minimalConfig +
		page("bai-viet/a.md", "A", "2026-01-01", `tags = ["Ưu tiên", "Đất đai", "Dân vận khéo"]`) +
		page("bai-viet/b.md", "B", "2026-01-02", `tags = ["dân vận khéo", "Uy tín", "Dân chủ"]`) +
		page("bai-viet/c.md", "C", "2026-01-03", `tags = ["Dân vận khéo", "ăn", "an"]`)
	files := buildOK(t, site)
	var got []string
	for _, m := range termLink.FindAllStringSubmatch(files["the/index.html"], -1) {
		got = append(got, m[2]+"="+m[3])
	}
	want := "an=1 ăn=1 Dân chủ=1 Dân vận khéo=3 Đất đai=1 Uy tín=1 Ưu tiên=1"
	if !strings.Contains(files["the/index.html"], `href="/the/an-1/">ăn</a>`) && !strings.Contains(files["the/index.html"], `href="/the/an-1/">an</a>`) {
		t.Error("an and ăn must be two terms with two URLs")
	}
	if strings.Join(got, " ") != want {
		t.Errorf("tag index order:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	contains(t, files, "the/dan-van-kheo/index.html", "<title>Dân vận khéo – Bản tin</title>", `href="/bai-viet/a/"`, `href="/bai-viet/b/"`, `href="/bai-viet/c/"`)
	contains(t, files, "bai-viet/b/index.html", `<a href="/the/dan-van-kheo/" rel="tag">Dân vận khéo</a>`)
}

var listedPage = regexp.MustCompile(`<h3 class="page-item-title"><a href="/bai-viet/(p\d+)/">`)

func pagesOn(html string) []string {
	var out []string
	for _, m := range listedPage.FindAllStringSubmatch(html, -1) {
		out = append(out, m[1])
	}
	return out
}

func TestPaginationEdges(t *testing.T) {
	cfg := "-- config.toml --\nbaseURL = \"https://x.vn/\"\n[pagination]\npagerSize = 2\n"
	for _, n := range []int{0, 1, 2, 3, 5} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			site := cfg + "-- content/bai-viet/_index.md --\n+++\ntitle = \"Bài viết\"\n+++\n"
			for i := 1; i <= n; i++ {
				site += page(fmt.Sprintf("bai-viet/p%d.md", i), fmt.Sprintf("P%d", i), fmt.Sprintf("2026-01-%02d", i))
			}
			files := buildOK(t, site)
			pagers := max(1, (n+1)/2)
			seen := []string{}
			for k := 1; k <= pagers; k++ {
				path := "bai-viet/index.html"
				if k > 1 {
					path = fmt.Sprintf("bai-viet/page/%d/index.html", k)
				}
				html, ok := files[path]
				if !ok {
					t.Fatalf("%s missing", path)
				}
				seen = append(seen, pagesOn(html)...)
				if hasPrev := strings.Contains(html, `rel="prev"`); hasPrev != (k > 1) {
					t.Errorf("%s: rel=prev %v", path, hasPrev)
				}
				if hasNext := strings.Contains(html, `<link rel="next"`); hasNext != (k < pagers) {
					t.Errorf("%s: rel=next %v", path, hasNext)
				}
			}
			if _, extra := files[fmt.Sprintf("bai-viet/page/%d/index.html", pagers+1)]; extra {
				t.Error("one pager too many")
			}
			var want []string
			for i := n; i >= 1; i-- {
				want = append(want, fmt.Sprintf("p%d", i))
			}
			if strings.Join(seen, ",") != strings.Join(want, ",") {
				t.Errorf("pages over pagers: %v, want %v (newest first, each once)", seen, want)
			}
			if n == 0 && !strings.Contains(files["bai-viet/index.html"], "Chưa có bài nào.") {
				t.Error("empty list lacks its message")
			}
			_, alias := files["bai-viet/page/1/index.html"]
			if alias != (pagers > 1) {
				t.Errorf("page/1 redirect present: %v", alias)
			}
		})
	}
}

func TestArchivePages(t *testing.T) {
	files := buildOK(t, minimalConfig+
		page("bai-viet/a.md", "Tháng Giêng", "2025-01-15T09:00:00")+
		page("bai-viet/b.md", "Tháng Mười Một", "2026-11-20T09:00:00")+
		page("bai-viet/c.md", "Cuối tháng", "2026-11-25T23:30:00"))
	contains(t, files, "luu-tru/index.html", "<h1>Lưu trữ</h1>", `href="/luu-tru/2026/">Năm 2026</a> <span class="count">2 bài</span>`, `href="/luu-tru/2025/">Năm 2025</a>`)
	contains(t, files, "luu-tru/2026/index.html", `href="/luu-tru/2026/11/">Tháng 11 năm 2026</a>`)
	contains(t, files, "luu-tru/2026/11/index.html", "<h1>Tháng 11 năm 2026</h1>", "Cuối tháng", "Tháng Mười Một")
	contains(t, files, "luu-tru/2025/01/index.html", "Tháng Giêng")
}

func TestRelatedPages(t *testing.T) {
	files := buildOK(t, minimalConfig+
		page("bai-viet/goc.md", "Gốc", "2026-01-10", `topics = ["Lao động"]`, `tags = ["hợp đồng", "thử việc"]`)+
		page("bai-viet/hai-the.md", "Hai thẻ", "2026-01-01", `tags = ["hợp đồng", "thử việc"]`)+
		page("bai-viet/mot-the-moi.md", "Một thẻ mới", "2026-01-09", `tags = ["hợp đồng"]`)+
		page("bai-viet/mot-the-cu.md", "Một thẻ cũ", "2026-01-02", `tags = ["thử việc"]`)+
		page("bai-viet/chu-de.md", "Cùng chủ đề", "2026-01-08", `topics = ["Lao động"]`)+
		page("bai-viet/khong.md", "Không liên quan", "2026-01-11", `tags = ["khác"]`))
	html := files["bai-viet/goc/index.html"]
	block := html[strings.Index(html, `id="lien-quan"`):]
	block = block[:strings.Index(block, "</aside>")]
	var order []string
	for _, m := range regexp.MustCompile(`<a href="/bai-viet/([a-z-]+)/">`).FindAllStringSubmatch(block, -1) {
		order = append(order, m[1])
	}
	// Two shared tags first; then single shared terms by rarity (the topic
	// is on 2 of 6 pages, each tag on 3), then recency.
	if strings.Join(order, ",") != "hai-the,chu-de,mot-the-moi,mot-the-cu" {
		t.Errorf("related order %v", order)
	}
	contains(t, files, "bai-viet/goc/index.html", `class="older" href="/bai-viet/mot-the-moi/"`, `class="newer" href="/bai-viet/khong/"`)
}

// Feeds of every kind parse with a real feed parser and carry the pages.
func TestFeedsParse(t *testing.T) {
	site := "-- config.toml --\nbaseURL = \"https://x.vn/ban-tin/\"\n[feeds]\nfullContent = true\n" +
		page("bai-viet/a.md", "Bài A", "2026-01-10T16:58:00", `topics = ["Dân chủ ở cơ sở"]`, `authors = ["Lê Hà"]`) +
		"-- content/bai-viet/b.md --\n+++\ntitle = \"Bài B\"\ndate = 2026-01-09\n+++\nXem [A](a.md) và ![ảnh](/anh.png).\n"
	files := buildOK(t, site)
	parser := gofeed.NewParser()
	for _, path := range []string{"index.xml", "atom.xml", "bai-viet/index.xml", "bai-viet/atom.xml", "chu-de/dan-chu-o-co-so/index.xml", "chu-de/dan-chu-o-co-so/atom.xml"} {
		f, err := parser.ParseString(files[path])
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		if len(f.Items) == 0 || f.Items[0].Title != "Bài A" || f.Items[0].Link != "https://x.vn/ban-tin/bai-viet/a/" {
			t.Errorf("%s: first item %+v", path, f.Items)
			continue
		}
		if got := f.Items[0].PublishedParsed; got == nil || !got.Equal(time.Date(2026, 1, 10, 16, 58, 0, 0, time.FixedZone("ICT", 7*3600))) {
			t.Errorf("%s: published %v", path, got)
		}
	}
	contains(t, files, "bai-viet/index.xml", "<pubDate>Sat, 10 Jan 2026 16:58:00 +0700</pubDate>")
	f, _ := parser.ParseString(files["bai-viet/atom.xml"])
	body := f.Items[1].Content
	if !strings.Contains(body, `href="https://x.vn/ban-tin/bai-viet/a/"`) || !strings.Contains(body, `src="https://x.vn/anh.png"`) {
		t.Errorf("full content links are not absolute: %s", body)
	}
}

var ldScript = regexp.MustCompile(`<script type="application/ld\+json">(.*?)</script>`)

func TestJSONLD(t *testing.T) {
	files := buildOK(t, minimalConfig+page("bai-viet/a.md", "Bài A", "2026-01-10", `authors = ["Lê Hà"]`, `image = "anh.png"`))
	for path, wantType := range map[string]string{"bai-viet/a/index.html": "NewsArticle", "bai-viet/index.html": "CollectionPage", "index.html": "CollectionPage"} {
		m := ldScript.FindStringSubmatch(files[path])
		if m == nil {
			t.Errorf("%s: no JSON-LD", path)
			continue
		}
		var doc struct {
			Context string           `json:"@context"`
			Graph   []map[string]any `json:"@graph"`
		}
		if err := json.Unmarshal([]byte(m[1]), &doc); err != nil {
			t.Errorf("%s: %v\n%s", path, err, m[1])
			continue
		}
		main := doc.Graph[0]
		if doc.Context != "https://schema.org" || main["@type"] != wantType {
			t.Errorf("%s: %v", path, doc)
		}
		if wantType == "NewsArticle" {
			for _, key := range []string{"headline", "datePublished", "dateModified", "author", "publisher", "image", "mainEntityOfPage"} {
				if main[key] == nil {
					t.Errorf("%s: NewsArticle lacks %s", path, key)
				}
			}
			if len(doc.Graph) < 2 || doc.Graph[1]["@type"] != "BreadcrumbList" {
				t.Errorf("%s: no BreadcrumbList", path)
			}
		}
	}
	contains(t, files, "bai-viet/a/index.html", `<meta property="og:image" content="https://x.vn/bai-viet/a/anh.png">`,
		`<meta property="og:type" content="article">`, `<meta name="twitter:card" content="summary_large_image">`,
		`<meta property="article:published_time" content="2026-01-10T00:00:00+07:00">`)
}
