package layout

import (
	"bytes"
	"testing"
	"testing/fstest"

	"bantin/internal/config"
	"bantin/internal/diag"
	"bantin/internal/qr"
)

// With resized copies (image processing), the figure's image is a
// <picture> with a WebP source and a JPEG srcset, both with sizes.
func TestFigureWithCopiesIsAPicture(t *testing.T) {
	var dl diag.List
	cfg := config.Load(fstest.MapFS{}, "", &dl)
	tm := Load(fstest.MapFS{}, cfg, qr.NewCache(), &dl)
	if err := dl.Err(); err != nil {
		t.Fatal(err)
	}
	img := &Image{URL: "/a/anh.jpg", Type: "image/jpeg", Width: 1600, Height: 1200, Copies: []ImageCopy{
		{URL: "/a/anh-480.webp", Type: "image/webp", Width: 480}, {URL: "/a/anh-800.webp", Type: "image/webp", Width: 800},
		{URL: "/a/anh-480.jpg", Type: "image/jpeg", Width: 480}, {URL: "/a/anh-800.jpg", Type: "image/jpeg", Width: 800},
	}}
	var b bytes.Buffer
	ct := tm.composed["shortcodes/figure.html"]
	if err := ct.set.ExecuteTemplate(&b, "shortcodes/figure-img", map[string]any{"img": img, "alt": "Ảnh", "sizes": "100vw"}); err != nil {
		t.Fatal(err)
	}
	want := `<picture><source type="image/webp" srcset="/a/anh-480.webp 480w, /a/anh-800.webp 800w" sizes="100vw">` +
		`<img src="/a/anh.jpg" srcset="/a/anh-480.jpg 480w, /a/anh-800.jpg 800w" sizes="100vw" width="1600" height="1200" alt="Ảnh" loading="lazy" decoding="async"></picture>`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}
