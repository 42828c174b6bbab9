package qr

import (
	"bantin/internal/cputime"

	"bytes"
	"fmt"
	"image/png"
	"strings"
	"testing"

	"bantin/internal/tooltest"
)

func TestPNGDecodesAndHasDPI(t *testing.T) {
	const url = "https://danvan.example.vn/l/dvk001/"
	for _, level := range []Level{L, M, Q, H} {
		c, err := New(url, level)
		if err != nil {
			t.Fatal(err)
		}
		data, err := c.PNG(25, 300)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if got := tooltest.DecodeQR(t, img); got != url {
			t.Errorf("level %s decoded %q", level, got)
		}
		if w := img.Bounds().Dx(); w < 295 || w%c.Size() != 0 {
			t.Errorf("level %s: width %d px for %d modules; want ≥ 295 px (25 mm at 300 dpi), whole modules", level, w, c.Size())
		}
		if !bytes.Contains(data, []byte("pHYs\x00\x00\x2e\x23\x00\x00\x2e\x23\x01")) {
			t.Errorf("level %s: no 300 dpi pHYs chunk", level)
		}
	}
}

func TestQuietZone(t *testing.T) {
	c, _ := New("https://x.vn/l/a/", M)
	for i := 0; i < c.Size(); i++ {
		for q := 0; q < QuietZone; q++ {
			if c.Dark(i, q) || c.Dark(q, i) || c.Dark(i, c.Size()-1-q) || c.Dark(c.Size()-1-q, i) {
				t.Fatalf("dark module in the quiet zone at %d,%d", i, q)
			}
		}
	}
	if !c.Dark(QuietZone, QuietZone) {
		t.Error("finder pattern corner should be dark")
	}
}

// The SVG path, rasterised by hand, decodes to the same text.
func TestSVGIsOnePathThatDecodes(t *testing.T) {
	const url = "https://danvan.example.vn/l/dvk001/"
	c, _ := New(url, M)
	svg := string(c.SVG(25))
	if strings.Count(svg, "<path") != 1 || !strings.Contains(svg, `width="25mm"`) {
		t.Fatalf("svg: %s", svg[:200])
	}
	img := tooltest.RasterizeQRSVG(t, []byte(svg), 8)
	if got := tooltest.DecodeQR(t, img); got != url {
		t.Errorf("decoded %q", got)
	}
}

func TestCacheMakesOnce(t *testing.T) {
	cache := NewCache()
	a, _ := cache.Get("https://x.vn/", M)
	b, _ := cache.Get("https://x.vn/", M)
	if a != b {
		t.Error("same text made twice")
	}
	n1, _ := cache.Want("https://x.vn/", M)
	n2, _ := cache.Want("https://x.vn/", M)
	if n1 != n2 || len(cache.Wanted()) != 1 || FileName("https://x.vn/", M) == FileName("https://x.vn/", H) {
		t.Error("file names not content-addressed")
	}
	if _, err := ParseLevel("x"); err == nil {
		t.Error("bad level accepted")
	}
}

// The hand-written 1-bit PNG decodes with image/png to exactly the module
// matrix.
func TestPNGPixelsMatchModules(t *testing.T) {
	c, _ := New("https://danvan.example.vn/l/hgd009/", M)
	data, err := c.PNG(25, 300)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	px := img.Bounds().Dx() / c.Size()
	for y := 0; y < img.Bounds().Dy(); y++ {
		for x := 0; x < img.Bounds().Dx(); x++ {
			r, _, _, _ := img.At(x, y).RGBA()
			if dark := r == 0; dark != c.Dark(x/px, y/px) {
				t.Fatalf("pixel %d,%d dark=%v, module says %v", x, y, dark, c.Dark(x/px, y/px))
			}
		}
	}
}

func BenchmarkPNG(b *testing.B) {
	c, _ := New("https://danvan.example.vn/l/hgd009/", M)
	for i := 0; i < b.N; i++ {
		c.PNG(25, 300)
	}
}

// BenchmarkNew encodes short links as a site makes them, at level M:
// "reference" is the encoder before mask scoring went to one pass
// (reference_test.go), "present" is New, side by side.
//
//	go test -run '^$' -bench 'New$' -benchmem -count 5 ./internal/qr/
func BenchmarkNew(b *testing.B) {
	texts := make([]string, 64)
	for i := range texts {
		texts[i] = fmt.Sprintf("https://danvan.example.vn/l/%x/", 100000+i*7919)
	}
	for _, c := range []struct {
		name string
		new  func(string, Level) (*Code, error)
	}{{"reference", referenceNew}, {"present", New}} {
		b.Run(c.name, func(b *testing.B) {
			cputime.Thread(b, func() {
				i := 0
				for b.Loop() {
					c.new(texts[i%len(texts)], M)
					i++
				}
			})
		})
	}
}
