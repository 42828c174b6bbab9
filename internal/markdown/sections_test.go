package markdown

import (
	"bytes"
	"testing"
)

// Every section's Body is the part of the page's HTML at its Start, with
// and without shortcodes (whose outputs change the lengths): the text
// store keeps the HTML once and each section as a part of it.
func TestSectionBodyIsPartOfHTML(t *testing.T) {
	srcs := []string{
		"Mở đầu.\n\n## Một\n\nA **b**.\n\n## Hai {.bia}\n\n- x\n- y\n",
		"## Đầu\n\nKhông có phần mở đầu.\n",
		"Chỉ một phần.",
		"Trước {{< qr x >}}.\n\n## Một {{< qr tiêu-đề >}}\n\n{{% box %}}\n**đậm**\n{{% /box %}}\n\n## Hai\n\nSau {{< qr y >}} hết.\n",
	}
	for _, src := range srcs {
		res, diags := renderShortcodes(t, Options{}, src)
		if diags != "" {
			t.Fatalf("%q: %s", src, diags)
		}
		var joined []byte
		for i, s := range res.Sections {
			part := res.HTML[s.Start : s.Start+len(s.Body)]
			if !bytes.Equal(part, s.Body) {
				t.Errorf("%q section %d: HTML[%d:] = %q, Body = %q", src, i, s.Start, part, s.Body)
			}
			joined = append(joined, s.Body...)
		}
		if !bytes.Contains(res.HTML, res.Sections[len(res.Sections)-1].Body) || len(joined) > len(res.HTML) {
			t.Errorf("%q: sections do not fit the HTML", src)
		}
	}
}
