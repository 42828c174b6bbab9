package build

import (
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"
)

// A URL whose last segment holds a dot keeps its page and QR files when
// it ends in a slash.
func TestURLWithDotKeepsItsPage(t *testing.T) {
	files, diags := build(t, `
-- content/van-ban/nq.md --
+++
title = "Nghị quyết 01"
id = "nq012022"
url = "/van-ban/nghi-quyet-01.2022/"
+++
Nội dung.
`, Options{})
	if strings.Contains(diags, "error") {
		t.Fatalf("diagnostics:\n%s", diags)
	}
	if _, ok := files["van-ban/nghi-quyet-01.2022/index.html"]; !ok {
		t.Errorf("no page at van-ban/nghi-quyet-01.2022/index.html; files: %v", keys(files, "van-ban/"))
	}
	qr := 0
	for p := range files {
		if strings.HasPrefix(p, "van-ban/nghi-quyet-01.2022/") && strings.Contains(p, "qr") {
			qr++
		}
	}
	if qr == 0 {
		t.Errorf("the page's QR files were dropped; files: %v", keys(files, "van-ban/"))
	}
}

func keys(m map[string]string, prefix string) []string {
	var out []string
	for k := range m {
		if strings.HasPrefix(k, prefix) {
			out = append(out, k)
		}
	}
	return out
}

// No page may replace the output marker; a URL or alias with a dot
// segment is refused at its line.
func TestURLCannotReplaceMarker(t *testing.T) {
	_, diags := build(t, `
-- content/a.md --
+++
title = "A"
url = "/.bantin-output/"
+++
-- content/b.md --
+++
title = "B"
aliases = ["/.bantin-output"]
+++
`, Options{})
	for _, want := range []string{`content/a.md:3:1: error: url "/.bantin-output/" has a segment ".bantin-output" that starts with a dot`, `content/b.md:3:`} {
		if !strings.Contains(diags, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, diags)
		}
	}
}

// One template typo is one error with its column, not one "no layout"
// line per page that needed the template.
func TestTemplateTypoIsOneError(t *testing.T) {
	site := "-- layouts/_default/single.html --\n{{ define \"main\" }}\n<h1>{{ .Title }</h1>\n{{ end }}\n"
	for i := range 30 {
		site += "-- content/bai-viet/b" + string(rune('a'+i%26)) + string(rune('a'+i/26)) + ".md --\n+++\ntitle = \"B\"\n+++\n"
	}
	_, diags := build(t, site, Options{})
	var errs []string
	for _, line := range strings.Split(diags, "\n") {
		if strings.Contains(line, ": error: ") {
			errs = append(errs, line)
		}
	}
	if len(errs) != 1 || errs[0] != `layouts/_default/single.html:2:15: error: unexpected "}" in operand` {
		t.Errorf("errors:\n%s", strings.Join(errs, "\n"))
	}
}

// An image key that climbs out of the site is an error at its line, not
// an og:image URL.
func TestImageCannotClimb(t *testing.T) {
	_, diags := build(t, `
-- content/a.md --
+++
title = "A"
image = "../../../../etc/passwd"
+++
-- content/b.md --
+++
title = "B"
image = "javascript:alert(1)"
+++
-- content/c.md --
+++
title = "C"
image = "/anh/logo.png"
+++
`, Options{})
	for _, want := range []string{`content/a.md:3:1: error: image "../../../../etc/passwd" has a ".." segment`, `content/b.md:3:1: error: image "javascript:alert(1)" must be`} {
		if !strings.Contains(diags, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, diags)
		}
	}
	if strings.Contains(diags, "content/c.md") {
		t.Errorf("a site path refused:\n%s", diags)
	}
}

// RSS readers render <description> as HTML: a summary that looks like
// HTML is shown as text, never run.
func TestRSSSummaryIsText(t *testing.T) {
	files, diags := build(t, `
-- content/bai-viet/a.md --
+++
title = "A"
date = 2022-01-21
summary = "<img src=x onerror=alert(1)> & <b>đậm</b>"
+++
`, Options{})
	if strings.Contains(diags, "error") {
		t.Fatal(diags)
	}
	feed, err := gofeed.NewParser().ParseString(files["bai-viet/index.xml"])
	if err != nil {
		t.Fatal(err)
	}
	if len(feed.Items) != 1 {
		t.Fatalf("%d items", len(feed.Items))
	}
	if got, want := feed.Items[0].Description, "&lt;img src=x onerror=alert(1)&gt; &amp; &lt;b&gt;đậm&lt;/b&gt;"; got != want {
		t.Errorf("description as a reader gets it: %q, want %q", got, want)
	}
}

// A slug collision is one error, not one more per QR file of the pages.
func TestSlugCollisionIsOneError(t *testing.T) {
	_, diags := build(t, `
-- content/bai-viet/Dân vận khéo.md --
+++
title = "A"
id = "a1"
+++
-- content/bai-viet/dan-van-kheo.md --
+++
title = "B"
id = "b1"
+++
`, Options{})
	if n := strings.Count(diags, ": error: "); n != 1 {
		t.Errorf("%d errors:\n%s", n, diags)
	}
}

// An undated page's search result shows no date, not 01/01/0001.
func TestUndatedPageSearchFragment(t *testing.T) {
	files, _ := build(t, `
-- content/bai-viet/a.md --
+++
title = "Không ngày"
+++
Nội dung.
`, Options{})
	found := false
	for p, data := range files {
		if strings.Contains(data, `"t":"Không ngày"`) {
			found = true
			if !strings.Contains(data, `"d":""`) || strings.Contains(data, "0001") {
				t.Errorf("%s: %s", p, data)
			}
		}
	}
	if !found {
		t.Fatal("no search fragment for the page")
	}
}

// A link to a heading another page does not have is reported at the link.
func TestMissingAnchorWarns(t *testing.T) {
	_, diags := build(t, `
-- content/chung/hoi-dap.md --
+++
title = "Hỏi đáp"
+++
## Câu 3
## Phụ lục {#phu-luc}
-- content/bai-viet/a.md --
+++
title = "A"
+++
Xem [câu 3](../chung/hoi-dap.md#cau-3), [phụ lục](../chung/hoi-dap.md#phu-luc)
và [câu 4](../chung/hoi-dap.md#cau-4).
`, Options{})
	want := `content/bai-viet/a.md:5:5: warning: link "../chung/hoi-dap.md#cau-4": content/chung/hoi-dap.md has no heading with id "cau-4"`
	if !strings.Contains(diags, want) {
		t.Errorf("diagnostics lack %q:\n%s", want, diags)
	}
	if strings.Count(diags, "has no heading") != 1 {
		t.Errorf("diagnostics:\n%s", diags)
	}
}
