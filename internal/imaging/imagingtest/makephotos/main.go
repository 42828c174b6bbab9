// Command makephotos draws the sample site's photographs (the article
// "Ngày hội Đại đoàn kết ở khu phố 3"): scenes painted pixel by pixel,
// with a photo's grain, so that the repository ships no photograph of a
// person and no image under someone else's licence. One of them is stored
// turned, with EXIF orientation 6 and a GPS position, as a phone writes
// it, so that the build's tests can prove bantin turns it and strips both.
//
//	go run ./internal/imaging/imagingtest/makephotos content/bai-viet/khoanh-khac-ngay-hoi
package main

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"os"
	"path/filepath"

	"bantin/internal/imaging/imagingtest"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: makephotos FOLDER")
		os.Exit(2)
	}
	dir := os.Args[1]
	photos := []struct {
		name string
		data []byte
	}{
		{"hoi-truong.jpg", imagingtest.JPEG(hall(2400, 1600), 80)},
		// stored turned a quarter anticlockwise, shown upright through EXIF orientation 6
		{"ngo-xom.jpg", imagingtest.WithEXIF(imagingtest.JPEG(turnAnticlockwise(lane(2400, 1800)), 80), 6, 10.7769, 106.7009)},
		{"dong-lua.jpg", imagingtest.JPEG(imagingtest.Landscape(2000, 1333, 0.7), 80)},
		{"xuong-may.jpg", imagingtest.JPEG(workshop(1600, 1200), 80)},
	}
	for _, p := range photos {
		if err := os.WriteFile(filepath.Join(dir, p.name), p.data, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Printf("%s %d bytes\n", p.name, len(p.data))
	}
}

type canvas struct{ *image.RGBA }

func newCanvas(w, h int) canvas { return canvas{image.NewRGBA(image.Rect(0, 0, w, h))} }

// rect fills a rectangle given in fractions of the canvas.
func (c canvas) rect(x0, y0, x1, y1 float64, col color.RGBA) {
	b := c.Bounds()
	for y := int(y0 * float64(b.Dy())); y < int(y1*float64(b.Dy())); y++ {
		for x := int(x0 * float64(b.Dx())); x < int(x1*float64(b.Dx())); x++ {
			c.SetRGBA(x, y, col)
		}
	}
}

// disc fills a circle at (x, y) with radius r, in fractions of the height.
func (c canvas) disc(x, y, r float64, col color.RGBA) {
	h := float64(c.Bounds().Dy())
	cx, cy, rr := x*float64(c.Bounds().Dx()), y*h, r*h
	for py := int(cy - rr); py <= int(cy+rr); py++ {
		for px := int(cx - rr); px <= int(cx+rr); px++ {
			if math.Hypot(float64(px)-cx, float64(py)-cy) <= rr {
				c.SetRGBA(px, py, col)
			}
		}
	}
}

// roof fills a triangle over [x0, x1] from base y up to apex.
func (c canvas) roof(x0, x1, base, apex float64, col color.RGBA) {
	b := c.Bounds()
	w, h := float64(b.Dx()), float64(b.Dy())
	for y := int(apex * h); y < int(base*h); y++ {
		t := (float64(y)/h - apex) / (base - apex)
		mid, half := (x0+x1)/2, (x1-x0)/2*t
		for x := int((mid - half) * w); x < int((mid+half)*w); x++ {
			c.SetRGBA(x, y, col)
		}
	}
}

// grain adds a photograph's noise and a soft vignette.
func (c canvas) grain(seed int) *image.RGBA {
	b := c.Bounds()
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			p := c.RGBAAt(x, y)
			n := float64((x*7919+y*104729+seed*31)%7) - 3
			dx, dy := float64(x)/float64(b.Dx())-0.5, float64(y)/float64(b.Dy())-0.5
			v := 1 - 0.35*(dx*dx+dy*dy)
			c.SetRGBA(x, y, color.RGBA{clamp(float64(p.R)*v + n), clamp(float64(p.G)*v + n), clamp(float64(p.B)*v + n), 255})
		}
	}
	return c.RGBA
}

func clamp(v float64) uint8 { return uint8(math.Max(0, math.Min(255, v))) }

var (
	red    = color.RGBA{200, 30, 35, 255}
	yellow = color.RGBA{245, 200, 40, 255}
	wall   = color.RGBA{236, 226, 200, 255}
)

