package markdown

import (
	"bytes"
	"fmt"

	"bantin/internal/diag"
)

// Limits on input that would make goldmark take seconds or minutes on one
// page (its list and link parsing is quadratic on such input: a list nested
// 2,000 deep by indentation takes 25–35 s, "[a](" × 50,000 takes 31 s).
// Real documents stay far below them.
const (
	// MaxIndent is the widest leading indentation (tabs count 4) of a line
	// outside fenced code: lists and quotes nested deeper than about 200
	// levels. 800 levels cost goldmark 0.5 s.
	MaxIndent = 400
	// MaxQuoteDepth is the most ">" markers that open one line.
	MaxQuoteDepth = 100
	// MaxBrackets is the most "[" in one paragraph (a block between blank
	// lines): 8,000 unclosed "[a](" cost goldmark 0.3 s, 50,000 cost 31 s.
	MaxBrackets = 10000
)

// tooCostly checks in.Src against the limits before goldmark sees it; it
// returns the position and a message when one is passed.
func tooCostly(in Input) (diag.Pos, string, bool) {
	pos := func(off int) diag.Pos { return in.posAt(in.lines, off) }
	fence := []byte(nil)
	brackets, blockStart := 0, 0
	for off := 0; off < len(in.Src); {
		end := bytes.IndexByte(in.Src[off:], '\n')
		if end < 0 {
			end = len(in.Src)
		} else {
			end += off
		}
		line := in.Src[off:end]
		indent, quotes, rest := prefixOf(line)
		switch {
		case fence != nil:
			if bytes.HasPrefix(rest, fence) {
				fence = nil
			}
		case bytes.HasPrefix(rest, []byte("```")) || bytes.HasPrefix(rest, []byte("~~~")):
			fence = rest[:3]
		case indent > MaxIndent:
			return pos(off), fmt.Sprintf("this line is indented %d columns: lists or quotes nested this deep would take the Markdown parser too long (at most %d)", indent, MaxIndent), false
		case quotes > MaxQuoteDepth:
			return pos(off), fmt.Sprintf("this line opens %d nested quotes (>): at most %d", quotes, MaxQuoteDepth), false
		}
		if len(bytes.TrimSpace(line)) == 0 {
			brackets, blockStart = 0, end+1
		} else if fence == nil {
			if brackets += bytes.Count(line, []byte("[")); brackets > MaxBrackets {
				return pos(blockStart), fmt.Sprintf("this paragraph holds more than %d \"[\": so many link openings would take the Markdown parser too long; split it with blank lines", MaxBrackets), false
			}
		}
		off = end + 1
	}
	return diag.Pos{}, "", true
}

// prefixOf measures a line's leading indentation (tabs to the next multiple
// of 4) and ">" markers, and returns the rest.
func prefixOf(line []byte) (indent, quotes int, rest []byte) {
	col := 0
	i := 0
	for ; i < len(line); i++ {
		switch line[i] {
		case ' ':
			col++
		case '\t':
			col += 4 - col%4
		case '>':
			quotes++
			col++
		default:
			return col, quotes, line[i:]
		}
	}
	return col, quotes, line[i:]
}
