package markdown

import (
	"errors"
	"strings"
	"testing"

	"bantin/internal/diag"
)

func render(t *testing.T, opts Options, src string, resolve Resolver) (*Result, string) {
	t.Helper()
	var dl diag.List
	res, err := New(opts).Render(Input{File: "content/a.md", Src: []byte(src), FirstLine: 5, Resolve: resolve}, &dl)
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, d := range dl.Items() {
		msgs = append(msgs, d.String())
	}
	return res, strings.Join(msgs, "\n")
}

func mustContain(t *testing.T, html string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(html, w) {
			t.Errorf("output lacks %q:\n%s", w, html)
		}
	}
}

func TestHeadingIDsAndTOC(t *testing.T) {
	res, _ := render(t, Options{}, "# Tựa\n\n## Đường đi\n\n## Đường đi\n\n### Câu 1. Ai? {#cau-1}\n\n#### Sâu\n", nil)
	mustContain(t, string(res.HTML), `<h2 id="duong-di">`, `<h2 id="duong-di-1">`, `<h3 id="cau-1">`)
	if len(res.TOC) != 3 || res.TOC[2].ID != "cau-1" || res.TOC[2].Text != "Câu 1. Ai?" || res.TOC[0].Text != "Đường đi" {
		t.Errorf("TOC = %+v", res.TOC)
	}
}

func TestExtensions(t *testing.T) {
	src := "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~bỏ~~ https://example.vn\n\n- [x] xong\n\nCâu[^1]\n\n[^1]: Chú thích.\n\nThuật ngữ\n: Định nghĩa\n\n\"trích\" -- gạch\n\n```go\nfunc main() {}\n```\n"
	res, _ := render(t, Options{Typographer: true, HighlightStyle: "github"}, src, nil)
	mustContain(t, string(res.HTML), "<table>", "<del>bỏ</del>", `<a href="https://example.vn">`, `type="checkbox"`,
		`class="footnote-ref"`, "<dl>", "<dd>Định nghĩa</dd>", "&ldquo;trích&rdquo;", "&ndash;", `<span class="kd">func</span>`, `class="chroma"`)
}

func TestRawHTMLEscapedUnlessUnsafe(t *testing.T) {
	src := "Đoạn <b>đậm</b>.\n\n<script>alert(1)</script>\n\n<!--more-->\n\nSau."
	res, _ := render(t, Options{}, src, nil)
	html := string(res.HTML)
	mustContain(t, html, "&lt;b&gt;đậm&lt;/b&gt;", "&lt;script&gt;alert(1)&lt;/script&gt;")
	if strings.Contains(html, "<script>") || strings.Contains(html, "more") {
		t.Errorf("raw HTML or the more marker leaked:\n%s", html)
	}
	if res.Summary != "Đoạn đậm." {
		t.Errorf("summary = %q", res.Summary)
	}
	res, _ = render(t, Options{Unsafe: true}, src, nil)
	mustContain(t, string(res.HTML), "<b>đậm</b>", "<script>alert(1)</script>")
}

func TestAutomaticSummary(t *testing.T) {
	long := strings.Repeat("từ ", 60)
	res, _ := render(t, Options{}, "## Mục\n\n"+long+"\n", nil)
	if got := len(strings.Fields(res.Summary)); got != 50 || !strings.HasSuffix(res.Summary, "từ…") {
		t.Errorf("summary has %d words: %q", got, res.Summary)
	}
	if res.WordCount != 61 {
		t.Errorf("word count %d", res.WordCount)
	}
}

func TestLinkResolution(t *testing.T) {
	resolve := func(target string) (string, error) {
		switch target {
		case "../so-tay/hoi-dap.md":
			return "/so-tay/hoi-dap/", nil
		case "anh.png":
			return "/bai-viet/a/anh.png", nil
		}
		return "", errors.New("no such file")
	}
	src := "Xem [sổ tay](../so-tay/hoi-dap.md#cau-1) và ![ảnh](anh.png).\n\nNgoài: [x](https://a.vn/b.md), [y](/tuyet-doi/), [z](#neo).\n\nHỏng: [Đường](../khong-co.md) và [tệp](thieu.pdf).\n"
	res, msgs := render(t, Options{}, src, resolve)
	mustContain(t, string(res.HTML), `href="/so-tay/hoi-dap/#cau-1"`, `src="/bai-viet/a/anh.png"`, `href="https://a.vn/b.md"`, `href="/tuyet-doi/"`, `href="#neo"`)
	want := "content/a.md:9:8: error: broken link \"../khong-co.md\": no such file\n" +
		"content/a.md:9:35: warning: link \"thieu.pdf\": no such file"
	if msgs != want {
		t.Errorf("got\n%s\nwant\n%s", msgs, want)
	}
}

func TestSections(t *testing.T) {
	src := "Mở đầu.\n\n## Bìa {.bia}\n\nChào.\n\n- một\n\n## Câu 2. Hỏi? {#cau-2}\n\nĐáp.\n"
	res, _ := render(t, Options{}, src, nil)
	if len(res.Sections) != 3 {
		t.Fatalf("sections: %+v", res.Sections)
	}
	intro, cover, q := res.Sections[0], res.Sections[1], res.Sections[2]
	if intro.Title != "" || string(intro.Body) != "<p>Mở đầu.</p>\n" {
		t.Errorf("intro %+v", intro)
	}
	if cover.Title != "Bìa" || len(cover.Classes) != 1 || cover.Classes[0] != "bia" || cover.Line != 7 || cover.Plain != "Chào.\nmột" {
		t.Errorf("cover %+v", cover)
	}
	if q.ID != "cau-2" || q.Title != "Câu 2. Hỏi?" || string(q.Body) != "<p>Đáp.</p>\n" {
		t.Errorf("question %+v", q)
	}
	var joined string
	for _, s := range res.Sections {
		joined += string(s.Body)
	}
	if !strings.Contains(string(res.HTML), `<h2 class="bia" id="bia">Bìa</h2>`) || len(res.HTML) <= len(joined) {
		t.Errorf("HTML %s", res.HTML)
	}
}
