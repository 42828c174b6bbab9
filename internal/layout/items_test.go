package layout

import (
	"testing"
	"testing/fstest"
	"time"

	"bantin/internal/config"
	"bantin/internal/content"
	"bantin/internal/diag"
	"bantin/internal/markdown"
	"bantin/internal/site"
	"bantin/internal/textstore"
)

const itemsConfig = "baseURL = \"https://danvan.example.vn/ban-tin/\"\ntitle = \"Bản tin\"\n"

// pageItem and linkItem write what the default theme's page-item.html and
// link-item.html used to write with template actions, hostile text, pages
// without a date and without a summary included.
func TestListItemsMatchTheTemplates(t *testing.T) {
	sameAsTemplate(t, itemsConfig, "page-item-template.html", "{{ pageItem . }}", itemPages)
	sameAsTemplate(t, itemsConfig, "link-item-template.html", "{{ linkItem . }}", itemPages)
}

func itemPages(cfg *config.Config) []*site.Page {
	date := time.Date(2026, 1, 10, 23, 30, 0, 0, time.UTC) // 11/01 in Hà Nội
	return []*site.Page{
		{Kind: site.KindPage, Title: `Dân vận "khéo" <b>& 'hay'</b> +1`, Summary: `Tóm tắt <i>có</i> "dấu" & 'nháy' +`, Date: date, RelPermalink: "/ban-tin/bai-viet/dan-van-kheo/"},
		{Kind: site.KindPage, Title: "Giới thiệu", RelPermalink: "/ban-tin/gioi-thieu/"},
		{Kind: site.KindPage, Title: "Đường dẫn lạ", Summary: "x", Date: date, RelPermalink: "/ban-tin/bài viết/a?b=1&c=2"},
		{Kind: site.KindPage, Title: "Xấu", Date: date, RelPermalink: "javascript:alert(1)"},
	}
}

// termLinks writes what the default theme's terms.html used to write with
// template actions: topics and tags, not authors, merged spellings under
// the most used one, hostile names included.
func TestTermLinksMatchTheTemplate(t *testing.T) {
	sameAsTemplate(t, itemsConfig, "terms-template.html", "{{ termLinks . }}", func(cfg *config.Config) []*site.Page {
		return assembled(t, cfg, map[string]string{
			"content/bai-viet/a.md": "+++\ntitle = \"A\"\ndate = 2026-01-02\ntopics = [\"Dân chủ ở cơ sở\"]\ntags = [\"Dân vận khéo\", \"a \\\"b\\\" & <c> +\"]\nauthors = [\"Nguyễn Văn A\"]\n+++\nA",
			"content/bai-viet/b.md": "+++\ntitle = \"B\"\ndate = 2026-01-03\ntags = [\"dân vận khéo\", \"Đất\"]\n+++\nB",
			"content/bai-viet/c.md": "+++\ntitle = \"C\"\ndate = 2026-01-04\nauthors = [\"Nguyễn Văn A\"]\n+++\nC",
		})
	})
	if got := termLinks(&site.Page{}); got != "" {
		t.Errorf("a page without a site: %q", got)
	}
}

// assembled builds the site of files as a build does (without templates)
// and returns its pages.
func assembled(t *testing.T, cfg *config.Config, files map[string]string) []*site.Page {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, body := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	var dl diag.List
	set := content.Scan(fsys, cfg, content.Options{Now: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}, &dl)
	ix := site.NewIndex(cfg, set, &dl)
	md := markdown.New(markdown.Options{})
	results := make([]*site.Rendered, len(set.Docs))
	texts := textstore.NewMem()
	for i, d := range set.Docs {
		res, err := md.Render(markdown.Input{File: d.Path, Src: d.Body, FirstLine: d.BodyLine, Resolve: ix.Resolver(d.Rel)}, &dl)
		if err != nil {
			t.Fatal(err)
		}
		results[i] = site.StoreRendered(texts, res)
	}
	s := site.Assemble(ix, set, results, site.Options{Labels: site.Labels{Year: func(int) string { return "" }, Month: func(int, time.Month) string { return "" }}})
	if err := dl.Err(); err != nil {
		t.Fatal(err)
	}
	if len(s.Pages) != len(files) {
		t.Fatalf("%d pages, want %d", len(s.Pages), len(files))
	}
	return s.Pages
}
