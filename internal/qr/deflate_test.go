package qr

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"sync"
	"testing"

	"bantin/internal/cputime"
)

// referenceIDAT is the image data PNG writes before compression: each
// module row's first pixel row with filter None, then px-1 Up rows of
// zeros; and that data compressed as compress/zlib does at BestSpeed.
func referenceIDAT(c *Code, sizeMM float64, dpi int) (raw, flated []byte) {
	n := c.Size()
	px := max(1, int(math.Ceil(sizeMM/25.4*float64(dpi)/float64(n))))
	rowBytes := (n*px + 7) / 8
	row := make([]byte, rowBytes)
	for y := 0; y < n; y++ {
		c.pixelRow(row, y, px)
		raw = append(append(raw, 0), row...)
		for r := 1; r < px; r++ {
			raw = append(append(raw, 2), make([]byte, rowBytes)...)
		}
	}
	var b bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&b, zlib.BestSpeed)
	zw.Write(raw)
	zw.Close()
	return raw, b.Bytes()
}

// idat returns the IDAT chunk's data of a PNG file.
func idat(t *testing.T, png []byte) []byte {
	t.Helper()
	for p := 8; p+8 <= len(png); {
		n := int(binary.BigEndian.Uint32(png[p:]))
		if string(png[p+4:p+8]) == "IDAT" {
			return png[p+8 : p+8+n]
		}
		p += 12 + n
	}
	t.Fatal("no IDAT")
	return nil
}

// The compressed image data inflates (checksum verified) to exactly the
// rows a PNG of the code holds, for codes of every version, level and
// size, pixels per module from 1 to 94; and it is no larger than
// compress/flate made it at BestSpeed, give or take 5 %.
func TestDeflateInflatesToTheRows(t *testing.T) {
	sizes := []struct {
		mm  float64
		dpi int
	}{{5, 72}, {8, 150}, {25, 300}, {40, 600}, {300, 300}}
	var ours, flate int
	for i, text := range goldenTexts() {
		for _, level := range []Level{L, M, Q, H} {
			c, err := New(text, level)
			if err != nil {
				continue // too long for this level
			}
			size := sizes[(i+int(level[0]))%len(sizes)]
			data, _ := c.PNG(size.mm, size.dpi)
			raw, flated := referenceIDAT(c, size.mm, size.dpi)
			zr, err := zlib.NewReader(bytes.NewReader(idat(t, data)))
			if err != nil {
				t.Fatal(err)
			}
			got, err := io.ReadAll(zr) // reads to the end: checks the Adler-32
			if err != nil || !bytes.Equal(got, raw) {
				t.Fatalf("%q %s at %v mm %d dpi: inflated %d bytes (%v), want the %d bytes of the rows", text, level, size.mm, size.dpi, len(got), err, len(raw))
			}
			ours += len(idat(t, data))
			flate += len(flated)
		}
	}
	t.Logf("image data: %d bytes, compress/flate at BestSpeed %d (%.3f×)", ours, flate, float64(ours)/float64(flate))
	if float64(ours) > 1.05*float64(flate) {
		t.Errorf("image data %d bytes, compress/flate made %d", ours, flate)
	}
}

// Huffman codes stay within their limit however skewed the counts (a
// Fibonacci series gives the deepest tree), and are complete.
func TestHuffmanLengthsLimited(t *testing.T) {
	freq := make([]int, 30)
	a, b := 1, 1
	for i := range freq {
		freq[i] = a
		a, b = b, a+b
	}
	for _, limit := range []int{7, 15} {
		lengths := huffmanLengths(freq, limit)
		kraft := 0.0
		for _, l := range lengths {
			if l == 0 || int(l) > limit {
				t.Fatalf("limit %d: lengths %v", limit, lengths)
			}
			kraft += math.Pow(2, -float64(l))
		}
		if kraft != 1 {
			t.Errorf("limit %d: Kraft sum %v, want a complete code", limit, kraft)
		}
	}
}

// flatePNG is PNG as it was before deflate.go: the same rows, built in
// memory and compressed by compress/zlib at BestSpeed with a pooled writer.
func flatePNG(c *Code, sizeMM float64, dpi int) []byte {
	n := c.Size()
	px := max(1, int(math.Ceil(sizeMM/25.4*float64(dpi)/float64(n))))
	width := n * px
	rowBytes := (width + 7) / 8
	var raw bytes.Buffer
	raw.Grow((rowBytes + 1) * width)
	row := make([]byte, rowBytes)
	zeros := make([]byte, rowBytes)
	for y := 0; y < n; y++ {
		c.pixelRow(row, y, px)
		raw.WriteByte(0)
		raw.Write(row)
		for r := 1; r < px; r++ {
			raw.WriteByte(2)
			raw.Write(zeros)
		}
	}
	var idat bytes.Buffer
	zw := flateWriters.Get().(*zlib.Writer)
	defer flateWriters.Put(zw)
	zw.Reset(&idat)
	zw.Write(raw.Bytes())
	zw.Close()
	return pngFile(width, dpi, idat.Bytes())
}

var flateWriters = sync.Pool{New: func() any {
	zw, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	return zw
}}

// BenchmarkPNGEncode compares PNG with flatePNG, the encoder it replaced,
// on short links' codes at 25 mm, 300 dpi (the default), in CPU time of
// the benchmark's thread; it reports the files' mean size too.
//
//	go test -run '^$' -bench PNGEncode -count 5 ./internal/qr/
func BenchmarkPNGEncode(b *testing.B) {
	var codes []*Code
	for i := range 64 {
		c, _ := New(fmt.Sprintf("https://danvan.example.vn/l/%x/", 100000+i*7919), M)
		codes = append(codes, c)
	}
	for _, enc := range []struct {
		name string
		png  func(*Code) []byte
	}{
		{"flate", func(c *Code) []byte { return flatePNG(c, 25, 300) }},
		{"present", func(c *Code) []byte { data, _ := c.PNG(25, 300); return data }},
	} {
		b.Run(enc.name, func(b *testing.B) {
			size := 0
			cputime.Thread(b, func() {
				i := 0
				for b.Loop() {
					size += len(enc.png(codes[i%len(codes)]))
					i++
				}
			})
			b.ReportMetric(float64(size)/float64(b.N), "bytes/file")
		})
	}
}
