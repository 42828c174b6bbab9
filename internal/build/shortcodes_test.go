package build

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"bantin/internal/tooltest"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/shortcodes")

// fixtureFS reads a txtar fixture and makes its generated files: a file
// whose text is "GENERATE png WxH" becomes a PNG of that size, "GENERATE
// bytes N" N bytes.
func fixtureFS(t *testing.T, txt string) fstest.MapFS {
	t.Helper()
	fsys := siteFS(t, txt)
	for _, f := range fsys {
		line := strings.TrimSpace(string(f.Data))
		var w, h, n int
		if _, err := fmt.Sscanf(line, "GENERATE png %dx%d", &w, &h); err == nil {
			f.Data = pngOf(t, w, h)
		} else if _, err := fmt.Sscanf(line, "GENERATE bytes %d", &n); err == nil {
			f.Data = bytes.Repeat([]byte{'x'}, n)
		}
	}
	return fsys
}

func pngOf(t *testing.T, w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = uint8(i)
	}
	img.Set(0, 0, color.White)
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

var svgElement = regexp.MustCompile(`(?s)<svg.*?</svg>`)

// bodyOf is the article body of a built page, each SVG drawing (QR codes,
// checked by TestShortcodeQRCodesScan) written as <svg/>.
func bodyOf(t *testing.T, html string) string {
	t.Helper()
	i := strings.Index(html, `<div class="article-body">`)
	if i < 0 {
		t.Fatal("no article body")
	}
	rest := html[i+len(`<div class="article-body">`):]
	end := strings.Index(rest, "\n  </div>\n")
	if end < 0 {
		t.Fatal("no end of the article body")
	}
	return svgElement.ReplaceAllString(strings.TrimSpace(rest[:end]), "<svg/>") + "\n"
}

// Every built-in shortcode writes what its golden file holds
// (testdata/shortcodes/NAME.golden.html; go test -run TestShortcodeGolden -update
// rewrites them).
func TestShortcodeGolden(t *testing.T) {
	fixtures, _ := filepath.Glob(filepath.Join("testdata", "shortcodes", "*.txtar"))
	if len(fixtures) < 8 {
		t.Fatalf("only %d fixtures", len(fixtures))
	}
	for _, fixture := range fixtures {
		name := strings.TrimSuffix(filepath.Base(fixture), ".txtar")
		t.Run(name, func(t *testing.T) {
			txt, err := os.ReadFile(fixture)
			if err != nil {
				t.Fatal(err)
			}
			res := Build(fixtureFS(t, string(txt)), Options{Now: fixedNow})
			if err := res.Diags.Err(); err != nil {
				t.Fatal(err)
			}
			var page string
			for _, f := range res.Files {
				if f.Path == "bai-viet/a/index.html" {
					page = string(f.Data)
				}
			}
			got := bodyOf(t, page)
			golden := strings.TrimSuffix(fixture, ".txtar") + ".golden.html"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("%s: the body differs from %s:\n%s", fixture, golden, got)
			}
		})
	}
}

// The QR codes of the qr, video, youtube and pdf blocks hold their URLs.
func TestShortcodeQRCodesScan(t *testing.T) {
	files := buildOK(t, `-- config.toml --
baseURL = "https://danvan.example.vn/ban-tin/"
-- content/bai-viet/a/index.md --
+++
title = "A"
id = "a00001"
+++
{{< qr "https://forms.example.vn/gop-y" >}}
{{< video src="v.mp4" >}}
{{< youtube aqz-KE-bpKQ >}}
{{< pdf src="d.pdf" >}}
-- content/bai-viet/a/v.mp4 --
v
-- content/bai-viet/a/d.pdf --
d
`)
	page := files["bai-viet/a/index.html"]
	i := strings.Index(page, `<div class="article-body">`)
	found := svgElement.FindAllString(page[i:], -1)
	want := []string{"https://forms.example.vn/gop-y", "https://danvan.example.vn/ban-tin/bai-viet/a/v.mp4", "https://www.youtube.com/watch?v=aqz-KE-bpKQ", "https://danvan.example.vn/ban-tin/bai-viet/a/d.pdf"}
	if len(found) < len(want) {
		t.Fatalf("%d QR codes in the body, want %d", len(found), len(want))
	}
	for k, w := range want {
		if got := tooltest.DecodeQR(t, tooltest.RasterizeQRSVG(t, []byte(found[k]), 4)); got != w {
			t.Errorf("QR code %d holds %q, want %q", k, got, w)
		}
	}
}
