package meta

import (
	"strings"
	"testing"
	"time"

	"bantin/internal/diag"
)

type menuEntry struct {
	Name   string `toml:"name"`
	URL    string `toml:"url"`
	Weight int    `toml:"weight"`
}

type sample struct {
	Title  string                 `toml:"title"`
	Draft  bool                   `toml:"draft"`
	Weight int                    `toml:"weight"`
	Ratio  float64                `toml:"ratio"`
	Tags   []string               `toml:"tags"`
	Date   time.Time              `toml:"date"`
	Params map[string]any         `toml:"params"`
	Menus  map[string][]menuEntry `toml:"menus"`
	Markup struct {
		Unsafe bool `toml:"unsafe"`
	} `toml:"markup"`
}

var hcm = time.FixedZone("ICT", 7*3600)

func decodeTOML(t *testing.T, src string, firstLine int) (sample, string) {
	t.Helper()
	var dl diag.List
	var s sample
	if d := ParseTOML("f.toml", []byte(src), firstLine, &dl); d != nil {
		d.Decode(&s, hcm, &dl)
	}
	var msgs []string
	for _, d := range dl.Items() {
		msgs = append(msgs, d.String())
	}
	return s, strings.Join(msgs, "\n")
}

func TestDecodeTOML(t *testing.T) {
	src := `title = "Dân vận khéo"
draft = true
weight = 3
ratio = 2
tags = ["a", "b"]
date = 2022-01-21T16:58:00

[params]
x = { y = 1 }

[markup]
unsafe = true

[[menus.main]]
name = "Trang chủ"
url = "/"

[[menus.main]]
name = "Bài viết"
weight = 2
`
	s, msgs := decodeTOML(t, src, 1)
	if msgs != "" {
		t.Fatalf("unexpected diagnostics:\n%s", msgs)
	}
	if s.Title != "Dân vận khéo" || !s.Draft || s.Weight != 3 || s.Ratio != 2 || len(s.Tags) != 2 || !s.Markup.Unsafe {
		t.Errorf("decoded %+v", s)
	}
	if want := time.Date(2022, 1, 21, 16, 58, 0, 0, hcm); !s.Date.Equal(want) {
		t.Errorf("date %v, want %v (local times are in the site's zone)", s.Date, want)
	}
	if len(s.Menus["main"]) != 2 || s.Menus["main"][1].Weight != 2 {
		t.Errorf("menus %+v", s.Menus)
	}
}

