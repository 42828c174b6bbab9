package markdown

import (
	"bantin/internal/cputime"

	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// The word functions as they were written with strings.Fields: what the
// slice-free ones must still return.
func fieldsCountWords(s string) int { return len(strings.Fields(s)) }

func fieldsFirstWords(s string, n int) string {
	words := strings.Fields(s)
	if len(words) <= n {
		return strings.Join(words, " ")
	}
	cut := strings.Join(words[:n], " ")
	return strings.TrimRightFunc(cut, unicode.IsPunct) + "…"
}

// randomText mixes words, punctuation and every kind of space (ASCII,
// no-break, ideographic, line and paragraph separators).
func randomText(r *rand.Rand, n int) string {
	pieces := []string{"dân", "vận", "khéo", "Đường", "đi.", "—", "“trích”", "a,", "!", "1.000", "x", "ạ", "ở",
		"\u1680x", "ᚁ", "\xe1", "\xe2\x80", "\xc2", "\xe1\x9a", "\xff", "\x80", "\u2060", "\u200b"}
	spaces := []string{" ", "  ", "\n", "\t", "\v", "\f", "\r", "\u00a0", "\u3000", "\u2028", "\u2029", "\u0085", " \n ",
		"\u1680", "\u2000", "\u200a", "\u202f", "\u205f"}
	var b strings.Builder
	for i := 0; i < n; i++ {
		if r.IntN(4) == 0 {
			b.WriteString(spaces[r.IntN(len(spaces))])
		}
		b.WriteString(pieces[r.IntN(len(pieces))])
		b.WriteString(spaces[r.IntN(len(spaces))])
	}
	return b.String()
}

func TestWordFunctionsAgreeWithFields(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	cases := []string{"", " ", "một", " một  hai\tba\n", "a… b", "kết thúc.", "\u00a0x\u3000y\u00a0"}
	for i := 0; i < 2000; i++ {
		cases = append(cases, randomText(r, r.IntN(80)))
	}
	for _, s := range cases {
		if got, want := countWords(s), fieldsCountWords(s); got != want {
			t.Fatalf("countWords(%q) = %d, want %d", s, got, want)
		}
		for _, n := range []int{0, 1, 3, 50} {
			if got, want := firstWords(s, n), fieldsFirstWords(s, n); got != want {
				t.Fatalf("firstWords(%q, %d) = %q, want %q", s, n, got, want)
			}
		}
		if got, want := joinWords(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Fatalf("joinWords(%q) = %q, want %q", s, got, want)
		}
	}
}

// pageText is the plain text of a 1,500-word page.
func pageText() string {
	r := rand.New(rand.NewPCG(3, 4))
	words := strings.Fields("và của là có được những trong cho người các với một không này đã dân vận khéo cơ sở chính quyền nhân dân công khai minh bạch")
	var b strings.Builder
	for i := 0; i < 1500; i++ {
		b.WriteString(words[r.IntN(len(words))])
		if i%17 == 16 {
			b.WriteString(".\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// BenchmarkWords is what Render does with a page's text: count its words,
// take the first 50 as a summary; "fields" is the former way (a slice of
// every word, twice), "scan" the present one, side by side.
//
//	go test -run '^$' -bench Words -benchmem -count 5 ./internal/markdown/
func BenchmarkWords(b *testing.B) {
	s := pageText()
	b.Run("fields", func(b *testing.B) {
		b.SetBytes(int64(len(s)))
		cputime.Thread(b, func() {
			for b.Loop() {
				fieldsCountWords(s)
				fieldsFirstWords(s, summaryWords)
			}
		})
	})
	b.Run("scan", func(b *testing.B) {
		b.SetBytes(int64(len(s)))
		cputime.Thread(b, func() {
			for b.Loop() {
				countWords(s)
				firstWords(s, summaryWords)
			}
		})
	})
}
