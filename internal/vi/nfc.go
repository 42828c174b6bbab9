package vi

import (
	"encoding/binary"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NFCBytes returns b in Unicode normalisation form C: b itself when it is
// already NFC, as nearly all text is, else a new slice.
func NFCBytes(b []byte) []byte {
	if n, ok := nfcPrefix(b); ok && n == len(b) {
		return b
	}
	return norm.NFC.Bytes(b)
}

// ValidNFC checks that b is UTF-8 and returns it in form C, in one pass
// over b when it already is NFC (b itself is returned then); ok is false
// for invalid UTF-8.
func ValidNFC(b []byte) (nfc []byte, ok bool) {
	n, ok := nfcPrefix(b)
	switch {
	case !ok:
		return nil, false
	case n == len(b):
		return b, true
	case !utf8.Valid(b[n:]):
		return nil, false
	}
	return norm.NFC.Bytes(b), true
}

// isNFC reports whether s is surely NFC: valid UTF-8 made of
// nfcStarters (see nfcPrefix).
func isNFC(s string) bool {
	starters := nfcStarters()
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r >= 1<<16 || starters[r>>6]&(1<<(r&63)) == 0 {
			return false // invalid UTF-8 or another rune: norm decides
		}
		i += size
	}
	return true
}

// nfcPrefix returns the length of the longest prefix of b made of runes of
// nfcStarters, which is surely NFC (UAX #15's quick check answers YES for
// such text). ok is false when it stopped at invalid UTF-8. norm's own
// check looks each rune up in its tries, a large share of reading a
// Vietnamese site; this one skips ASCII eight bytes at a time and tests a
// bit per other rune.
func nfcPrefix(b []byte) (n int, ok bool) {
	starters := nfcStarters()
	i := 0
	for i < len(b) {
		c := b[i]
		switch {
		case i+8 <= len(b) && binary.LittleEndian.Uint64(b[i:])&0x8080808080808080 == 0:
			i += 8
			continue
		case c < utf8.RuneSelf:
			i++
			continue
		}
		r, size := decodeBMP(b[i:])
		if size == 0 {
			if r, size = utf8.DecodeRune(b[i:]); r == utf8.RuneError && size == 1 {
				return i, false
			}
		}
		if r >= 1<<16 || starters[r>>6]&(1<<(r&63)) == 0 {
			return i, true
		}
		i += size
	}
	return i, true
}

// decodeBMP decodes the two- and three-byte sequences of Vietnamese
// letters (C3–C6 …, E1 BA/BB …) without utf8.DecodeRune's general
// checks; size is 0 for anything it leaves to utf8.DecodeRune (E0 and ED,
// which need range checks, four-byte sequences and invalid bytes).
func decodeBMP(b []byte) (r rune, size int) {
	c := b[0]
	switch {
	case c >= 0xC2 && c < 0xE0 && len(b) >= 2 && b[1]&0xC0 == 0x80:
		return rune(c&0x1F)<<6 | rune(b[1]&0x3F), 2
	case c > 0xE0 && c < 0xF0 && c != 0xED && len(b) >= 3 && b[1]&0xC0 == 0x80 && b[2]&0xC0 == 0x80:
		return rune(c&0x0F)<<12 | rune(b[1]&0x3F)<<6 | rune(b[2]&0x3F), 3
	}
	return 0, 0
}

// nfcStarters is a bit per rune of the Basic Multilingual Plane, set for
// the runes that keep any text NFC wherever they stand: NFC's quick check
// says Yes for them (they are their own composition), their combining
// class is 0, and no rune before them can combine with them. ASCII, the
// precomposed Vietnamese letters (U+00C0–U+01B0, U+1EA0–U+1EF9) and
// common punctuation are; combining marks such as U+0301 are not. Built
// once from norm's own tables (a few milliseconds).
var nfcStarters = sync.OnceValue(func() *[1 << 16 / 64]uint64 {
	var set [1 << 16 / 64]uint64
	var buf [utf8.UTFMax]byte
	for r := rune(0); r < 1<<16; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		b := buf[:utf8.EncodeRune(buf[:], r)]
		p := norm.NFC.Properties(b)
		if p.CCC() == 0 && p.BoundaryBefore() && norm.NFC.IsNormal(b) {
			set[r>>6] |= 1 << (r & 63)
		}
	}
	return &set
})