func TestDecodeTOMLProblems(t *testing.T) {
	cases := []struct {
		name, src string
		firstLine int
		want      string
	}{
		{"wrong type", "title = \"x\"\nweight = \"ba\"\n", 1, `f.toml:2:1: error: weight must be a whole number, not the string "ba"`},
		{"offset", "title = 5\n", 2, `f.toml:2:1: error: title must be a string, not the number 5`},
		{"unknown key", "titel = \"x\"\n", 2, `f.toml:2:1: warning: unknown key "titel"`},
		{"unknown nested", "[markup]\n  unsave = true\n", 1, `f.toml:2:3: warning: unknown key "markup.unsave"`},
		{"syntax", "title = \"x\"\ntags = [\n", 2, `f.toml:3:9: error: invalid TOML: unexpected EOF; expected value`},
		{"bad date", "date = \"hôm qua\"\n", 1, `f.toml:1:1: error: date: cannot read "hôm qua" as a date (write 2022-01-21 or 2022-01-21T16:58:00+07:00)`},
		{"menu entry", "[[menus.main]]\nname = \"a\"\n[[menus.main]]\nname = 1\n", 1, `f.toml:4:1: error: menus.main.1.name must be a string, not the number 1`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, got := decodeTOML(t, c.src, c.firstLine); !strings.Contains(got, c.want) {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

func TestDecodeYAML(t *testing.T) {
	var dl diag.List
	var s sample
	src := "title: Đường đi\ndate: 2022-01-21\ntags: [a]\nweight: nhiều\n"
	d := ParseYAML("f.md", []byte(src), 2, &dl)
	if d == nil {
		t.Fatal(dl.Err())
	}
	d.Decode(&s, hcm, &dl)
	if s.Title != "Đường đi" || !s.Date.Equal(time.Date(2022, 1, 21, 0, 0, 0, 0, hcm)) {
		t.Errorf("decoded %+v", s)
	}
	want := `f.md:5:1: error: weight must be a whole number, not the string "nhiều"`
	if got := dl.Err(); got == nil || got.Error() != want {
		t.Errorf("got %v, want %s", got, want)
	}
	var dl2 diag.List
	if ParseYAML("f.md", []byte("title: [a\n"), 2, &dl2) != nil || !strings.HasPrefix(dl2.Err().Error(), "f.md:2:1: error: invalid YAML") {
		t.Errorf("YAML syntax error: %v", dl2.Err())
	}
}

// Every YAML error has a line and a column.
func TestYAMLErrorPositions(t *testing.T) {
	cases := []struct{ src, want string }{
		{"title: a\n  tags: [x\n", "f.md:3:"},
		{"title: a\ntitle: b\n", "f.md:3:1: error: invalid YAML: mapping key \"title\" already defined at line 2"},
		{"title: a\n   bad: : x\n", "f.md:3:"},
		{"a:\n  - b\n - c\n", "f.md:"},
		{"\t- x", "f.md:"},
	}
	for _, c := range cases {
		var dl diag.List
		if ParseYAML("f.md", []byte(c.src), 2, &dl) != nil {
			t.Errorf("%q parsed", c.src)
			continue
		}
		items := dl.Items()
		if len(items) != 1 || items[0].Pos.Line < 2 || items[0].Pos.Col < 1 || !strings.HasPrefix(items[0].String(), c.want) {
			t.Errorf("%q: %v, want a positioned %q", c.src, items, c.want)
		}
	}
}

func TestDateYearRange(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"date = 0000-01-01", "f.md:2:1: error: date: the year 0 is out of range: dates must lie between 1900 and 9999"},
		{"date = \"1899-12-31\"", "f.md:2:1: error: date: the year 1899 is out of range"},
		{"date = 1945-09-02T14:00:00", ""},
	} {
		var dl diag.List
		doc := ParseTOML("f.md", []byte(c.src), 2, &dl)
		var v struct {
			Date time.Time `toml:"date"`
		}
		doc.Decode(&v, time.UTC, &dl)
		got := ""
		if err := dl.Err(); err != nil {
			got = err.Error()
		}
		if c.want == "" && got != "" || !strings.HasPrefix(got, c.want) {
			t.Errorf("%s: %q, want %q", c.src, got, c.want)
		}
	}
}

// Forget keeps every key's position (compacted into a sorted slice), for
// TOML, YAML and JSON alike, and the nearest-ancestor fallback.
func TestForgetKeepsPositions(t *testing.T) {
	var dl diag.List
	docs := map[string]*Document{
		"toml": ParseTOML("a.md", []byte("title = \"A\"\ntags = [\"x\",\n  \"y\"]\n[params]\nmau = \"do\"\n[[menus.main]]\nname = \"M\"\n"), 2, &dl),
		"yaml": ParseYAML("b.md", []byte("title: B\ntags:\n  - x\nparams:\n  mau: do\n"), 2, &dl),
		"json": ParseJSON("c.md", []byte("{\"title\": \"C\",\n \"params\": {\"mau\": \"do\"}}\n"), 1, &dl),
	}
	if dl.HasErrors() {
		t.Fatal(dl.Items())
	}
	paths := [][]string{{"title"}, {"tags"}, {"tags", "1"}, {"params"}, {"params", "mau"}, {"params", "mau", "x"}, {"menus", "main"}, {"menus", "main", "0", "name"}, {"khong-co"}}
	for name, d := range docs {
		before := map[string]diag.Pos{}
		for _, p := range paths {
			before[strings.Join(p, ".")] = d.Pos(p...)
		}
		d.Forget()
		d.Forget() // a second time changes nothing
		if !d.Has("title") {
			t.Errorf("%s: title forgotten", name)
		}
		for _, p := range paths {
			if got, want := d.Pos(p...), before[strings.Join(p, ".")]; got != want {
				t.Errorf("%s: Pos(%v) after Forget = %v, before %v", name, p, got, want)
			}
		}
		if d.Pos("params", "mau") == d.Pos() {
			t.Errorf("%s: params.mau has no position of its own", name)
		}
	}
}
