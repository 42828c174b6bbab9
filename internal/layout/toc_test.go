package layout

import (
	"html/template"
	"strings"
	"testing"

	"bantin/internal/markdown"
)

// tocItems writes, byte for byte, what the range it replaced in the
// theme's single.html wrote, hostile headings included.
func TestTOCItemsMatchTheTemplate(t *testing.T) {
	const old = `<ol>{{ range .TOC }}<li class="toc-h{{ .Level }}"><a href="#{{ .ID }}">{{ .Text }}</a></li>{{ end }}</ol>`
	ref := template.Must(template.New("old").Parse(old))
	for _, toc := range [][]markdown.Heading{
		nil,
		{{Level: 2, ID: "dan-van-kheo", Text: "Dân vận khéo"}, {Level: 3, ID: "cau-1", Text: "Câu 1"}},
		{{Level: 2, ID: `đ"<>&'+ %2F/#?=é~._-`, Text: "C++ & <b>\"Đ\"</b> 'x' \x00 1+1"}, {Level: 6, ID: "", Text: ""}},
		{{Level: 4, ID: "a\xffb", Text: "bad \xff utf-8 \ufdd0"}},
	} {
		var want strings.Builder
		if err := ref.Execute(&want, struct{ TOC []markdown.Heading }{toc}); err != nil {
			t.Fatal(err)
		}
		if got := "<ol>" + string(tocHTML(toc)) + "</ol>"; got != want.String() {
			t.Errorf("TOC %+v:\n got %s\nwant %s", toc, got, want.String())
		}
	}
}
