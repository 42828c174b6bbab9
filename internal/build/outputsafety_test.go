package build

import (
	"strings"
	"testing"
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
