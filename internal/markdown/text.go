package markdown

import (
	"bytes"
	"html"
	"strings"
	"unicode"

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
		return plain, strings.Join(strings.Fields(beforeMore.String()), " ")
	}
	return plain, firstWords(prose.String(), summaryWords)
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

// firstWords returns up to n words of s, with "…" when cut.
func firstWords(s string, n int) string {
	words := strings.Fields(s)
	if len(words) <= n {
		return strings.Join(words, " ")
	}
	cut := strings.Join(words[:n], " ")
	return strings.TrimRightFunc(cut, unicode.IsPunct) + "…"
}

func countWords(s string) int {
	return len(strings.Fields(s))
}
