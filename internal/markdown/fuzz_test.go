package markdown

import (
	"bytes"
	"html/template"
	"os"
	"strings"
	"testing"

	"bantin/internal/diag"
	"bantin/internal/imaging"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Tags, attributes and URL schemes that must never come out of Markdown
// when raw HTML is off.
var (
	unsafeTags    = map[string]bool{"script": true, "iframe": true, "object": true, "embed": true, "style": true, "link": true, "meta": true, "base": true, "form": true, "frame": true, "frameset": true, "svg": true, "math": true, "template": true}
	unsafeSchemes = []string{"javascript:", "vbscript:", "data:text/html", "file:"}
)

// FuzzRender: with raw HTML off, no input gives an unsafe tag, an event
// attribute or an unsafe URL scheme; every diagnostic is inside the input;
// heading and footnote IDs are unique; rendering never panics.
func FuzzRender(f *testing.F) {
	for _, s := range []string{
		"# Tiêu đề\n\n## Câu 1 {#cau-1 .hoi}\n\nĐoạn [liên kết](b.md#x) và ![ảnh](a.png).\n",
		"<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n",
		"[x](javascript:alert(1)) [y](JaVaScRiPt:alert(1)) <javascript:alert(1)>\n",
		"[x](&#106;avascript:alert(1)) [y](data:text/html,<script>)\n",
		"## A\n## A\n## A {#a}\n## a-1\n",
		"| a | b |\n|---|---|\n| <b>x</b> | `y` |\n",
		"Chú thích[^1].\n\n[^1]: Ghi chú.\n",
		"```go\nfunc main() {}\n```\n",
		"Thuật ngữ\n: Định nghĩa\n",
		"- [ ] việc\n- [x] xong\n",
		"<!--more-->\n\n<div onclick=\"x\">",
		"## Phụ lục {#cau-3}\n## Câu 3\n",
		"[a](<javascript:x>) [b]( javascript:x )\n",
		"![Họp](anh.jpg \"Chú thích\")\n\nVà ![](<a \" b.jpg>) trong dòng.\n",
		"[![x](a,b.jpg)](a.jpg)\n\n![y](javascript:x.jpg)\n",
	} {
		f.Add(s)
	}
	r := New(Options{Typographer: true, HighlightStyle: "github"})
	header, err := os.ReadFile("testdata/header-2000x1500.jpg")
	if err != nil {
		f.Fatal(err)
	}
	images := func(target string) (*imaging.Set, error) { // every .jpg is a planned photo
		if !strings.HasSuffix(target, ".jpg") {
			return nil, nil
		}
		return imaging.Plan(header, "b/"+target, "/b/"+target, imaging.Options{})
	}
	f.Fuzz(func(t *testing.T, src string) {
		var dl diag.List
		res, err := r.Render(Input{File: "content/a.md", Src: []byte(src), FirstLine: 5, Resolve: func(string) (string, error) { return "/b/", nil }, Image: images}, &dl)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Count(src, "\n") + 1
		for _, d := range dl.Items() {
			if d.Pos.File != "content/a.md" || d.Pos.Line < 5 || d.Pos.Line > lines+4 || d.Pos.Col < 0 {
				t.Errorf("%v: position outside the input's lines 5–%d", d, lines+4)
			}
		}
		checkSafeHTML(t, res.HTML)
	})
}

// checkSafeHTML parses out as a browser would and fails on an unsafe tag,
// an on* attribute, a URL with an unsafe scheme, or a repeated id.
func checkSafeHTML(t *testing.T, out []byte) {
	t.Helper()
	nodes, err := html.ParseFragment(bytes.NewReader(out), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		t.Fatalf("output does not parse: %v", err)
	}
	ids := map[string]bool{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if unsafeTags[n.Data] {
				t.Errorf("unsafe tag <%s> in %q", n.Data, out)
			}
			for _, a := range n.Attr {
				key := strings.ToLower(a.Key)
				if strings.HasPrefix(key, "on") || key == "style" || key == "srcdoc" || key == "formaction" {
					t.Errorf("unsafe attribute %s=%q in %q", a.Key, a.Val, out)
				}
				if key == "href" || key == "src" || key == "action" || key == "xlink:href" || key == "srcset" {
					for _, u := range urlsOf(key, a.Val) {
						v := strings.ToLower(strings.Map(dropSpace, u))
						for _, s := range unsafeSchemes {
							if strings.HasPrefix(v, s) {
								t.Errorf("unsafe URL %s=%q in %q", a.Key, a.Val, out)
							}
						}
					}
				}
				if key == "id" {
					if ids[a.Val] {
						t.Errorf("id %q twice in %q", a.Val, out)
					}
					ids[a.Val] = true
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
}

// urlsOf returns the URLs of an attribute: a srcset's candidates, or the
// value.
func urlsOf(key, val string) []string {
	if key != "srcset" {
		return []string{val}
	}
	var urls []string
	for _, c := range strings.Split(val, ",") {
		if f := strings.Fields(c); len(f) > 0 {
			urls = append(urls, f[0])
		}
	}
	return urls
}

// dropSpace removes what browsers ignore inside a URL's scheme.
func dropSpace(r rune) rune {
	if r <= ' ' || r == 0x7f {
		return -1
	}
	return r
}

// FuzzRenderShortcodes: the shortcode pass keeps FuzzRender's promises
// (safe HTML with raw HTML off, unique ids, positions inside the input),
// and no placeholder is left in the HTML or the text.
func FuzzRenderShortcodes(f *testing.F) {
	for _, s := range []string{
		"{{% box %}}\n## A\n{{% /box %}}\n\n## A\n",
		"{{< box >}}<script>x</script>{{< /box >}} {{< qr \"javascript:x\" >}}",
		"[x]({{< ref \"a\" >}}) `{{< y >}}` {{</* z */>}}",
		"{{% box %}}{{% box %}}*a*{{% /box %}}{{% /box %}}",
		"- {{< x >}}\n  {{% box %}}\n  b\n  {{% /box %}}\n",
		"# {{< x >}}\n\nBANTINSHORTCODE0X {{< y >}}",
	} {
		f.Add(s)
	}
	r := New(Options{Typographer: true})
	box := func(c ShortcodeCall) (template.HTML, error) {
		return template.HTML(`<div class="sc">` + string(c.Inner) + `</div>`), nil
	}
	f.Fuzz(func(t *testing.T, src string) {
		var dl diag.List
		res, err := r.Render(Input{File: "content/a.md", Src: []byte(src), FirstLine: 5, Shortcodes: box, Resolve: func(string) (string, error) { return "/b/", nil }}, &dl)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Count(src, "\n") + 1
		for _, d := range dl.Items() {
			if d.Pos.File != "content/a.md" || d.Pos.Line < 5 || d.Pos.Line > lines+4 || d.Pos.Col < 0 {
				t.Errorf("%v: position outside the input's lines 5–%d", d, lines+4)
			}
		}
		checkSafeHTML(t, res.HTML)
		if !strings.Contains(src, placeholderPrefix) && (bytes.Contains(res.HTML, []byte(placeholderPrefix)) || strings.Contains(res.Plain, placeholderPrefix)) {
			t.Errorf("a placeholder is left in %q", res.HTML)
		}
	})
}
