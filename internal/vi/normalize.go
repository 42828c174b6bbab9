package vi

import (
	"strings"
	"unicode"
	"unicode/utf8"

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
// Text of ASCII and Latin letters with marks (every Vietnamese letter) is
// folded through a table made from NFD at start-up (foldTable); anything
// else goes through NFD whole, as the table was made.
func Fold(s string) string {
	if out, ok := foldFast(s); ok {
		return out
	}
	return foldNFD(s)
}

// foldNFD is Fold by its definition: decompose, drop the marks.
func foldNFD(s string) string {
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

// foldFast folds s with foldTable, or reports false when s holds a rune
// the table does not cover.
func foldFast(s string) (string, bool) {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s, true
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			b = append(b, byte(r))
		case r >= foldFirst && r < foldFirst+rune(len(foldTable)) && foldTable[r-foldFirst] != "":
			b = append(b, foldTable[r-foldFirst]...)
		default:
			return "", false
		}
	}
	return string(b), true
}

// foldTable holds Fold of each rune from foldFirst on (Latin-1 Supplement
// to Latin Extended Additional) that is a letter and folds to ASCII
// letters: "" for the others, which take foldNFD's path.
var foldTable = makeFoldTable()

const foldFirst = 0x00C0

func makeFoldTable() []string {
	t := make([]string, 0x1F00-foldFirst)
	for i := range t {
		r := foldFirst + rune(i)
		if !unicode.IsLetter(r) {
			continue
		}
		f := foldNFD(string(r))
		ascii := f != ""
		for j := 0; j < len(f); j++ {
			ascii = ascii && f[j] < utf8.RuneSelf
		}
		if ascii {
			t[i] = f
		}
	}
	return t
}

// Key returns the folded, lower-case form of s.
func Key(s string) string { return strings.ToLower(Fold(s)) }
