package shortcode

import "bytes"

// codeRanges returns the byte ranges of src's fenced code blocks and inline
// code spans, in order.
func codeRanges(src []byte) [][2]int {
	var out [][2]int
	var fence []byte // the open fence, nil outside one
	start, off, para := 0, 0, 0
	for off < len(src) {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += off + 1
		}
		line := src[off:end]
		switch {
		case fence != nil:
			if closesFence(line, fence) {
				out = append(out, [2]int{start, end})
				fence = nil
			}
		case openingFence(line) != nil:
			out = append(out, spans(src[para:off], para)...)
			fence, start = openingFence(line), off
			para = end
		case len(bytes.TrimSpace(line)) == 0:
			out = append(out, spans(src[para:end], para)...)
			para = end
		}
		off = end
	}
	if fence != nil {
		return append(out, [2]int{start, len(src)})
	}
	return append(out, spans(src[para:], para)...)
}

// openingFence returns the fence a line opens (``` or ~~~, three or more,
// indented at most three spaces), or nil.
func openingFence(line []byte) []byte {
	t := bytes.TrimLeft(line, " ")
	if len(line)-len(t) > 3 || len(t) < 3 || (t[0] != '`' && t[0] != '~') {
		return nil
	}
	n := 0
	for n < len(t) && t[n] == t[0] {
		n++
	}
	if n < 3 || (t[0] == '`' && bytes.IndexByte(t[n:], '`') >= 0) {
		return nil
	}
	return t[:n]
}

func closesFence(line, fence []byte) bool {
	t := bytes.TrimLeft(line, " ")
	if len(line)-len(t) > 3 || !bytes.HasPrefix(t, fence) {
		return false
	}
	rest := bytes.TrimLeft(t, string(fence[:1]))
	return len(bytes.TrimSpace(rest)) == 0
}

// spans returns the code spans of one paragraph's text, which starts at
// byte base of the source: a run of backticks to the next run of the same
// length.
func spans(text []byte, base int) [][2]int {
	var out [][2]int
	i := 0
	for i < len(text) {
		open := bytes.IndexByte(text[i:], '`')
		if open < 0 {
			break
		}
		open += i
		n := run(text, open)
		if open > 0 && text[open-1] == '\\' {
			i = open + n
			continue
		}
		close := -1
		for j := open + n; j < len(text); {
			k := bytes.IndexByte(text[j:], '`')
			if k < 0 {
				break
			}
			k += j
			if m := run(text, k); m == n {
				close = k + m
				break
			} else {
				j = k + m
			}
		}
		if close < 0 {
			i = open + n
			continue
		}
		out = append(out, [2]int{base + open, base + close})
		i = close
	}
	return out
}

func run(b []byte, i int) int {
	n := 0
	for i+n < len(b) && b[i+n] == '`' {
		n++
	}
	return n
}
