package script

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"bantin/internal/tooltest"
)

func TestLowerMinifies(t *testing.T) {
	out, err := Lower("a.js", []byte("var total = 0;\nfunction add(value) { total = total + value; return total; }\nvar f = function (x) { return x ?? add(x?.y); };\n"))
	if err != nil {
		t.Fatal(err)
	}
	if s := string(out); strings.Contains(s, "?.") || strings.Contains(s, "??") || strings.Contains(s, "\n  ") {
		t.Errorf("not lowered or not minified:\n%s", s)
	}
}

// What esbuild cannot lower to Chrome 49 and Safari 10 fails, with the
// script's path, line and column (in characters).
func TestLowerFails(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"var n = 1;\nvar s = 'đường'; for (var c of s) {}", "a.js:2:29: error: Transforming for-of loops"},
		{"var n = 1n;", "a.js:1:9: error: Big integer literals"},
		{"var r = /(?<n>\\d+)/;", "a.js: error: a regular expression uses syntax that Chrome 49 and Safari 10 lack"},
		{"var r = /[^\\p{L}]/u;", "a.js: regular expression /[^\\p{L}]/: only whole classes"},
		{"var r = /\\p{Script=Latin}/u;", "only whole classes"},
		{"var r = /\\p{Lo}/u;", "unknown Unicode property \\p{Lo}"},
		{"var s = '\\\\p{L}';", "outside a regular expression literal"},
	} {
		_, err := Lower("a.js", []byte(c.src))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.src, err, c.want)
		}
	}
}

// The explicit ranges that replace \p{…} match exactly the code points Go's
// unicode package puts in those categories, astral ones included, in node
// (without the u flag, as old browsers run them).
func TestPropertyClassesMatchGo(t *testing.T) {
	node := tooltest.Require(t, "node", "nodejs")
	classes := []string{`[\p{L}\p{Nd}\p{Mn}]`, `\p{Mn}`, `[\p{L}\p{N}\p{Mn}]`, `\p{Lu}`}
	var js strings.Builder
	js.WriteString("var bad = [];\n")
	for i, class := range classes {
		rw, err := rewriteProperties("var re = /^" + class + "$/u;")
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(rw.body, "/u") || strings.Contains(rw.prelude, `,"u")`) {
			t.Fatalf("%s kept its u flag", rw.body)
		}
		js.WriteString(rw.prelude + rw.body + "\nvar want = " + `"` + membership(class) + `"` + ";\n")
		js.WriteString("for (var c = 0; c <= 0x10FFFF; c++) { if (c >= 0xD800 && c <= 0xDFFF) continue;\n" +
			"  if (re.test(String.fromCodePoint(c)) !== (want.charCodeAt(c >> 3) - 48 >> (c & 7) & 1) > 0) { bad.push(" + `"` + class + ` U+"` + " + c.toString(16)); if (bad.length > 20) break; } }\n")
		_ = i
	}
	js.WriteString("if (bad.length) { console.log(bad.join('\\n')); process.exit(1); }\n")
	file := filepath.Join(t.TempDir(), "classes.js")
	if err := os.WriteFile(file, []byte(js.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(node, file).CombinedOutput(); err != nil {
		t.Fatalf("node: %v\n%s", err, out)
	}
}

// membership is a string whose character n holds, as 48 + bits, whether
// code points 8n…8n+7 are in the class per Go's unicode tables.
func membership(class string) string {
	var tables []*unicode.RangeTable
	for _, m := range propertyName.FindAllStringSubmatch(class, -1) {
		tables = append(tables, unicode.Categories[m[1]])
	}
	b := make([]byte, 0x110000/8)
	for c := rune(0); c <= unicode.MaxRune; c++ {
		if unicode.In(c, tables...) {
			b[c>>3] |= 1 << (c & 7)
		}
	}
	var s strings.Builder
	for _, x := range b {
		s.WriteString(`\u` + strings.ToUpper(strconvHex(int(x)+48)))
	}
	return s.String()
}

func strconvHex(v int) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[v>>12&15], digits[v>>8&15], digits[v>>4&15], digits[v&15]})
}

// Each property's ranges are written once however many literals use it,
// and a literal with the g flag is made afresh where it stood.
func TestPropertiesShared(t *testing.T) {
	out, err := Lower("a.js", []byte("var a = /[\\p{L}\\p{Mn}]/u, b = /\\p{L}+$/u;\nfunction f(s) { return s.replace(/\\p{Mn}/gu, ''); }\n"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	if n := strings.Count(s, prefix+"Ranges(\""); n != 2 {
		t.Errorf("%d encoded properties, want 2 (L and Mn):\n%s", n, s)
	}
	if !strings.Contains(s, `.replace(new RegExp(`+prefix+`Source2,"g")`) {
		t.Errorf("the g literal is not made where it stood:\n%s", s)
	}
}

// An error on the first line of a script with a prelude is placed in the
// script as written, not after the prelude.
func TestLowerFailsOnFirstLineAfterPrelude(t *testing.T) {
	_, err := Lower("a.js", []byte("var n = 1n; var w = /\\p{L}/u;"))
	if err == nil || !strings.Contains(err.Error(), "a.js:1:9: error: Big integer literals") {
		t.Errorf("error %v, want it at a.js:1:9", err)
	}
}
