package diag

import (
	"fmt"
	"strings"
	"testing"
)

func TestPrintGroupsWarningsAndPutsErrorsLast(t *testing.T) {
	var l List
	for i := 1; i <= 6; i++ {
		l.Warnf(Pos{File: fmt.Sprintf("content/%d.md", i), Line: 1, Col: 1}, "no id: add id = %q to the front matter", fmt.Sprintf("id%d", i))
		l.Warnf(Pos{File: fmt.Sprintf("content/%d.md", i), Line: 2, Col: 1}, "unknown key %q", "tieu_de")
	}
	l.Warnf(Pos{File: "content/2.md", Line: 3, Col: 1}, "unknown key %q", "outputs")
	l.Warnf(Pos{File: "content/3.md", Line: 3, Col: 1}, "front-matter key %q is Hugo's (in %d files)", "outputs", 3)
	l.Warnf(Pos{File: "content/3.md", Line: 4, Col: 1}, "front-matter key %q is Hugo's (in %d files)", "markup", 2)
	l.Errorf(Pos{File: "content/1.md", Line: 9, Col: 2}, "broken link")
	var b strings.Builder
	Print(&b, l.Items(), Grouped)
	want := `content/1.md:1:1: warning: no id: add id = "id1" to the front matter [and 5 more like it: content/2.md:1:1, content/3.md:1:1, content/4.md:1:1, …; --verbose lists all]
content/1.md:2:1: warning: unknown key "tieu_de" [and 5 more like it: content/2.md:2:1, content/3.md:2:1, content/4.md:2:1, …; --verbose lists all]
content/2.md:3:1: warning: unknown key "outputs"
content/3.md:3:1: warning: front-matter key "outputs" is Hugo's (in 3 files)
content/3.md:4:1: warning: front-matter key "markup" is Hugo's (in 2 files)
content/1.md:9:2: error: broken link
`
	if b.String() != want {
		t.Errorf("grouped:\n%s\nwant:\n%s", b.String(), want)
	}
	b.Reset()
	Print(&b, l.Items(), Quiet)
	if b.String() != "content/1.md:9:2: error: broken link\n" {
		t.Errorf("quiet:\n%s", b.String())
	}
	b.Reset()
	Print(&b, l.Items(), Verbose)
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != 16 || !strings.Contains(lines[15], "error: broken link") {
		t.Errorf("verbose: %d lines, last %q", len(lines), lines[len(lines)-1])
	}
}
