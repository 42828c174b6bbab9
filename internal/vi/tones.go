package vi

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The five tone marks as combining characters (NFD).
const (
	toneGrave = '\u0300' // huyền
	toneAcute = '\u0301' // sắc
	toneTilde = '\u0303' // ngã
	toneHook  = '\u0309' // hỏi
	toneDot   = '\u0323' // nặng
)

func isTone(r rune) bool {
	switch r {
	case toneGrave, toneAcute, toneTilde, toneHook, toneDot:
		return true
	}
	return false
}

// NormalizeTones places every syllable's tone mark where the new placement
// rules put it (hoà, thuý, khoẻ), so that hòa and hoà become the same
// string. Other text is returned unchanged; the result is NFC.
func NormalizeTones(s string) string {
	var out strings.Builder
	out.Grow(len(s))
	word := make([]rune, 0, 16)
	flush := func() {
		if len(word) > 0 {
			out.WriteString(placeTone(word))
			word = word[:0]
		}
	}
	for _, r := range norm.NFD.String(s) {
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
			word = append(word, r)
			continue
		}
		flush()
		out.WriteRune(r)
	}
	flush()
	return norm.NFC.String(out.String())
}

// letter is one base letter of a syllable with the non-tone marks that
// follow it (breve, circumflex, horn).
type letter struct {
	base  rune
	marks []rune
}

// placeTone rewrites one NFD word with its tone on the canonical vowel.
func placeTone(word []rune) string {
	var letters []letter
	var tone rune
	for _, r := range word {
		switch {
		case isTone(r):
			tone = r
		case unicode.Is(unicode.Mn, r) && len(letters) > 0:
			l := &letters[len(letters)-1]
			l.marks = append(l.marks, r)
		default:
			letters = append(letters, letter{base: r})
		}
	}
	if tone == 0 {
		return string(word)
	}
	at := toneVowel(letters)
	if at < 0 {
		return string(word)
	}
	var b strings.Builder
	for i, l := range letters {
		b.WriteRune(l.base)
		for _, m := range l.marks {
			b.WriteRune(m)
		}
		if i == at {
			b.WriteRune(tone)
		}
	}
	return b.String()
}

func isVowel(r rune) bool {
	switch unicode.ToLower(r) {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// toneVowel returns the index of the letter that carries the tone.
func toneVowel(letters []letter) int {
	start, end := nucleus(letters)
	if start < 0 {
		return -1
	}
	// A vowel with its own mark (ă â ê ô ơ ư) takes the tone; in ươ, the ơ.
	marked := -1
	for i := start; i < end; i++ {
		if len(letters[i].marks) > 0 {
			marked = i
		}
	}
	if marked >= 0 {
		return marked
	}
	switch n := end - start; {
	case n == 1:
		return start
	case n >= 3:
		return start + 1
	case end < len(letters): // two vowels and a final consonant: hoàn, tuấn
		return start + 1
	}
	pair := strings.ToLower(string([]rune{letters[start].base, letters[start+1].base}))
	switch pair {
	case "oa", "oe", "uy":
		return start + 1
	}
	return start
}

// nucleus returns the vowel run of a syllable, leaving out the u of qu and
// the i of gi when a vowel follows them.
func nucleus(letters []letter) (start, end int) {
	start = -1
	for i, l := range letters {
		if isVowel(l.base) {
			start = i
			break
		}
	}
	if start < 0 {
		return -1, -1
	}
	end = start
	for end < len(letters) && isVowel(letters[end].base) {
		end++
	}
	if start > 0 && end-start > 1 && len(letters[start].marks) == 0 {
		prev := unicode.ToLower(letters[start-1].base)
		cur := unicode.ToLower(letters[start].base)
		if (prev == 'q' && cur == 'u') || (prev == 'g' && cur == 'i') {
			start++
		}
	}
	return start, end
}
