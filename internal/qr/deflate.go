package qr

import (
	"encoding/binary"
	"slices"
)

// The image data of a code's PNG, compressed for what it is (RFC 1950 and
// 1951: a zlib stream of one deflate block with Huffman codes of its own).
//
// Each module row is px pixel rows: the first written with filter None,
// the px-1 others with filter Up as zeros. compress/flate found that
// structure back with hashing, a byte at a time, and spent most of a
// code's PNG on it; here it is known. A module row is compared with the
// one above it (a match px rows back) and with itself (runs of one byte);
// a row equal to the one above from some byte on is one match to the end
// of its Up rows; Up rows are a literal 2, a run of zeros and one match a
// row back. The tokens then get Huffman codes built for their counts, as
// flate's dynamic blocks do, so the files stay as small as flate made them.

// Deflate's limits.
const (
	minMatch  = 3
	maxMatch  = 258
	maxDist   = 32768
	maxBits   = 15 // longest literal/length or distance code
	maxCLBits = 7  // longest code-length code
	endBlock  = 256
)

// token is a literal byte (dist 0) or a match of length bytes dist back.
type token struct {
	length uint16 // the literal's byte when dist is 0
	dist   uint16 // 1 to 32768; 0 for a literal
}

func literalTok(b byte) token         { return token{length: uint16(b)} }
func matchTok(length, dist int) token { return token{length: uint16(length), dist: uint16(dist)} }

// deflater turns the pixel rows of one code into tokens.
type deflater struct {
	tokens []token
	adler  adler32
	last   byte // the byte written last, for runs
	wrote  bool // whether any byte was written
}

func (d *deflater) literal(b byte) {
	d.tokens = append(d.tokens, literalTok(b))
	d.last, d.wrote = b, true
}

// match copies length bytes (at least minMatch) from dist back, in pieces
// deflate allows. last is the final byte copied.
func (d *deflater) match(length, dist int, last byte) {
	for length > 0 {
		n := min(length, maxMatch)
		if rest := length - n; rest > 0 && rest < minMatch {
			n = length - minMatch
		}
		d.tokens = append(d.tokens, matchTok(n, dist))
		length -= n
	}
	d.last = last
}

// zeros writes n zero bytes after a non-zero one: a literal, then a run.
func (d *deflater) zeros(n int) {
	if n <= 0 {
		return
	}
	d.literal(0)
	d.runOrLiterals(n-1, 0)
}

// runOrLiterals repeats the last byte (b) n more times.
func (d *deflater) runOrLiterals(n int, b byte) {
	if n >= minMatch {
		d.match(n, 1, b)
		return
	}
	for range n {
		d.literal(b)
	}
}

// row writes a module row: its first pixel row (row, filter byte included)
// and px-1 Up rows. above is the module row before it, nil for the first.
func (d *deflater) row(row, above []byte, px int) {
	m := len(row)
	d.adler.write(row)
	d.adler.writeUp(px-1, m)
	back := px * m // the same byte of the module row above
	if back > maxDist {
		above = nil
	}
	for i := 0; i < m; {
		// A match needs three bytes: test those before measuring one.
		run, up := 0, 0
		if d.wrote && i+minMatch <= m && row[i] == d.last && row[i+1] == d.last && row[i+2] == d.last {
			run = d.runLength(row[i:])
		}
		if above != nil && i+minMatch <= m && row[i] == above[i] && row[i+1] == above[i+1] && row[i+2] == above[i+2] {
			up = commonPrefix(row[i:], above[i:])
			if i+up == m {
				// The rest of the row and all its Up rows are those above.
				d.match(m-i+(px-1)*m, back, d.lastOfRow(row, px))
				return
			}
		}
		switch {
		case up > 0 && up >= run:
			d.match(up, back, row[i+up-1])
			i += up
		case run > 0:
			d.match(run, 1, d.last)
			i += run
		default:
			d.literal(row[i])
			i++
		}
	}
	d.upRows(m, px)
}

