package qr

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"math"
	"sync"
)

// PNG draws the code at least sizeMM millimetres wide at dpi, with a whole
// number of pixels per module, and records dpi in the file (pHYs).
//
// The image is written directly as a 1-bit greyscale PNG: every pixel row
// of a module row after the first repeats it, so it is stored with the PNG
// "Up" filter as zeros. This is about ten times faster than image/png,
// which reads pixels through an interface and tries five filters per row;
// the output decodes with any PNG reader.
func (c *Code) PNG(sizeMM float64, dpi int) ([]byte, error) {
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
		raw.WriteByte(0) // filter None
		raw.Write(row)
		for r := 1; r < px; r++ {
			raw.WriteByte(2) // filter Up: the same as the row above
			raw.Write(zeros)
		}
	}
	var idat bytes.Buffer
	zw := zlibWriters.Get().(*zlib.Writer)
	defer zlibWriters.Put(zw)
	zw.Reset(&idat)
	if _, err := zw.Write(raw.Bytes()); err != nil {
		return nil, fmt.Errorf("compress QR PNG: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("compress QR PNG: %w", err)
	}
	return pngFile(width, dpi, idat.Bytes()), nil
}

// zlibWriters reuses compressors: making one allocates about a megabyte,
// far more work than compressing a code. BestSpeed: the rows are mostly
// zeros already, and higher levels cost 4 to 30 times more for a few
// dozen bytes.
var zlibWriters = sync.Pool{New: func() any {
	zw, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed) // a valid level: no error
	return zw
}}

// pixelRow packs module row y, px pixels per module, into row: bit 1 is
// white, 0 black, most significant bit first.
func (c *Code) pixelRow(row []byte, y, px int) {
	for i := range row {
		row[i] = 0xff
	}
	for x := 0; x < c.size; x++ {
		if !c.Dark(x, y) {
			continue
		}
		for p := x * px; p < (x+1)*px; p++ {
			row[p/8] &^= 0x80 >> (p % 8)
		}
	}
}

// pngFile assembles a 1-bit greyscale PNG from its compressed image data.
func pngFile(width, dpi int, idat []byte) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := binary.BigEndian.AppendUint32(nil, uint32(width))
	ihdr = binary.BigEndian.AppendUint32(ihdr, uint32(width))
	ihdr = append(ihdr, 1, 0, 0, 0, 0) // bit depth 1, greyscale, deflate, filter 0, no interlace
	writeChunk(&b, "IHDR", ihdr)
	ppm := uint32(math.Round(float64(dpi) / 0.0254))
	phys := binary.BigEndian.AppendUint32(nil, ppm)
	phys = binary.BigEndian.AppendUint32(phys, ppm)
	writeChunk(&b, "pHYs", append(phys, 1)) // unit: metre
	writeChunk(&b, "IDAT", idat)
	writeChunk(&b, "IEND", nil)
	return b.Bytes()
}

func writeChunk(b *bytes.Buffer, kind string, data []byte) {
	var head [8]byte
	binary.BigEndian.PutUint32(head[:4], uint32(len(data)))
	copy(head[4:], kind)
	b.Write(head[:])
	b.Write(data)
	crc := crc32.NewIEEE()
	crc.Write(head[4:])
	crc.Write(data)
	b.Write(binary.BigEndian.AppendUint32(nil, crc.Sum32()))
}
