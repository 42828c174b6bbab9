package vi

import (
	"bantin/internal/cputime"

	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// isNFC never says yes to text norm would change, and says yes to plain
// Vietnamese; NFC and NFCBytes give norm's results on random mixes of
// precomposed letters, combining marks, singletons, Hangul, invalid UTF-8
// and runes beyond the BMP.
func TestNFCAgreesWithNorm(t *testing.T) {
	if !isNFC("Dân vận khéo ở phường Đông Hòa — “Tổ dân phố 5”…") {
		t.Error("NFC Vietnamese not recognised")
	}
	pieces := []string{"a", "ạ", "ở", "Đ", "e\u0301", "\u0301", "\u0323", "o\u031b", "\u2126", "\u212b", "\u0340", "\u1100\u1161",
		"가", "\u1161", "\xe1\xba", "\xff", "😀", "\U0001D15E", "\u0f73", "\u00a0", "—", "\u0344", " ", "\u2000", "…", "“", "ư", "\u0800", "\uffff", "\xed\xa0\x80", "\xe0\x80\x80"}
	r := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 5000; i++ {
		var b strings.Builder
		if i%2 == 0 {
			b.WriteString("ASCII runs of eight bytes and more, ")
		}
		for j := r.IntN(12); j >= 0; j-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		if isNFC(s) && (!utf8.ValidString(s) || !norm.NFC.IsNormalString(s)) {
			t.Fatalf("isNFC(%q) but norm changes it", s)
		}
		if got, want := NFC(s), norm.NFC.String(s); got != want {
			t.Fatalf("NFC(%q) = %q, want %q", s, got, want)
		}
		if got, want := string(NFCBytes([]byte(s))), norm.NFC.String(s); got != want {
			t.Fatalf("NFCBytes(%q) = %q, want %q", s, got, want)
		}
		got, ok := ValidNFC([]byte(s))
		if ok != utf8.ValidString(s) || ok && string(got) != norm.NFC.String(s) {
			t.Fatalf("ValidNFC(%q) = %q, %v", s, got, ok)
		}
	}
}

// Every rune marked a starter is NFC before and after every other rune of
// the sample: nothing combines with it from the left.
func TestStartersStayNFC(t *testing.T) {
	starters := nfcStarters()
	lefts := []string{"a", "e", "o", "u", "\u1100", "\u0915", "\u0f71", "ạ", "\u3099"}
	for r := rune(0); r < 1<<16; r++ {
		if starters[r>>6]&(1<<(r&63)) == 0 {
			continue
		}
		for _, l := range lefts {
			if s := l + string(r); !norm.NFC.IsNormalString(s) && norm.NFC.IsNormalString(l) {
				t.Fatalf("U+%04X after %q is not NFC", r, l)
			}
		}
	}
}

func BenchmarkNFC(b *testing.B) {
	s := []byte(strings.Repeat("Dân vận khéo ở phường Đông Hòa, người dân được “bàn” và quyết định… ", 150))
	b.Run("norm", func(b *testing.B) {
		b.SetBytes(int64(len(s)))
		cputime.Thread(b, func() {
			for b.Loop() {
				norm.NFC.Bytes(s)
			}
		})
	})
	b.Run("vi", func(b *testing.B) {
		b.SetBytes(int64(len(s)))
		cputime.Thread(b, func() {
			for b.Loop() {
				NFCBytes(s)
			}
		})
	})
	b.Run("vi-valid", func(b *testing.B) { // what the read stage calls: UTF-8 check and NFC
		b.SetBytes(int64(len(s)))
		cputime.Thread(b, func() {
			for b.Loop() {
				ValidNFC(s)
			}
		})
	})
}

// decodeBMP agrees with utf8.DecodeRune wherever it decodes.
func TestDecodeBMP(t *testing.T) {
	var b [3]byte
	for c0 := 0xC0; c0 < 0x100; c0++ {
		for c1 := 0; c1 < 0x100; c1++ {
			for _, c2 := range []byte{0x00, 0x41, 0x80, 0x9A, 0xBF, 0xC0, 0xFF} {
				b = [3]byte{byte(c0), byte(c1), c2}
				r, size := decodeBMP(b[:])
				if size == 0 {
					continue
				}
				if wr, wsize := utf8.DecodeRune(b[:]); wr != r || wsize != size {
					t.Fatalf("% x: %U/%d, utf8 says %U/%d", b, r, size, wr, wsize)
				}
			}
		}
	}
	if _, size := decodeBMP([]byte{0xE1, 0xBA}); size != 0 {
		t.Error("a cut sequence decoded")
	}
}
