package search

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"bantin/internal/vi"
)

// Token is one syllable (or number, or foreign word) of a text.
type Token struct {
	Exact string // NFC, lower case, tone on its canonical vowel: "hòa"
	Key   string // Exact without marks, đ → d: "hoa"
	Break bool   // a sentence mark (. , ; : ! ? …) or a new field comes before it
}

// Tokenize splits text into tokens. Letters, digits and combining marks
// make words; everything else separates them. The JS side (js/vi.js)
// does the same, and testdata/text-cases.json holds the cases both must
// agree on.
//
// Every token has a non-empty Key (a word of combining marks alone, such
// as a stray U+0301, is no token: a break before it passes to the next),
// and an NFC Exact that tokenizes to itself.
func Tokenize(text string) []Token {
	var out []Token
	eachWord(vi.NFC(text), func(word string, brk bool) { out = append(out, token(word, brk)) })
	return out
}

// eachWord calls fn with each word of text, which must be NFC (as every
// text bantin reads is), and whether a break comes before it.
func eachWord(text string, fn func(word string, brk bool)) {
	brk := true
	start, base := -1, false // base: the word has a letter or digit
	classes := runeClasses()
	for i, r := range text {
		if classes.word(r) {
			if start < 0 {
				start, base = i, false
			}
			if !base {
				base = !classes.mark(r)
			}
			continue
		}
		if start >= 0 && base {
			fn(text[start:i], brk)
			brk = false
		}
		start = -1
		if isBreakRune(r) {
			brk = true
		}
	}
	if start >= 0 && base {
		fn(text[start:], brk)
	}
}

func token(word string, brk bool) Token {
	// Lower case first: lower-casing may drop a mark (İ → i), and the tone's
	// place depends on the marks, so the other order is not idempotent.
	exact := vi.NormalizeTones(strings.ToLower(word))
	return Token{Exact: exact, Key: vi.Key(exact), Break: brk}
}

// isWordRune is what makes words: letters, digits and combining marks.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isBreakRune reports whether r ends a phrase: two syllables on either side
// of it are not a pair.
func isBreakRune(r rune) bool {
	if r == ' ' {
		return false
	}
	return strings.ContainsRune(".,;:!?…()[]{}\"“”«»|/–—\n", r)
}

// classes holds isWordRune and unicode.Mn as a bit per rune of the Basic
// Multilingual Plane: Vietnamese is mostly letters beyond Latin-1
// (U+1EA0–U+1EF9), for which unicode.IsLetter searches its tables, once
// per rune of every page.
type classes struct {
	words, marks [1 << 16 / 64]uint64
}

var runeClasses = sync.OnceValue(func() *classes {
	c := &classes{}
	for r := rune(0); r < 1<<16; r++ {
		if isWordRune(r) {
			c.words[r>>6] |= 1 << (r & 63)
		}
		if unicode.Is(unicode.Mn, r) {
			c.marks[r>>6] |= 1 << (r & 63)
		}
	}
	return c
})

func (c *classes) word(r rune) bool {
	if r < 1<<16 {
		return c.words[r>>6]&(1<<(r&63)) != 0
	}
	return isWordRune(r)
}

func (c *classes) mark(r rune) bool {
	if r < 1<<16 {
		return c.marks[r>>6]&(1<<(r&63)) != 0
	}
	return unicode.Is(unicode.Mn, r)
}
