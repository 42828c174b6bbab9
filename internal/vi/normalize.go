package vi

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// NFC returns s in Unicode normalisation form C (s itself when it already
// is, see NFCBytes).
func NFC(s string) string {
	if isNFC(s) {
		return s
	}
	return norm.NFC.String(s)
}

// Fold removes tone and vowel marks and maps đ/Đ to d/D. Case is kept.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ':
			r = 'd'
		case r == 'Đ':
			r = 'D'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Key returns the folded, lower-case form of s.
func Key(s string) string { return strings.ToLower(Fold(s)) }
