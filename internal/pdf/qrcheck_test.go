package pdf

import (
	"testing"

	"bantin/internal/qr"
	"bantin/internal/tooltest"
)

// A printed code at level Q, 25 mm at 150 dpi, still reads with a tenth
// of its symbol blotted out; the check is not blind: with a third of it
// gone, nothing reads.
func TestDecodeDamaged(t *testing.T) {
	const text = "https://danvan.example.vn/l/std011/"
	level, _ := qr.ParseLevel("Q")
	code, err := qr.New(text, level)
	if err != nil {
		t.Fatal(err)
	}
	img := tooltest.RasterizeQRSVG(t, []byte(code.SVG(25)), 4) // ≈ 150 dpi
	if got := decodeQR(blot(img, symbolBounds(img))); got != text {
		t.Errorf("level Q with %.0f%% blotted read %q", BlotShare*100, got)
	}
	level, _ = qr.ParseLevel("M")
	weaker, _ := qr.New(text, level)
	if img := tooltest.RasterizeQRSVG(t, []byte(weaker.SVG(25)), 4); decodeQR(blot(img, symbolBounds(img))) != "" {
		t.Log("level M survived the blot too") // not a failure: Q is what print uses
	} else {
		t.Log("level M did not survive the blot: print codes use Q")
	}
	bounds := symbolBounds(img)
	if got := decodeQR(blotShare(img, bounds, 0.33)); got != "" {
		t.Errorf("a third blotted still read %q: the check could never fail", got)
	}
}
