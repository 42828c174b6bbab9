package layout

import (
	"bytes"
	"image"
	"image/jpeg"
	"strings"
	"testing"

	"bantin/internal/imaging"
	"bantin/internal/site"
)

func TestImageSetAndPicture(t *testing.T) {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, image.NewGray(image.Rect(0, 0, 1000, 500)), nil); err != nil {
		t.Fatal(err)
	}
	set, err := imaging.Plan(b.Bytes(), "a/anh.jpg", "/a/anh.jpg", imaging.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := &site.Page{Images: map[string]*imaging.Set{"anh.jpg": set}}
	if imageSet(p, "./anh.jpg") != set || imageSet(p, "khac.jpg") != nil || imageSet(nil, "anh.jpg") != nil {
		t.Error("imageSet does not find the page's set by its name")
	}
	html, err := picture(set, `Họp "tổ"`, "eager")
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{`<source type="image/webp" srcset="/a/anh-480.webp 480w, /a/anh-800.webp 800w, /a/anh-1000.webp 1000w"`, `width="1000" height="500" alt="Họp &#34;tổ&#34;" decoding="async"></picture>`} {
		if !strings.Contains(string(html), w) {
			t.Errorf("picture lacks %s:\n%s", w, html)
		}
	}
	if _, err := picture(nil, "x"); err == nil {
		t.Error("picture of nil: no error")
	}
}
