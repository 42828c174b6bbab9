package content

import (
	"testing"

	"bantin/internal/textstore"
)

// With Options.Texts, every document's body goes to the store as the
// document is read: the set holds no body, Text reads each back as it
// was (ref shortcodes resolved, line endings normalised), and a second
// MoveBody leaves it where it is.
func TestScanMovesBodiesToTheTextStore(t *testing.T) {
	files := map[string]string{
		"content/bai-viet/a.md":         "+++\ntitle = \"A\"\n+++\nThân bài A\r\ndòng 2\r\n",
		"content/bai-viet/b.md":         "+++\ntitle = \"B\"\n+++\nXem [A]({{< ref \"a.md\" >}}).\n",
		"content/bai-viet/nhap.md":      "+++\ntitle = \"Nháp\"\ndraft = true\n+++\nBản nháp\n",
		"content/bai-viet/trong.md":     "+++\ntitle = \"Trống\"\n+++\n",
		"content/bai-viet/goi/index.md": "---\ntitle: Gói\n---\nThân gói\n",
	}
	held, msgs := scan(t, files, Options{})
	if msgs != "" {
		t.Fatal(msgs)
	}
	st, err := textstore.NewFile(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	moved, _ := scan(t, files, Options{Texts: st})
	docs := append(append([]*Doc{}, moved.Docs...), moved.Hidden...)
	want := map[string]string{}
	for _, d := range append(append([]*Doc{}, held.Docs...), held.Hidden...) {
		want[d.Path] = string(d.Body)
	}
	if len(docs) != len(want) || len(docs) != 5 {
		t.Fatalf("%d documents moved, %d held", len(docs), len(want))
	}
	for _, d := range docs {
		if d.Body != nil {
			t.Errorf("%s: body still held", d.Path)
		}
		if got := string(d.Text()); got != want[d.Path] {
			t.Errorf("%s: Text() = %q, want %q", d.Path, got, want[d.Path])
		}
		size := st.Size()
		d.MoveBody(st)
		if st.Size() != size || string(d.Text()) != want[d.Path] {
			t.Errorf("%s: a second MoveBody moved it again", d.Path)
		}
	}
	if want["content/bai-viet/b.md"] == "Xem [A]({{< ref \"a.md\" >}}).\n" {
		t.Error("the ref shortcode was not resolved before the body moved")
	}
}
