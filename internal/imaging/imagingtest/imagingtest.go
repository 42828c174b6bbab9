// Package imagingtest makes photographs for tests and for the sample
// site: a drawn scene, and JPEGs carrying the EXIF fields a phone writes
// (orientation, GPS position, camera) so that tests can prove they are
// applied or stripped.
package imagingtest

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
)

// Scene draws a Landscape with a red block in the top-left corner and a
// blue one in the bottom-right, so that a test can tell how it is turned.
func Scene(w, h int, seed float64) *image.RGBA {
	m := Landscape(w, h, seed)
	fill(m, image.Rect(0, 0, w/8, h/8), color.RGBA{220, 20, 20, 255})
	fill(m, image.Rect(w-w/8, h-h/8, w, h), color.RGBA{20, 20, 220, 255})
	return m
}

// Landscape draws a w×h picture: a sky-to-field gradient, hills, a sun
// and a photo's grain. seed varies it.
func Landscape(w, h int, seed float64) *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	sunX, sunY, sunR := float64(w)*(0.6+0.2*math.Sin(seed)), float64(h)*0.25, float64(min(w, h))*0.08
	for y := 0; y < h; y++ {
		fy := float64(y) / float64(h)
		for x := 0; x < w; x++ {
			fx := float64(x) / float64(w)
			hill := 0.55 + 0.08*math.Sin(fx*7+seed) + 0.04*math.Sin(fx*23+2*seed)
			var r, g, b float64
			if fy < hill {
				r, g, b = 120+fy*100, 170+fy*50, 235-fy*60
			} else {
				r, g, b = 40+fy*60, 120-fy*30+20*math.Sin(fx*90+fy*40), 50
			}
			if d := math.Hypot(float64(x)-sunX, float64(y)-sunY); d < sunR {
				r, g, b = 255, 220, 120
			}
			grain := float64((x*7919+y*104729+int(seed*1000))%17) - 8
			m.SetRGBA(x, y, color.RGBA{clamp(r + grain), clamp(g + grain), clamp(b + grain), 255})
		}
	}
	return m
}

func fill(m *image.RGBA, r image.Rectangle, c color.RGBA) {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			m.SetRGBA(x, y, c)
		}
	}
}

func clamp(v float64) uint8 { return uint8(math.Max(0, math.Min(255, v))) }

// JPEG encodes m at quality q.
func JPEG(m image.Image, q int) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, m, &jpeg.Options{Quality: q}); err != nil {
		panic(err) // encoding to memory fails only on a bad image: a bug in the caller
	}
	return b.Bytes()
}

// GPSMarker is the camera make written by WithEXIF, to look for in
// published bytes.
const GPSMarker = "BantinTestCam"

// WithEXIF inserts an EXIF block after the JPEG's SOI marker: the
// orientation tag, the camera make GPSMarker and a GPS position (latitude
// and longitude in degrees, north and east).
func WithEXIF(jpg []byte, orientation int, lat, lon float64) []byte {
	tiff := exifTIFF(orientation, lat, lon)
	seg := append([]byte("Exif\x00\x00"), tiff...)
	app1 := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(app1[2:], uint16(len(seg)+2))
	out := append([]byte{}, jpg[:2]...)
	out = append(out, app1...)
	out = append(out, seg...)
	return append(out, jpg[2:]...)
}

// exifTIFF lays out a little-endian TIFF block: IFD0 (Make, Orientation,
// GPS IFD pointer), then the GPS IFD, then the values that do not fit in
// an entry.
func exifTIFF(orientation int, lat, lon float64) []byte {
	le := binary.LittleEndian
	const ifd0 = 8
	const ifd0Entries = 3
	gpsIFD := ifd0 + 2 + 12*ifd0Entries + 4
	const gpsEntries = 4
	data := gpsIFD + 2 + 12*gpsEntries + 4
	makeOff := data
	latOff := makeOff + len(GPSMarker) + 1
	lonOff := latOff + 24
	t := make([]byte, lonOff+24)
	copy(t, "II")
	le.PutUint16(t[2:], 42)
	le.PutUint32(t[4:], ifd0)
	entry := func(at, tag, typ, count int, value uint32) {
		le.PutUint16(t[at:], uint16(tag))
		le.PutUint16(t[at+2:], uint16(typ))
		le.PutUint32(t[at+4:], uint32(count))
		le.PutUint32(t[at+8:], value)
	}
	le.PutUint16(t[ifd0:], ifd0Entries)
	entry(ifd0+2, 0x010F, 2, len(GPSMarker)+1, uint32(makeOff)) // Make
	entry(ifd0+14, 0x0112, 3, 1, uint32(orientation))           // Orientation (SHORT, left-justified)
	entry(ifd0+26, 0x8825, 4, 1, uint32(gpsIFD))                // GPS IFD
	le.PutUint16(t[gpsIFD:], gpsEntries)
	entry(gpsIFD+2, 0x0001, 2, 2, uint32('N'))     // GPSLatitudeRef
	entry(gpsIFD+14, 0x0002, 5, 3, uint32(latOff)) // GPSLatitude
	entry(gpsIFD+26, 0x0003, 2, 2, uint32('E'))    // GPSLongitudeRef
	entry(gpsIFD+38, 0x0004, 5, 3, uint32(lonOff)) // GPSLongitude
	copy(t[makeOff:], GPSMarker)
	putDMS(t[latOff:], lat)
	putDMS(t[lonOff:], lon)
	return t
}

// putDMS writes degrees as three rationals: degrees, minutes, seconds×100/100.
func putDMS(b []byte, deg float64) {
	le := binary.LittleEndian
	d := math.Floor(deg)
	m := math.Floor((deg - d) * 60)
	s := ((deg-d)*60 - m) * 60
	for i, v := range [][2]uint32{{uint32(d), 1}, {uint32(m), 1}, {uint32(s * 100), 100}} {
		le.PutUint32(b[8*i:], v[0])
		le.PutUint32(b[8*i+4:], v[1])
	}
}

// PNG encodes m.
func PNG(m image.Image) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		panic(err) // encoding to memory fails only on a bad image: a bug in the caller
	}
	return b.Bytes()
}
