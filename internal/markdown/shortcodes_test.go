package markdown

import (
	"errors"
	"fmt"
	"html/template"
	"strings"
	"testing"

	"bantin/internal/diag"
)

// echo renders a call as [name args|inner], and fails on "bad".
func echo(c ShortcodeCall) (template.HTML, error) {
	if c.Name == "bad" {
		return "", errors.New(`unknown shortcode "bad"`)
	}
	var args []string
	for _, a := range c.Args {
		args = append(args, a.Key+a.Value)
	}
	if c.Name == "box" {
		return template.HTML(fmt.Sprintf("<div class=\"box\">%s</div>", c.Inner)), nil
	}
	return template.HTML(fmt.Sprintf("<b>[%s %s|%s]</b>", c.Name, strings.Join(args, ","), c.Inner)), nil
}

func renderShortcodes(t *testing.T, opts Options, src string) (*Result, string) {
	t.Helper()
	var dl diag.List
	res, err := New(opts).Render(Input{File: "content/a.md", Src: []byte(src), FirstLine: 5, Shortcodes: echo}, &dl)
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, d := range dl.Items() {
		msgs = append(msgs, d.String())
	}
	return res, strings.Join(msgs, "\n")
}

func TestShortcodeOutput(t *testing.T) {
	tests := []struct{ src, want string }{
		{"{{< qr \"https://a.vn\" >}}", "<b>[qr https://a.vn|]</b>\n"},
		{"Xem {{< qr x >}} nhé.", "<p>Xem <b>[qr x|]</b> nhé.</p>\n"},
		{"{{% box %}}\n**đậm**\n\n- a\n{{% /box %}}\n\nSau.", "<div class=\"box\"><p><strong>đậm</strong></p>\n<ul>\n<li>a</li>\n</ul></div>\n<p>Sau.</p>\n"},
		{"{{< box >}}<i>{{< qr x >}}</i>{{< /box >}}", "<div class=\"box\">&lt;i&gt;<b>[qr x|]</b>&lt;/i&gt;</div>\n"},
		{"Chữ {{% mark %}}*nghiêng*{{% /mark %}}.", "<p>Chữ <b>[mark |<em>nghiêng</em>]</b>.</p>\n"},
		{"`{{< qr x >}}` và\n\n```\n{{< qr y >}}\n```\n", "<p><code>{{&lt; qr x &gt;}}</code> và</p>\n<pre><code>{{&lt; qr y &gt;}}\n</code></pre>\n"},
		{"Cú pháp: `{{</* qr x */>}}`", "<p>Cú pháp: <code>{{&lt; qr x &gt;}}</code></p>\n"},
		{"{{% box %}}{{% box %}}trong{{% /box %}}{{% /box %}}", "<div class=\"box\"><div class=\"box\"><p>trong</p></div></div>\n"},
	}
	for _, tt := range tests {
		res, diags := renderShortcodes(t, Options{}, tt.src)
		if diags != "" {
			t.Errorf("%q: %s", tt.src, diags)
		}
		if string(res.HTML) != tt.want {
			t.Errorf("%q:\n got %q\nwant %q", tt.src, res.HTML, tt.want)
		}
	}
}

func TestShortcodeTextAndPositions(t *testing.T) {
	src := "# Tựa\n\n{{% box %}}\nGhi chú [liên kết](b.md)\n{{% /box %}}\n\nĐoạn có {{< bad >}} và {{< x \"a >}}\n\n[sau](c.md)\n"
	var dl diag.List
	res, err := New(Options{}).Render(Input{File: "content/a.md", Src: []byte(src), FirstLine: 5, Shortcodes: echo,
		Resolve: func(target string) (string, error) { return "", errors.New("does not exist") }}, &dl)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range dl.Items() {
		got = append(got, d.String())
	}
	want := []string{
		`content/a.md:8:10: error: broken link "b.md": does not exist`,
		`content/a.md:11:9: error: unknown shortcode "bad"`,
		`content/a.md:11:30: error: shortcode "x": the quoted argument is not closed by "`,
		`content/a.md:13:2: error: broken link "c.md": does not exist`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(res.Plain, "Ghi chú liên kết") || strings.Contains(res.Plain, "BANTINSHORTCODE") {
		t.Errorf("plain text: %q", res.Plain)
	}
}

func TestPlainTextLeavesOutPrintForms(t *testing.T) {
	got := plainText(`<figure><video><a href="x">Tải</a></video><figcaption>Khai mạc <br>ngày hội</figcaption><div class="print-only x"><img src="p"><p>Quét <b>mã</b></p><svg><text>QR</text></svg></div><script>var a</script></figure> sau`)
	if got != "Tải Khai mạc ngày hội sau" {
		t.Errorf("plainText = %q", got)
	}
}

// BenchmarkShortcodesOneLine renders 20,000 inline calls on one line: the
// placeholder pass stays linear (b.SetBytes gives MB/s).
func BenchmarkShortcodesOneLine(b *testing.B) {
	src := []byte(strings.Repeat(`chữ {{< x a="1" >}} `, 20000))
	r := New(Options{})
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		var dl diag.List
		if _, err := r.Render(Input{File: "a.md", Src: src, FirstLine: 1, Shortcodes: echo}, &dl); err != nil || dl.HasErrors() {
			b.Fatal(err, dl.Err())
		}
	}
}

