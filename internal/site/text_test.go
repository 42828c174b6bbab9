package site

import (
	"reflect"
	"strings"
	"testing"

	"bantin/internal/content"
	"bantin/internal/markdown"
	"bantin/internal/textstore"
)

// What goes into the text store comes back: the page's HTML and text, its
// sections (each body a part of the HTML) and its table of contents.
func TestStoredPageReadsBack(t *testing.T) {
	html := "<p>Mở đầu</p>\n<h2 id=\"mot\">Một</h2>\n<p>A</p>\n<h2 id=\"bia\" class=\"bia x\">Bìa</h2>\n<ul><li>b</li></ul>\n"
	secs := []markdown.Section{
		{Body: []byte("<p>Mở đầu</p>\n"), Start: 0, Plain: "Mở đầu"},
		{ID: "mot", Title: "Một", Line: 7, Start: strings.Index(html, "<p>A"), Body: []byte("<p>A</p>\n"), Plain: "A"},
		{ID: "bia", Title: "Bìa", Classes: []string{"bia", "x"}, Line: 11, Start: strings.Index(html, "<ul>"), Body: []byte("<ul><li>b</li></ul>\n"), Plain: "b"},
	}
	for i, s := range secs {
		if got := html[s.Start : s.Start+len(s.Body)]; got != string(s.Body) {
			t.Fatalf("fixture: section %d is %q in the HTML", i, got)
		}
	}
	toc := []markdown.Heading{{Level: 2, ID: "mot", Text: "Một"}, {Level: 3, ID: "", Text: ""}, {Level: 2, ID: "bia", Text: "Bìa — “trang”"}}
	for name, st := range map[string]*textstore.Store{"memory": textstore.NewMem(), "file": fileStore(t)} {
		r := StoreRendered(st, &markdown.Result{HTML: []byte(html), Plain: "Mở đầu\nA\nb", Sections: secs, TOC: toc})
		p := &Page{}
		Refresh(p, docFixture(), r)
		if string(p.Content()) != html || p.Plain() != "Mở đầu\nA\nb" {
			t.Errorf("%s: content %q, plain %q", name, p.Content(), p.Plain())
		}
		got := p.Sections()
		if len(got) != len(secs) {
			t.Fatalf("%s: %d sections", name, len(got))
		}
		for i, s := range got {
			w := secs[i]
			if s.ID != w.ID || s.Title != w.Title || !reflect.DeepEqual(s.Classes, w.Classes) || s.Line != w.Line ||
				string(s.Body()) != string(w.Body) || s.Plain() != w.Plain {
				t.Errorf("%s: section %d = %+v (body %q, plain %q), want %+v", name, i, s, s.Body(), s.Plain(), w)
			}
		}
		if !reflect.DeepEqual(p.TOC(), toc) {
			t.Errorf("%s: TOC %+v, want %+v", name, p.TOC(), toc)
		}
	}
	if (&Page{}).Sections() != nil || (&Page{}).TOC() != nil || (&Page{}).Content() != "" {
		t.Error("a page with nothing stored reads something")
	}
}

func fileStore(t *testing.T) *textstore.Store {
	st, err := textstore.NewFile(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func docFixture() *content.Doc { return &content.Doc{Path: "content/a.md", Rel: "a.md"} }
