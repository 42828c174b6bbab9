package content

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"bantin/internal/config"
	"bantin/internal/diag"
	"bantin/internal/meta"

	"golang.org/x/text/unicode/norm"
)

// checkPositions fails when a diagnostic is not in file or lies past the
// end of src (lines counted from 1; a column counts runes, at most the
// line's length plus one).
func checkPositions(t *testing.T, dl *diag.List, file string, src []byte) {
	t.Helper()
	lines := strings.Split(string(src), "\n")
	for _, d := range dl.Items() {
		p := d.Pos
		if p.File != file {
			t.Errorf("%v: file is not %s", d, file)
			continue
		}
		if p.Line < 0 || p.Line > len(lines)+1 || p.Col < 0 {
			t.Errorf("%v: position out of the file's %d lines", d, len(lines))
		}
	}
}

// FuzzReadDocument: content.Read never panics, positions stay in the file,
// a document it returns has NFC text, and every problem is a diagnostic.
func FuzzReadDocument(f *testing.F) {
	for _, s := range []string{
		"+++\ntitle = \"A\"\ndate = 2022-01-21T16:58:00\ntags = [\"a\", \"b\"]\n+++\nThân bài",
		"---\ntitle: Gói\ntags: [x]\n---\nBody\r\nline 2\r\n",
		"+++\ntitle = \"A\"\n",
		"+++\ntitle = 1\nweight = \"x\"\n[params]\na = [1, {b = 2}]\n+++\n",
		"---\ntitle: a\ntitle: b\n---\n",
		"\xef\xbb\xbf+++\r\ntitle = \"BOM\"\r\n+++\r\n",
		"+++\ntitle = \"\"\"\nnhiều\ndòng\"\"\"\n+++\n",
		"no front matter at all",
	} {
		f.Add([]byte(s))
	}
	var dl0 diag.List
	cfg := config.Load(fstest.MapFS{"config.toml": {Data: []byte(`baseURL = "https://x.vn/"`)}}, "", &dl0)
	f.Fuzz(func(t *testing.T, src []byte) {
		var dl diag.List
		fsys := fstest.MapFS{"content/bai-viet/x.md": {Data: src}}
		d := Read(fsys, "bai-viet/x.md", cfg, Options{Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}, &dl)
		checkPositions(t, &dl, "content/bai-viet/x.md", normalizeNewlines(src))
		if d == nil {
			if !dl.HasErrors() {
				t.Error("no document and no error")
			}
			return
		}
		if d.BodyLine < 1 {
			t.Errorf("BodyLine %d", d.BodyLine)
		}
		if !isNFC(string(d.Body)) || !isNFC(d.Front.Title) {
			t.Errorf("text not NFC: %q %q", d.Front.Title, d.Body)
		}
	})
}

// FuzzFrontMatter: the TOML and YAML decoders never panic, positions stay
// in the front matter's lines, and key positions too.
func FuzzFrontMatter(f *testing.F) {
	f.Add("title = \"A\"\ndate = 2022-01-21\ntopics = [\n  \"a\",\n  \"b\",\n]\n[params]\nx = 1\n", false)
	f.Add("title: A\ndate: 2022-01-21\ntopics:\n  - a\n  - b\nparams: {x: 1}\n", true)
	f.Add("[[a]]\nb = 1\n[[a]]\nb = 2\n", false)
	f.Add("a: &x [1]\nb: *x\n", true)
	f.Add("key = '''\nmulti\n'''\n", false)
	f.Fuzz(func(t *testing.T, src string, yaml bool) {
		var dl diag.List
		var doc *meta.Document
		if yaml {
			doc = meta.ParseYAML("f.md", []byte(src), 2, &dl)
		} else {
			doc = meta.ParseTOML("f.md", []byte(src), 2, &dl)
		}
		lines := strings.Count(src, "\n") + 2
		for _, d := range dl.Items() {
			if d.Pos.Line < 2 || d.Pos.Line > lines+1 || d.Pos.Col < 1 {
				t.Errorf("%v: position out of lines 2–%d or without a column", d, lines+1)
			}
		}
		if doc == nil {
			if !dl.HasErrors() {
				t.Error("no document and no error")
			}
			return
		}
		var fm FrontMatter
		var dl2 diag.List
		doc.Decode(&fm, time.UTC, &dl2)
		for _, d := range dl2.Items() {
			if d.Pos.Line < 2 || d.Pos.Line > lines+1 {
				t.Errorf("decode: %v: position out of lines 2–%d", d, lines+1)
			}
		}
	})
}

func isNFC(s string) bool { return norm.NFC.IsNormalString(s) }