// hall is a meeting hall: a red banner over a stage, rows of people.
func hall(w, h int) *image.RGBA {
	c := newCanvas(w, h)
	c.rect(0, 0, 1, 1, wall)
	c.rect(0, 0.62, 1, 1, color.RGBA{150, 110, 80, 255}) // floor
	c.rect(0.15, 0.08, 0.85, 0.24, red)                  // banner
	c.disc(0.5, 0.16, 0.05, yellow)                      // star medallion
	c.rect(0.2, 0.3, 0.8, 0.55, color.RGBA{120, 40, 40, 255})
	for row := 0; row < 4; row++ {
		y := 0.66 + float64(row)*0.09
		for i := 0; i < 14; i++ {
			x := 0.05 + float64(i)*0.068 + float64(row%2)*0.03
			shirt := []color.RGBA{{40, 70, 140, 255}, {240, 240, 235, 255}, {60, 110, 60, 255}}[(i+row)%3]
			c.rect(x-0.022, y, x+0.022, y+0.08, shirt)
			c.disc(x, y-0.02, 0.022, color.RGBA{60, 45, 35, 255})
		}
	}
	return c.grain(1)
}

// lane is a village lane: sky, houses with tiled roofs, trees, a flag.
func lane(w, h int) *image.RGBA {
	c := newCanvas(w, h)
	for y := 0; y < h; y++ {
		f := float64(y) / float64(h)
		for x := 0; x < w; x++ {
			c.SetRGBA(x, y, color.RGBA{clamp(130 + 90*f), clamp(180 + 40*f), clamp(240 - 30*f), 255})
		}
	}
	c.rect(0, 0.7, 1, 1, color.RGBA{170, 160, 150, 255}) // the lane
	for i := 0; i < 5; i++ {
		x0 := 0.02 + float64(i)*0.2
		c.rect(x0, 0.42, x0+0.16, 0.7, []color.RGBA{{240, 220, 170, 255}, {220, 200, 210, 255}, {200, 225, 200, 255}}[i%3])
		c.roof(x0-0.02, x0+0.18, 0.43, 0.3, color.RGBA{170, 70, 50, 255})
		c.rect(x0+0.06, 0.56, x0+0.1, 0.7, color.RGBA{110, 70, 40, 255})
		c.disc(x0+0.18, 0.5, 0.07, color.RGBA{50, 120, 50, 255})
	}
	c.rect(0.9, 0.12, 0.905, 0.42, color.RGBA{90, 90, 90, 255})
	c.rect(0.905, 0.12, 0.98, 0.18, red)
	return c.grain(2)
}

// workshop is a garment workshop: rows of sewing machines and workers.
func workshop(w, h int) *image.RGBA {
	c := newCanvas(w, h)
	c.rect(0, 0, 1, 1, color.RGBA{210, 215, 220, 255})
	c.rect(0, 0.55, 1, 1, color.RGBA{120, 130, 140, 255})
	for i := 0; i < 6; i++ {
		c.rect(0.05+float64(i)*0.16, 0.05, 0.13+float64(i)*0.16, 0.09, color.RGBA{255, 255, 230, 255}) // lights
	}
	for row := 0; row < 3; row++ {
		y := 0.5 + float64(row)*0.16
		for i := 0; i < 6; i++ {
			x := 0.08 + float64(i)*0.16
			c.rect(x-0.06, y+0.05, x+0.06, y+0.09, color.RGBA{230, 230, 225, 255}) // table
			c.rect(x-0.02, y+0.01, x+0.03, y+0.05, color.RGBA{40, 40, 45, 255})    // machine
			c.disc(x-0.045, y-0.02, 0.025, color.RGBA{50, 40, 35, 255})
			c.rect(x-0.07, y+0.005, x-0.02, y+0.07, []color.RGBA{{30, 90, 160, 255}, {200, 60, 90, 255}}[(i+row)%2])
		}
	}
	return c.grain(3)
}

// turnAnticlockwise returns m turned a quarter anticlockwise: what a phone
// stores when it was held turned and writes orientation 6.
func turnAnticlockwise(m *image.RGBA) *image.RGBA {
	b := m.Bounds()
	out := image.NewRGBA(image.Rect(0, 0, b.Dy(), b.Dx()))
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			out.SetRGBA(y, b.Dx()-1-x, m.RGBAAt(x, y))
		}
	}
	return out
}