// A heading inside a {{% %}} pair and one outside it get different ids.
func TestShortcodeHeadingIDsUniqueOnPage(t *testing.T) {
	res, diags := renderShortcodes(t, Options{}, "## Lưu ý\n\n{{% box %}}\n## Lưu ý\n{{% /box %}}\n")
	if diags != "" {
		t.Fatal(diags)
	}
	mustContain(t, string(res.HTML), `<h2 id="luu-y">`, `<h2 id="luu-y-1">`)
}

// A footnote inside a {{% %}} pair and one outside it get different ids.
func TestShortcodeFootnoteIDsUniqueOnPage(t *testing.T) {
	res, diags := renderShortcodes(t, Options{}, "Câu[^1]\n\n[^1]: a\n\n{{% box %}}\nB[^1]\n\n[^1]: b\n{{% /box %}}\n")
	if diags != "" {
		t.Fatal(diags)
	}
	checkSafeHTML(t, res.HTML) // unique ids
	mustContain(t, string(res.HTML), `<li id="fn:1">`, `<li id="k1-fn:1">`, `href="#k1-fn:1"`)
}

// What a {{% %}} pair's text holds counts for the page: its heading ids,
// its links to other pages' headings, its highlighted code.
func TestShortcodeInnerCountsForThePage(t *testing.T) {
	var dl diag.List
	src := "{{% box %}}\n## Trong\n\n[x](b.md#phan-2)\n\n```go\nx := 1\n```\n{{% /box %}}\n"
	res, err := New(Options{HighlightStyle: "github"}).Render(Input{File: "content/a.md", Src: []byte(src), FirstLine: 5, Shortcodes: echo,
		Resolve: func(string) (string, error) { return "/b/", nil }}, &dl)
	if err != nil || dl.HasErrors() {
		t.Fatal(err, dl.Err())
	}
	if !res.HasCode || len(res.Anchors) != 1 || res.Anchors[0].Fragment != "phan-2" || res.Anchors[0].Pos.Line != 8 || len(res.IDs) != 1 || res.IDs[0] != "trong" {
		t.Errorf("HasCode %v, Anchors %+v, IDs %v", res.HasCode, res.Anchors, res.IDs)
	}
}

// A problem inside a {{% %}} pair that starts mid-line is at its column.
func TestShortcodeInnerColumns(t *testing.T) {
	_, diags := renderShortcodes(t, Options{}, "Đầu {{% box %}}và {{< bad >}}\n{{< bad >}}{{% /box %}}")
	want := "content/a.md:5:19: error: unknown shortcode \"bad\"\ncontent/a.md:6:1: error: unknown shortcode \"bad\""
	if diags != want {
		t.Errorf("got\n%s\nwant\n%s", diags, want)
	}
}

// A call that spans lines inside a paragraph does not move the lines
// after it.
func TestShortcodeInlineOverLines(t *testing.T) {
	res, diags := renderShortcodes(t, Options{}, "Xem {{< qr\n  url=\"x\"\n>}} nhé {{< bad >}}\nvà {{< bad >}}")
	want := "content/a.md:7:9: error: unknown shortcode \"bad\"\ncontent/a.md:8:4: error: unknown shortcode \"bad\""
	if diags != want {
		t.Errorf("got\n%s\nwant\n%s", diags, want)
	}
	if got := string(res.HTML); got != "<p>Xem <b>[qr urlx|]</b>\n\n nhé \nvà </p>\n" {
		t.Errorf("HTML %q", got)
	}
}

// A link after a call on the same line is reported at its own column.
func TestShortcodeKeepsColumnsAfterIt(t *testing.T) {
	var dl diag.List
	src := "Xem {{< qr \"https://a.vn/\" >}} rồi [đọc](thieu.md)."
	_, err := New(Options{}).Render(Input{File: "content/a.md", Src: []byte(src), FirstLine: 5, Shortcodes: echo,
		Resolve: func(string) (string, error) { return "", errors.New("does not exist") }}, &dl)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := dl.Items()[0].String(), `content/a.md:5:37: error: broken link "thieu.md": does not exist`; got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}