// lastOfRow is the last byte written for a module row.
func (d *deflater) lastOfRow(row []byte, px int) byte {
	if px > 1 {
		return 0
	}
	return row[len(row)-1]
}

// runLength is how many bytes at the start of b repeat the last byte.
func (d *deflater) runLength(b []byte) int {
	if !d.wrote {
		return 0
	}
	n := 0
	for n < len(b) && n < maxMatch && b[n] == d.last {
		n++
	}
	return n
}

// upRows writes px-1 rows of m bytes: filter Up (2), then zeros.
func (d *deflater) upRows(m, px int) {
	if px < 2 {
		return
	}
	d.literal(2)
	d.zeros(m - 1)
	if rest := (px - 2) * m; rest > 0 {
		if rest < minMatch || m > maxDist {
			for r := 0; r < px-2; r++ {
				d.literal(2)
				d.zeros(m - 1)
			}
			return
		}
		d.match(rest, m, 0)
	}
}

func commonPrefix(a, b []byte) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// adler32 is the zlib checksum, fed whole rows; Up rows, which hold one
// non-zero byte, all at once.
type adler32 struct{ a, b uint32 }

const adlerMod = 65521

func newAdler() adler32 { return adler32{a: 1} }

func (s *adler32) write(p []byte) {
	for len(p) > 0 {
		n := min(len(p), 5552) // the most bytes before the sums can overflow
		a, b := s.a, s.b
		q := p[:n]
		for len(q) >= 4 {
			c0, c1, c2, c3 := uint32(q[0]), uint32(q[1]), uint32(q[2]), uint32(q[3])
			b += 4*a + 4*c0 + 3*c1 + 2*c2 + c3
			a += c0 + c1 + c2 + c3
			q = q[4:]
		}
		for _, c := range q {
			a += uint32(c)
			b += a
		}
		s.a, s.b = a%adlerMod, b%adlerMod
		p = p[n:]
	}
}

// writeUp adds k Up rows of m bytes: each a 2, then m-1 zeros. After
// row j, a has grown by 2j, and each of the row's m bytes adds a to b.
func (s *adler32) writeUp(k, m int) {
	if k <= 0 {
		return
	}
	a0, kk, mm := uint64(s.a), uint64(k), uint64(m)%adlerMod
	sum := (kk%adlerMod*a0 + kk*(kk+1)%adlerMod) % adlerMod // Σ a_j for j = 1…k
	s.b = uint32((uint64(s.b) + mm*sum) % adlerMod)
	s.a = uint32((a0 + 2*kk) % adlerMod)
}

func (s adler32) sum() uint32 { return s.b<<16 | s.a }

// zlibStream is the zlib stream of tokens: header, one dynamic block,
// checksum.
func zlibStream(tokens []token, check uint32) []byte {
	w := bitWriter{out: make([]byte, 0, 64+len(tokens))}
	w.out = append(w.out, 0x78, 0x01) // deflate, 32 KiB window, fastest
	writeBlock(&w, tokens)
	w.flush()
	return binary.BigEndian.AppendUint32(w.out, check)
}

