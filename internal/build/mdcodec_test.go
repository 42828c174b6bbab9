package build

import (
	"reflect"
	"testing"

	"bantin/internal/diag"
	"bantin/internal/markdown"
)

func sampleCachedMarkdown() cachedMarkdown {
	html := []byte("<p>Mở đầu</p>\n<h2 id=\"mot\">Một</h2>\n<p>A</p>\n")
	return cachedMarkdown{
		Result: &markdown.Result{
			HTML: html,
			Sections: []markdown.Section{
				{Start: 0, Body: html[:15:15], Plain: "Mở đầu"},
				{ID: "mot", Title: "Một", Classes: []string{"bia", "x"}, Line: 7, Start: 40, Body: html[40:49:49], Plain: "A"},
			},
			TOC:   []markdown.Heading{{Level: 2, ID: "mot", Text: "Một"}},
			Plain: "Mở đầu\nMột\nA", Summary: "Mở đầu A", WordCount: 4,
			IDs:     []string{"mot"},
			Anchors: []markdown.Anchor{{Target: "b.md", Fragment: "cau-3", Pos: diag.Pos{File: "content/a.md", Line: 9, Col: 2}}},
			HasCode: true,
		},
		Diags:  []diag.Diagnostic{{Pos: diag.Pos{File: "content/a.md", Line: 3, Col: 1}, Severity: diag.Warning, Msg: "cảnh báo"}},
		Links:  []resolved{{Target: "b.md", URL: "/b/"}, {Target: "x.md", Err: "không có"}},
		Images: []resolved{{Target: "anh.jpg", URL: `{"w":1}`}},
	}
}

// What is written reads back the same, each section's body the part of
// the HTML it was.
func TestCachedMarkdownRoundTrip(t *testing.T) {
	for _, e := range []cachedMarkdown{sampleCachedMarkdown(), {Result: &markdown.Result{}}} {
		got, err := decodeCachedMarkdown(encodeCachedMarkdown(e))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(normalise(got), normalise(e)) {
			t.Errorf("read back\n%#v\nwant\n%#v", got.Result, e.Result)
		}
	}
}

// normalise makes empty and nil slices alike, for comparing.
func normalise(e cachedMarkdown) cachedMarkdown {
	r := *e.Result
	if len(r.HTML) == 0 {
		r.HTML = nil
	}
	e.Result = &r
	return e
}

// A damaged entry (cut anywhere, or with a byte changed) is an error or
// decodes to something, never a panic; a cut one is always an error.
func TestCachedMarkdownDamaged(t *testing.T) {
	data := encodeCachedMarkdown(sampleCachedMarkdown())
	for i := 0; i < len(data); i++ {
		if _, err := decodeCachedMarkdown(data[:i]); err == nil {
			t.Fatalf("an entry cut at %d of %d decodes", i, len(data))
		}
		for _, b := range []byte{0, 0x7f, 0x80, 0xff} {
			bad := append([]byte(nil), data...)
			bad[i] = b
			decodeCachedMarkdown(bad)
		}
	}
}

func FuzzCachedMarkdown(f *testing.F) {
	f.Add(encodeCachedMarkdown(sampleCachedMarkdown()))
	f.Fuzz(func(t *testing.T, data []byte) {
		if e, err := decodeCachedMarkdown(data); err == nil {
			if again, err := decodeCachedMarkdown(encodeCachedMarkdown(e)); err != nil || !reflect.DeepEqual(normalise(again), normalise(e)) {
				t.Fatalf("a decoded entry does not survive writing again: %v", err)
			}
		}
	})
}
