package search

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"bantin/internal/script"
	"bantin/internal/tooltest"

	"golang.org/x/text/unicode/norm"
)

// textCase is one row of testdata/text-cases.json, the table the Go and JS
// tokenizers must both pass.
type textCase struct {
	Note string  `json:"note"`
	In   string  `json:"in"`
	Out  [][]any `json:"out"` // [exact, key] or [exact, key, true] when Break
}

func loadTextCases(t *testing.T) []textCase {
	t.Helper()
	data, err := os.ReadFile("testdata/text-cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []textCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	return cases
}

func TestTokenizeTable(t *testing.T) {
	for _, c := range loadTextCases(t) {
		got := Tokenize(c.In)
		if len(got) != len(c.Out) {
			t.Errorf("%s: Tokenize(%q) = %v, want %d tokens", c.Note, c.In, got, len(c.Out))
			continue
		}
		for i, w := range c.Out {
			brk := len(w) > 2 && w[2] == true
			if got[i].Exact != w[0] || got[i].Key != w[1] || (i > 0 && got[i].Break != brk) {
				t.Errorf("%s: token %d of %q = %+v, want %v", c.Note, i, c.In, got[i], w)
			}
		}
	}
}

// The script is lowered for old browsers (no \p{…}, no u flag on the
// classes that had it) and minified. The explicit Unicode classes make it
// larger than its sources (56 KB from 31 KB; 13 KB with gzip, from 6 KB).
func TestScriptLoweredAndMinified(t *testing.T) {
	got, err := Script()
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"placeTone(chars)", `\p{`, "// ", "/u,", "/gu,"} {
		if bytes.Contains(got, []byte(bad)) {
			t.Errorf("script has %q: not lowered or not minified", bad)
		}
	}
}

// TestJSTextTable runs js/vi.test.js with node's test runner: the JS
// tokenizer must pass the same table as the Go one.
func TestJSTextTable(t *testing.T) {
	runJSTextTable(t, "js")
}

// The tokenizer passes the same table once lowered for old browsers (its
// \p{…} classes rewritten as ranges without the u flag).
func TestLoweredJSTextTable(t *testing.T) {
	lowered, err := script.Lower("vi.js", viJS)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	test, err := os.ReadFile(filepath.Join("js", "vi.test.js"))
	if err != nil {
		t.Fatal(err)
	}
	cases, err := os.ReadFile(filepath.Join("testdata", "text-cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	tooltest.WriteFiles(t, dir, map[string]string{"js/vi.js": string(lowered), "js/vi.test.js": string(test), "testdata/text-cases.json": string(cases)})
	runJSTextTable(t, filepath.Join(dir, "js"))
}

func runJSTextTable(t *testing.T, dir string) {
	t.Helper()
	node := tooltest.Require(t, "node", "nodejs")
	out, err := exec.Command(node, "--test", filepath.Join(dir, "vi.test.js")).CombinedOutput()
	if err != nil {
		t.Fatalf("node --test %s/vi.test.js: %v\n%s", dir, err, out)
	}
	if !bytes.Contains(out, []byte("# fail 0")) {
		t.Fatalf("unexpected node output:\n%s", out)
	}
}

func TestClip(t *testing.T) {
	cases := []struct {
		in   string
		n    int
		want string
	}{
		{"  Dân  vận\n khéo ", 100, "Dân vận khéo"},
		{"Dân vận khéo ở khu phố", 9, "Dân vận…"},
		{"Dânvậnkhéo", 4, "Dânv…"},
		{"", 5, ""},
		{"Dân vận", 0, ""}, // no room left in the page's budget
		{"Dân vận", -1, ""},
	}
	for _, c := range cases {
		if got := clip(c.in, c.n); got != c.want {
			t.Errorf("clip(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
}

func TestJSONString(t *testing.T) {
	for _, s := range []string{"Dân vận", `a "b" \c`, "x\ny\tz\x01", "</script>", ""} {
		var back string
		if err := json.Unmarshal(jsonString(s), &back); err != nil || back != s {
			t.Errorf("jsonString(%q) = %s: %v", s, jsonString(s), err)
		}
	}
}

func TestClipCutsAtSpaces(t *testing.T) {
	in := strings.Repeat("Dân vận khéo\n\nở khu phố. ", 50)
	got := clip(in, 100)
	if n := utf8.RuneCountInString(got); n > 101 || !strings.HasSuffix(got, "…") || strings.Contains(got, "\n") || strings.Contains(got, "  ") {
		t.Errorf("clip: %d runes: %q", n, got)
	}
}

// Every token has a key, an NFC exact form, and tokenizes to itself
// (found by fuzzing: a lone U+0301 gave an empty key, "ΰİ" an exact form
// that was not NFC).
func TestTokenInvariants(t *testing.T) {
	for _, in := range []string{"\u0301", "ΰİ", "İAΰ00", "a\u0301\u0301", "Dân vận khéo", "x \u0300\u0301 y", "ǅ"} {
		checkTokens(t, in)
	}
}

func checkTokens(t *testing.T, in string) {
	t.Helper()
	for _, tk := range Tokenize(in) {
		if tk.Key == "" {
			t.Errorf("Tokenize(%q): token %q has an empty key", in, tk.Exact)
		}
		if !norm.NFC.IsNormalString(tk.Exact) {
			t.Errorf("Tokenize(%q): exact %+q is not NFC", in, tk.Exact)
		}
		if again := Tokenize(tk.Exact); len(again) != 1 || again[0].Exact != tk.Exact || again[0].Key != tk.Key {
			t.Errorf("Tokenize(%q): exact %+q tokenizes to %+v", in, tk.Exact, again)
		}
	}
}
