package imaging

import (
	"image"
	"testing"

	"bantin/internal/imaging/imagingtest"

	"golang.org/x/image/draw"
)

// BenchmarkMake makes every copy of a 12-megapixel phone photo (4000×3000:
// four widths in WebP and JPEG, the 2480-pixel print copy and the sharing
// copy) and reports the
// time per megapixel of the original. Run with -benchtime=3x.
func BenchmarkMake(b *testing.B) {
	data := imagingtest.JPEG(imagingtest.Scene(4000, 3000, 1), 90)
	s, err := Plan(data, "a.jpg", "/a.jpg", Options{})
	if err != nil {
		b.Fatal(err)
	}
	s.WantOG()
	p := &Processor{}
	if _, err := p.Make(data, s); err != nil { // WebAssembly compiled once, outside the timing
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := p.Make(data, s); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)/12, "ms/MP")
}

// BenchmarkResample compares the resamplers for the widest copy of a
// 12-megapixel photo (4000 → 1600 pixels wide).
func BenchmarkResample(b *testing.B) {
	src := imagingtest.Scene(4000, 3000, 1)
	for _, k := range []struct {
		name string
		i    draw.Interpolator
	}{{"CatmullRom", draw.CatmullRom}, {"ApproxBiLinear", draw.ApproxBiLinear}, {"BiLinear", draw.BiLinear}} {
		b.Run(k.name, func(b *testing.B) {
			dst := image.NewNRGBA(image.Rect(0, 0, 1600, 1200))
			for b.Loop() {
				k.i.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
			}
		})
	}
}

// BenchmarkEncode compares the encoders on the 1600-pixel copy.
func BenchmarkEncode(b *testing.B) {
	m := resize(imagingtest.Scene(4000, 3000, 1), 1600, 1200)
	o := Options{}.withDefaults()
	for _, f := range []string{"webp", "jpeg"} {
		b.Run(f, func(b *testing.B) {
			var n int
			for b.Loop() {
				data, err := encode(m, f, false, o)
				if err != nil {
					b.Fatal(err)
				}
				n = len(data)
			}
			b.ReportMetric(float64(n), "bytes")
		})
	}
}
