package qr

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"math"
)

// PNG draws the code at least sizeMM millimetres wide at dpi, with a whole
// number of pixels per module, and records dpi in the file (pHYs).
//
// The image is written directly as a 1-bit greyscale PNG: every pixel row
// of a module row after the first repeats it, so it is stored with the PNG
// "Up" filter as zeros, and the image data is compressed knowing that
// shape (deflate.go) rather than searched for repeats by compress/flate.
// The output decodes with any PNG reader.
func (c *Code) PNG(sizeMM float64, dpi int) ([]byte, error) {
	n := c.Size()
	px := max(1, int(math.Ceil(sizeMM/25.4*float64(dpi)/float64(n))))
	width := n * px
	rowBytes := (width + 7) / 8
	rows := [2][]byte{make([]byte, rowBytes+1), make([]byte, rowBytes+1)} // filter byte 0, then pixels
	d := deflater{adler: newAdler(), tokens: make([]token, 0, n*(rowBytes/2+8))}
	var above []byte
	for y := 0; y < n; y++ {
		row := rows[y%2]
		c.pixelRow(row[1:], y, px)
		d.row(row, above, px)
		above = row
	}
	return pngFile(width, dpi, zlibStream(d.tokens, d.adler.sum())), nil
}

// pixelRow packs module row y, px pixels per module, into row: bit 1 is
// white, 0 black, most significant bit first. It goes a run of modules of
// one colour at a time: bits up to a byte boundary, then whole bytes.
func (c *Code) pixelRow(row []byte, y, px int) {
	mods := c.modules[y]
	var acc byte // pending bits, the lowest nacc
	nacc, out := 0, 0
	for x := 0; x < len(mods); {
		dark := mods[x]
		run := 1
		for x+run < len(mods) && mods[x+run] == dark {
			run++
		}
		x += run
		fill := byte(0xff) // white
		if dark {
			fill = 0
		}
		for left := run * px; left > 0; {
			if nacc == 0 && left >= 8 {
				for end := out + left/8; out < end; out++ {
					row[out] = fill
				}
				left %= 8
				continue
			}
			k := min(left, 8-nacc)
			acc = acc<<k | fill>>(8-k)
			nacc += k
			left -= k
			if nacc == 8 {
				row[out] = acc
				out++
				acc, nacc = 0, 0
			}
		}
	}
	if nacc > 0 {
		row[out] = acc<<(8-nacc) | 0xff>>nacc // padding bits white
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
