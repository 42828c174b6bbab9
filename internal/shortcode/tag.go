package shortcode

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// tagReader reads one tag from its "{{<" or "{{%".
type tagReader struct {
	src   []byte
	start int
	pos   int
	delim byte // what ends the tag before "}}": '>' or '%'
	m     *misses
}

// readTag reads the tag that starts at i.
func readTag(src []byte, i int, m *misses) (tag, *Error) {
	r := &tagReader{src: src, start: i, pos: i + 3, delim: closer(src[i+2]), m: m}
	t := tag{start: i, markdown: src[i+2] == '%'}
	r.skipSpace()
	if r.peek() == '/' {
		r.pos++
		r.skipSpace()
		t.closing = true
	}
	name := r.name()
	if name == "" {
		return t, r.errorf(i, "a shortcode call needs a name after %s", string(src[i:i+3]))
	}
	t.call = &Call{Name: name, Markdown: t.markdown, Start: i}
	if t.closing {
		r.skipSpace()
		if !r.atEnd() {
			return t, r.unclosed(name)
		}
	} else if err := r.args(t.call); err != nil {
		return t, err
	}
	r.pos += 3
	t.end = r.pos
	t.call.End, t.call.InnerStart, t.call.InnerEnd = t.end, t.end, t.end
	return t, nil
}

// args reads the arguments up to the tag's end, and a self-closing "/".
func (r *tagReader) args(c *Call) *Error {
	for {
		r.skipSpace()
		switch {
		case r.pos >= len(r.src) || bytes.HasPrefix(r.src[r.pos:], []byte("{{")):
			return r.unclosed(c.Name)
		case r.atEnd():
			return nil
		case r.peek() == '/' && r.atEndAfter(1):
			c.Closed = true
			r.pos++
			return nil
		}
		argStart := r.pos
		a, err := r.arg(c)
		if err != nil {
			return err
		}
		if len(c.Args) > 0 && (a.Key != "") != c.Named {
			return r.errorf(argStart, "shortcode %q mixes positional and named arguments: write all as key=\"value\" or none", c.Name)
		}
		c.Named = a.Key != ""
		c.Args = append(c.Args, a)
	}
}

// arg reads a positional value or key=value.
func (r *tagReader) arg(c *Call) (Arg, *Error) {
	if r.peek() != '"' && r.peek() != '`' {
		at := r.pos
		word := r.word()
		if word == "" {
			return Arg{}, r.badArg(c)
		}
		if r.peek() != '=' {
			return Arg{Value: word}, nil
		}
		r.pos++
		if !isName(word) {
			return Arg{}, r.errorf(at, "shortcode %q: %q is not an argument name", c.Name, word)
		}
		v, err := r.value(c)
		return Arg{Key: word, Value: v}, err
	}
	v, err := r.value(c)
	return Arg{Value: v}, err
}

// value reads "quoted", `raw` or a bare word.
func (r *tagReader) value(c *Call) (string, *Error) {
	at := r.pos
	switch r.peek() {
	case '"':
		return r.quoted(c)
	case '`':
		end := -1
		if r.pos < r.m.raw {
			end = bytes.IndexByte(r.src[r.pos+1:], '`')
		}
		if end < 0 {
			r.m.raw = min(r.m.raw, r.pos)
			return "", r.errorf(at, "shortcode %q: the argument that starts with ` is not closed", c.Name)
		}
		v := string(r.src[r.pos+1 : r.pos+1+end])
		r.pos += end + 2
		return v, nil
	}
	if w := r.word(); w != "" {
		return w, nil
	}
	return "", r.badArg(c)
}

// quoted reads a "string" with \" and \\ escapes.
func (r *tagReader) quoted(c *Call) (string, *Error) {
	at := r.pos
	var b []byte
	for i := r.pos + 1; i < len(r.src) && at < r.m.quote; i++ {
		switch ch := r.src[i]; {
		case ch == '\\' && i+1 < len(r.src) && (r.src[i+1] == '"' || r.src[i+1] == '\\'):
			b = append(b, r.src[i+1])
			i++
		case ch == '"':
			r.pos = i + 1
			return string(b), nil
		default:
			b = append(b, ch)
		}
	}
	r.m.quote = min(r.m.quote, at)
	return "", r.errorf(at, "shortcode %q: the quoted argument is not closed by \"", c.Name)
}

// word reads a bare word: up to a space, '=', a quote or the tag's end.
func (r *tagReader) word() string {
	start := r.pos
	for r.pos < len(r.src) {
		ch, size := utf8.DecodeRune(r.src[r.pos:])
		if isSpace(r.src[r.pos]) || ch == '=' || ch == '"' || ch == '`' || isCurlyQuote(ch) || r.atEnd() || (ch == '/' && r.atEndAfter(1)) {
			break
		}
		r.pos += size
	}
	return string(r.src[start:r.pos])
}

func (r *tagReader) badArg(c *Call) *Error {
	if ch, _ := utf8.DecodeRune(r.src[r.pos:]); isCurlyQuote(ch) {
		return r.errorf(r.pos, "shortcode %q: typographic quote %q where a straight \" is meant", c.Name, string(ch))
	}
	return r.errorf(r.pos, "shortcode %q: expected an argument, a quoted string or %s}}, found %q", c.Name, string(r.delim), string(r.src[r.pos:min(r.pos+1, len(r.src))]))
}

func (r *tagReader) unclosed(name string) *Error {
	return r.errorf(r.start, "shortcode %q: the tag is not closed by %s}}", name, string(r.delim))
}

func (r *tagReader) errorf(off int, format string, args ...any) *Error {
	return &Error{Off: off, Msg: fmt.Sprintf(format, args...)}
}

func (r *tagReader) name() string {
	start := r.pos
	for r.pos < len(r.src) && isNameByte(r.src[r.pos]) && !(r.src[r.pos] == '/' && r.atEndAfter(1)) {
		r.pos++
	}
	return string(r.src[start:r.pos])
}

func (r *tagReader) peek() byte {
	if r.pos < len(r.src) {
		return r.src[r.pos]
	}
	return 0
}

func (r *tagReader) skipSpace() {
	for r.pos < len(r.src) && isSpace(r.src[r.pos]) {
		r.pos++
	}
}

// atEnd reports whether the tag's ">}}" or "%}}" is next.
func (r *tagReader) atEnd() bool { return r.atEndAfter(0) }

func (r *tagReader) atEndAfter(n int) bool {
	i := r.pos + n
	return i+3 <= len(r.src) && r.src[i] == r.delim && r.src[i+1] == '}' && r.src[i+2] == '}'
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

func isNameByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_' || b == '-' || b == '.' || b == '/'
}

func isName(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isNameByte(s[i]) || s[i] == '/' {
			return false
		}
	}
	return s != ""
}

func isCurlyQuote(r rune) bool {
	return r == '“' || r == '”' || r == '„' || r == '‘' || r == '’'
}

// closer is the character before "}}" that ends a tag opened with open.
func closer(open byte) byte {
	if open == '<' {
		return '>'
	}
	return '%'
}
