package pdf

import (
	"math"
	"strconv"
)

// pageMarks is what one page's content stream draws, as the preflight
// needs it: the smallest text size and each image placed, at the size it
// prints (points).
type pageMarks struct {
	MinTextPt     float64       // 0 when the page has no text
	Images        []placedImage // in drawing order
	RichBlackText int           // text shown in a four-colour black (k)
}

// inks is a CMYK fill colour (a k operator's operands).
type inks [4]float64

// richBlack tells whether the inks are a black built from colour inks as
// well as black: text in it would be printed on four plates, and every
// misregistration would fringe it.
func (c inks) richBlack() bool { return c[3] >= 0.9 && c[0]+c[1]+c[2] > 0 }

// graphicsState is what q saves and Q restores, of what readMarks follows.
type graphicsState struct {
	ctm  matrix
	fill inks
}

// placedImage is an image XObject drawn at Width × Height points.
type placedImage struct {
	Name          string // its resource name
	Width, Height float64
}

// matrix is a PDF transformation [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// times returns m × n (m applied first).
func (m matrix) times(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// scale is the matrix's linear scale: the square root of its area factor.
func (m matrix) scale() float64 { return math.Sqrt(math.Abs(m[0]*m[3] - m[1]*m[2])) }

// readMarks interprets a decoded content stream: the graphics state stack
// (q, Q, cm), text state (BT, Tf, Tm, Td, TD, T*, Tz) and the operators that
// show text or draw an XObject. Everything else is skipped.
func readMarks(content []byte) pageMarks {
	var marks pageMarks
	ctm, stack := identity, []graphicsState{}
	var fill inks
	var tm, tlm matrix
	size, hscale, leading := 0.0, 1.0, 0.0
	var operands []float64
	var names []string
	showText := func() {
		if eff := size * tm.times(ctm).scale() * math.Sqrt(hscale); eff > 0 && (marks.MinTextPt == 0 || eff < marks.MinTextPt) {
			marks.MinTextPt = eff
		}
		if fill.richBlack() {
			marks.RichBlackText++
		}
	}
	nextLine := func(tx, ty float64) { tlm = matrix{1, 0, 0, 1, tx, ty}.times(tlm); tm = tlm }
	lex := lexer{src: content}
	for {
		tok, kind := lex.next()
		if kind == tokEOF {
			break
		}
		switch kind {
		case tokNumber:
			v, _ := strconv.ParseFloat(tok, 64)
			operands = append(operands, v)
			continue
		case tokName:
			names = append(names, tok)
			continue
		case tokOther:
			continue
		}
		n := len(operands)
		arg := func(i int) float64 { return operands[n-i] }
		switch tok {
		case "q":
			stack = append(stack, graphicsState{ctm, fill})
		case "Q":
			if len(stack) > 0 {
				top := stack[len(stack)-1]
				ctm, fill, stack = top.ctm, top.fill, stack[:len(stack)-1]
			}
		case "k":
			if n >= 4 {
				fill = inks{arg(4), arg(3), arg(2), arg(1)}
			}
		case "g", "rg", "cs", "scn", "sc":
			fill = inks{} // not a CMYK colour
		case "cm":
			if n >= 6 {
				ctm = matrix{arg(6), arg(5), arg(4), arg(3), arg(2), arg(1)}.times(ctm)
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tf":
			if n >= 1 {
				size = math.Abs(arg(1))
			}
		case "Tz":
			if n >= 1 {
				hscale = arg(1) / 100
			}
		case "TL":
			if n >= 1 {
				leading = arg(1)
			}
		case "Tm":
			if n >= 6 {
				tlm = matrix{arg(6), arg(5), arg(4), arg(3), arg(2), arg(1)}
				tm = tlm
			}
		case "Td":
			if n >= 2 {
				nextLine(arg(2), arg(1))
			}
		case "TD":
			if n >= 2 {
				leading = -arg(1)
				nextLine(arg(2), arg(1))
			}
		case "T*":
			nextLine(0, -leading)
		case "Tj", "TJ":
			showText()
		case "'", "\"":
			nextLine(0, -leading)
			showText()
		case "Do":
			if len(names) > 0 {
				w := math.Hypot(ctm[0], ctm[1])
				h := math.Hypot(ctm[2], ctm[3])
				marks.Images = append(marks.Images, placedImage{Name: names[len(names)-1], Width: w, Height: h})
			}
		}
		operands, names = operands[:0], names[:0]
	}
	return marks
}

// Token kinds of a content stream.
const (
	tokEOF = iota
	tokNumber
	tokName
	tokOperator
	tokOther // strings, arrays, dictionaries and their parts
)

// lexer splits a content stream into tokens. Strings, hex strings and
// inline image data are read whole so that their bytes never look like
// operators.
type lexer struct {
	src   []byte
	pos   int
	start int // where the last token began
}

func (l *lexer) next() (string, int) {
	for l.pos < len(l.src) {
		l.start = l.pos
		c := l.src[l.pos]
		switch {
		case isSpace(c):
			l.pos++
		case c == '%':
			for l.pos < len(l.src) && l.src[l.pos] != '\n' && l.src[l.pos] != '\r' {
				l.pos++
			}
		case c == '(':
			l.skipString()
			return "", tokOther
		case c == '<' && l.pos+1 < len(l.src) && l.src[l.pos+1] == '<', c == '>' && l.pos+1 < len(l.src) && l.src[l.pos+1] == '>':
			l.pos += 2
			return "", tokOther
		case c == '<':
			for l.pos < len(l.src) && l.src[l.pos] != '>' {
				l.pos++
			}
			l.pos++
			return "", tokOther
		case c == '[', c == ']', c == '{', c == '}', c == ')', c == '>':
			l.pos++
			return "", tokOther
		case c == '/':
			start := l.pos + 1
			l.pos++
			for l.pos < len(l.src) && !isSpace(l.src[l.pos]) && !isDelimiter(l.src[l.pos]) {
				l.pos++
			}
			return string(l.src[start:l.pos]), tokName
		default:
			start := l.pos
			for l.pos < len(l.src) && !isSpace(l.src[l.pos]) && !isDelimiter(l.src[l.pos]) {
				l.pos++
			}
			if l.pos == start {
				l.pos++
				return "", tokOther
			}
			word := string(l.src[start:l.pos])
			if c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9') {
				return word, tokNumber
			}
			if word == "ID" {
				l.skipInlineImage()
				return "", tokOther
			}
			return word, tokOperator
		}
	}
	return "", tokEOF
}

// skipString skips a literal string with nested parentheses and escapes.
func (l *lexer) skipString() {
	depth := 0
	for ; l.pos < len(l.src); l.pos++ {
		switch l.src[l.pos] {
		case '\\':
			l.pos++
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				l.pos++
				return
			}
		}
	}
}

// skipInlineImage skips inline image data up to its "EI".
func (l *lexer) skipInlineImage() {
	for ; l.pos+2 < len(l.src); l.pos++ {
		if isSpace(l.src[l.pos]) && l.src[l.pos+1] == 'E' && l.src[l.pos+2] == 'I' && (l.pos+3 == len(l.src) || isSpace(l.src[l.pos+3])) {
			l.pos += 3
			return
		}
	}
	l.pos = len(l.src)
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelimiter(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}
