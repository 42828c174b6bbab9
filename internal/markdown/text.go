package markdown

import (
	"bytes"
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// summaryWords is the length of an automatic summary.
const summaryWords = 50

// inlineText returns the plain text of n's inline content.
func inlineText(n ast.Node, src []byte) string {
	var b strings.Builder
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.WriteString(html.UnescapeString(string(t.Value))) // the typographer's &ldquo; is “
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		case *east.FootnoteLink:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

func tableOfContents(doc ast.Node, src []byte) []Heading {
	var out []Heading
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		h, ok := c.(*ast.Heading)
		if !ok || h.Level < 2 || h.Level > 3 {
			continue
		}
		id, _ := h.AttributeString("id")
		idStr, _ := id.([]byte)
		out = append(out, Heading{Level: h.Level, ID: string(idStr), Text: strings.TrimSpace(inlineText(h, src))})
	}
	return out
}

// plainAndSummary returns the document's text, one block per line, and its
// summary.
func plainAndSummary(doc ast.Node, src []byte) (plain, summary string) {
	var all, prose, beforeMore strings.Builder
	all.Grow(len(src)) // the text is about as long as its Markdown: no regrowing
	prose.Grow(len(src))
	more := false
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		if hb, ok := c.(*ast.HTMLBlock); ok && isMoreMarker(blockLines(hb, src)) {
			more = true
			beforeMore.WriteString(prose.String())
			continue
		}
		if c.Kind() == ast.KindFencedCodeBlock || c.Kind() == ast.KindCodeBlock || c.Kind() == ast.KindHTMLBlock {
			continue
		}
		if t := strings.TrimSpace(blockText(c, src)); t != "" {
			all.WriteString(t)
			all.WriteByte('\n')
			if c.Kind() != ast.KindHeading {
				prose.WriteString(t)
				prose.WriteByte('\n')
			}
		}
	}
	plain = all.String()
	if more {
		return plain, joinWords(beforeMore.String())
	}
	// A copy: the summary stays in memory with the page, and a part of
	// prose would keep all of it (the length of the Markdown) alive.
	return plain, strings.Clone(firstWords(prose.String(), summaryWords))
}

// blockText is the text of a block; nested blocks are separated by spaces.
func blockText(n ast.Node, src []byte) string {
	if n.Type() == ast.TypeBlock && n.FirstChild() != nil && n.FirstChild().Type() == ast.TypeInline {
		return inlineText(n, src)
	}
	var parts []string
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Kind() == ast.KindFencedCodeBlock || c.Kind() == ast.KindCodeBlock {
			continue
		}
		parts = append(parts, blockText(c, src))
	}
	return strings.Join(parts, " ")
}

func blockLines(n ast.Node, src []byte) []byte {
	var b bytes.Buffer
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		b.Write(seg.Value(src))
	}
	return b.Bytes()
}

// Words are what strings.Fields splits (runs of anything but
// unicode.IsSpace), found in place: counting a page's words or taking its
// first fifty makes no slice of every word.

// firstWords returns up to n words of s joined by single spaces, with "…"
// when cut.
func firstWords(s string, n int) string {
	var b strings.Builder
	if more := appendWords(&b, s, n); more {
		return strings.TrimRightFunc(b.String(), unicode.IsPunct) + "…"
	}
	return b.String()
}

// joinWords returns every word of s joined by single spaces.
func joinWords(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	appendWords(&b, s, -1)
	return b.String()
}

// appendWords writes the first n words of s (all of them when n < 0) to b,
// separated by single spaces, and says whether s has more.
func appendWords(b *strings.Builder, s string, n int) (more bool) {
	for i, count := 0, 0; ; count++ {
		start, end := nextWord(s, i)
		if start == len(s) {
			return false
		}
		if count == n {
			return true
		}
		if count > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s[start:end])
		i = end
	}
}

// countWords counts the words of s as strings.Fields splits them, in one
// pass: a word starts at each byte that is not a space after one that is
// (or at the start). Only the lead bytes nextWord names are decoded.
func countWords(s string) int {
	n, inWord := 0, false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				inWord = false
			} else if !inWord {
				n, inWord = n+1, true
			}
			i++
			continue
		}
		size := 1
		space := false
		if c == 0xC2 || c == 0xE2 || c == 0xE3 || c == 0xE1 && i+1 < len(s) && s[i+1] == 0x9A {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		if space {
			inWord = false
		} else if !inWord {
			n, inWord = n+1, true
		}
		i += size
	}
	return n
}

// nextWord returns the bounds of the first word of s at or after byte i;
// start is len(s) when there is none. Inside a word it looks at bytes, not
// runes: Vietnamese is mostly multi-byte letters, and beyond ASCII a space
// can only start with the bytes C2 (U+0085, U+00A0), E1 9A (U+1680), E2
// (U+2000–U+205F) or E3 (U+3000), so only those are decoded; every other
// byte is part of the word (bytes of invalid UTF-8 are never spaces, as in
// strings.Fields).
func nextWord(s string, i int) (start, end int) {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	start = i
	for i < len(s) {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			if asciiSpace[c] {
				return start, i
			}
		case c == 0xC2 || c == 0xE2 || c == 0xE3 || c == 0xE1 && i+1 < len(s) && s[i+1] == 0x9A:
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return start, i
			}
			i += size
			continue
		}
		i++
	}
	return start, i
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