// writeBlock writes tokens as the final deflate block, with dynamic
// Huffman codes.
func writeBlock(w *bitWriter, tokens []token) {
	var litFreq [286]int
	var distFreq [30]int
	for _, t := range tokens {
		if t.dist == 0 {
			litFreq[t.length]++
			continue
		}
		litFreq[257+int(lengthCode[t.length])]++
		distFreq[distCode(int(t.dist))]++
	}
	litFreq[endBlock]++
	if slices.Max(distFreq[:]) == 0 {
		distFreq[0] = 1 // one distance code of one bit: deflate's way to have none
	}
	litLen := huffmanLengths(litFreq[:], maxBits)
	distLen := huffmanLengths(distFreq[:], maxBits)
	nLit := max(257, lastUsed(litLen)+1)
	nDist := max(1, lastUsed(distLen)+1)
	w.bits(1, 1) // final block
	w.bits(2, 2) // dynamic Huffman codes
	writeCodeLengths(w, litLen[:nLit], distLen[:nDist])
	litCode, distCodes := canonical(litLen), canonical(distLen)
	for _, t := range tokens {
		if t.dist == 0 {
			w.code(litCode[t.length], litLen[t.length])
			continue
		}
		lc := int(lengthCode[t.length])
		w.code(litCode[257+lc], litLen[257+lc])
		w.bits(uint32(int(t.length)-lengthBase[lc]), lengthExtra[lc])
		dc := distCode(int(t.dist))
		w.code(distCodes[dc], distLen[dc])
		w.bits(uint32(int(t.dist)-distBase[dc]), distExtra[dc])
	}
	w.code(litCode[endBlock], litLen[endBlock])
}

// codeLengthOrder is the order code-length code lengths are written in.
var codeLengthOrder = [19]int{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}

// writeCodeLengths writes the dynamic block's header: the code lengths of
// both alphabets, run-length coded (16: repeat the last 3–6 times, 17 and
// 18: 3–10 and 11–138 zeros), with Huffman codes of their own.
func writeCodeLengths(w *bitWriter, lit, dist []uint8) {
	type clSym struct{ sym, extra, extraBits uint8 }
	var syms []clSym
	all := append(slices.Clone(lit), dist...)
	for i := 0; i < len(all); {
		l := all[i]
		n := 1
		for i+n < len(all) && all[i+n] == l {
			n++
		}
		i += n
		if l == 0 {
			for n >= 11 {
				k := min(n, 138)
				syms = append(syms, clSym{18, uint8(k - 11), 7})
				n -= k
			}
			if n >= 3 {
				syms = append(syms, clSym{17, uint8(n - 3), 3})
				n = 0
			}
		} else {
			syms = append(syms, clSym{l, 0, 0})
			n--
			for n >= 3 {
				k := min(n, 6)
				syms = append(syms, clSym{16, uint8(k - 3), 2})
				n -= k
			}
		}
		for ; n > 0; n-- {
			syms = append(syms, clSym{l, 0, 0})
		}
	}
	var freq [19]int
	for _, s := range syms {
		freq[s.sym]++
	}
	clLen := huffmanLengths(freq[:], maxCLBits)
	nCL := 19
	for nCL > 4 && clLen[codeLengthOrder[nCL-1]] == 0 {
		nCL--
	}
	w.bits(uint32(len(lit)-257), 5)
	w.bits(uint32(len(dist)-1), 5)
	w.bits(uint32(nCL-4), 4)
	for _, s := range codeLengthOrder[:nCL] {
		w.bits(uint32(clLen[s]), 3)
	}
	clCode := canonical(clLen)
	for _, s := range syms {
		w.code(clCode[s.sym], clLen[s.sym])
		w.bits(uint32(s.extra), s.extraBits)
	}
}

func lastUsed(lengths []uint8) int {
	for i := len(lengths) - 1; i >= 0; i-- {
		if lengths[i] != 0 {
			return i
		}
	}
	return -1
}

// bitWriter packs bits least significant first, as deflate does.
type bitWriter struct {
	out  []byte
	acc  uint64
	nacc uint8
}

func (w *bitWriter) bits(v uint32, n uint8) {
	w.acc |= uint64(v) << w.nacc
	w.nacc += n
	for w.nacc >= 8 {
		w.out = append(w.out, byte(w.acc))
		w.acc >>= 8
		w.nacc -= 8
	}
}

// code writes a Huffman code, which deflate stores most significant bit
// first: canonical keeps codes bit-reversed for this.
func (w *bitWriter) code(reversed uint16, n uint8) { w.bits(uint32(reversed), n) }

func (w *bitWriter) flush() {
	if w.nacc > 0 {
		w.out = append(w.out, byte(w.acc))
		w.acc, w.nacc = 0, 0
	}
}
