package tooltest

import (
	"image"
	"regexp"
	"strconv"
	"testing"
)

var (
	svgViewBox = regexp.MustCompile(`viewBox="0 0 (\d+) (\d+)"`)
	svgPath    = regexp.MustCompile(` d="([^"]*)"`)
	svgRun     = regexp.MustCompile(`M(\d+) (\d+)h(\d+)v1h-\d+z`)
)

// RasterizeQRSVG draws a QR code SVG written by bantin (one path of
// "MxYhNv1h-Nz" runs on a light square) at px pixels per module, so that
// the code can be decoded. It fails the test on any other SVG shape.
func RasterizeQRSVG(t testing.TB, svg []byte, px int) image.Image {
	t.Helper()
	vb := svgViewBox.FindSubmatch(svg)
	d := svgPath.FindSubmatch(svg)
	if vb == nil || d == nil {
		t.Fatalf("not a bantin QR SVG: %.120s", svg)
	}
	n, _ := strconv.Atoi(string(vb[1]))
	img := image.NewGray(image.Rect(0, 0, n*px, n*px))
	for i := range img.Pix {
		img.Pix[i] = 255
	}
	runs := svgRun.FindAllSubmatch(d[1], -1)
	if len(runs) == 0 {
		t.Fatal("QR SVG path has no runs")
	}
	for _, m := range runs {
		x, _ := strconv.Atoi(string(m[1]))
		y, _ := strconv.Atoi(string(m[2]))
		w, _ := strconv.Atoi(string(m[3]))
		for yy := y * px; yy < (y+1)*px; yy++ {
			for xx := x * px; xx < (x+w)*px; xx++ {
				img.Pix[yy*img.Stride+xx] = 0
			}
		}
	}
	return img
}
