package markdown

import (
	"fmt"
	"strings"
	"testing"

	"bantin/internal/diag"
)

func renderPlain(t testing.TB, src string) (*Result, string) {
	t.Helper()
	var dl diag.List
	res, err := New(Options{Typographer: true, HighlightStyle: "github"}).Render(Input{File: "content/x.md", Src: []byte(src), FirstLine: 4, Resolve: func(string) (string, error) { return "/", nil }}, &dl)
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, d := range dl.Items() {
		msgs = append(msgs, d.String())
	}
	return res, strings.Join(msgs, "\n")
}

func nestedList(depth int) string {
	var b strings.Builder
	for i := range depth {
		b.WriteString(strings.Repeat("  ", i) + "- mục\n")
	}
	return b.String()
}

// Input that would take goldmark seconds is refused at its line before it
// is parsed; ordinary deep input is not.
func TestCostlyInputRefused(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"list nested 2,000 deep", "Mở đầu.\n\n" + nestedList(2000), "content/x.md:207:1: error: this line is indented 402 columns"},
		{"unclosed links", "Mở đầu.\n\n" + strings.Repeat("[a](", 50000), "content/x.md:6:1: error: this paragraph holds more than 10000 \"[\""},
		{"quotes", strings.Repeat(">", 101) + " a\n", "content/x.md:4:1: error: this line opens 101 nested quotes"},
	}
	for _, c := range cases {
		_, msgs := renderPlain(t, c.src)
		if !strings.HasPrefix(msgs, c.want) {
			t.Errorf("%s: %q, want %q", c.name, msgs, c.want)
		}
	}
	fine := []string{
		nestedList(100),
		strings.Repeat("[a](b) ", 2000),
		"```\n" + strings.Repeat(" ", 1000) + "mã\n```\n",
		strings.Repeat("[", 6000) + "\n\n" + strings.Repeat("[", 6000),
	}
	for i, src := range fine {
		if _, msgs := renderPlain(t, src); msgs != "" {
			t.Errorf("fine input %d refused: %s", i, msgs)
		}
	}
}

// Heading positions are found by binary search: 4,000 headings cost about
// four times 1,000 (they cost 255 ms against 27 ms when each position
// counted lines from the start).
func BenchmarkHeadings(b *testing.B) {
	for _, n := range []int{1000, 4000} {
		src := strings.Repeat("## Tiêu đề mục\n\nMột đoạn văn ngắn.\n\n", n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				renderPlain(b, src)
			}
		})
	}
}

// Heading IDs: the text of a link, not its URL; an explicit {#id} keeps
// its value and an earlier automatic one moves aside; the theme's own ids
// are never taken.
func TestHeadingIDsVietnameseEdges(t *testing.T) {
	res, msgs := renderPlain(t, "## Xem [Luật](https://x.vn/luat) mới\n## Câu 3\n## Phụ lục {#cau-3}\n## Tiện ích\n## Nội dung\n## Tiện ích\n")
	if msgs != "" {
		t.Fatal(msgs)
	}
	want := []string{`<h2 id="xem-luat-moi">`, `<h2 id="cau-3-1">Câu 3</h2>`, `<h2 id="cau-3">Phụ lục</h2>`, `<h2 id="tien-ich-1">`, `<h2 id="noi-dung-1">`, `<h2 id="tien-ich-2">`}
	for _, w := range want {
		if !strings.Contains(string(res.HTML), w) {
			t.Errorf("HTML lacks %s:\n%s", w, res.HTML)
		}
	}
}

// The typographer's entities are text in IDs, titles and the TOC: a
// heading 'Tinh thần "tốt đời"' is tinh-than-tot-doi, not …-ldquo-….
func TestTypographerEntitiesAreText(t *testing.T) {
	res, _ := renderPlain(t, "## Tinh thần \"tốt đời, đẹp đạo\"\n\nĐoạn -- văn...\n")
	if !strings.Contains(string(res.HTML), `id="tinh-than-tot-doi-dep-dao"`) {
		t.Errorf("HTML: %s", res.HTML)
	}
	if got := res.Sections[1].Title; got != "Tinh thần “tốt đời, đẹp đạo”" {
		t.Errorf("section title %q", got)
	}
	if got := res.TOC[0].Text; got != "Tinh thần “tốt đời, đẹp đạo”" {
		t.Errorf("TOC text %q", got)
	}
}
