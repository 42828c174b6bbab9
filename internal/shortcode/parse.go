package shortcode

import (
	"bytes"
	"fmt"
	"sort"
)

// Result is what Parse found in a source.
type Result struct {
	Calls   []*Call  // the top-level calls, in order
	Escapes [][2]int // byte ranges to delete to unescape {{</* x */>}}: each "/*" and "*/"
	Errors  []Error  // sorted by offset
}

// tag is one {{< … >}} or {{% … %}} as written.
type tag struct {
	start, end int
	markdown   bool
	closing    bool
	call       *Call // for an opening tag
}

// Parse finds the shortcode calls of src. It never fails as a whole: the
// calls it could read are returned beside the errors.
func Parse(src []byte) Result {
	var res Result
	if !bytes.Contains(src, []byte("{{")) {
		return res
	}
	code := codeRanges(src)
	m := newMisses(len(src))
	var tags []tag
	for off := 0; ; {
		i := bytes.Index(src[off:], []byte("{{"))
		if i < 0 {
			break
		}
		i += off
		off = i + 2
		if i+2 >= len(src) || (src[i+2] != '<' && src[i+2] != '%') {
			continue
		}
		if esc, end, ok := escape(src, i, m); ok {
			res.Escapes = append(res.Escapes, esc...)
			off = end
			continue
		}
		if inRanges(i, code) {
			continue
		}
		t, err := readTag(src, i, m)
		if err != nil {
			res.Errors = append(res.Errors, *err)
			continue
		}
		tags = append(tags, t)
		off = t.end
	}
	res.Calls = nest(tags, &res.Errors)
	sort.SliceStable(res.Errors, func(a, b int) bool { return res.Errors[a].Off < res.Errors[b].Off })
	return res
}

// escape reads {{</* … */>}} (or with %) at i: the ranges of "/*" and "*/"
// and the end of the escaped tag.
func escape(src []byte, i int, m *misses) ([][2]int, int, bool) {
	d := src[i+2]
	j := i + 3
	for j < len(src) && isSpace(src[j]) {
		j++
	}
	if !bytes.HasPrefix(src[j:], []byte("/*")) {
		return nil, 0, false
	}
	end := []byte("*/" + string(closer(d)) + "}}")
	miss := &m.escapeEnd[d&1] // '<' and '%' differ in their last bit
	if j >= *miss {
		return nil, 0, false
	}
	k := bytes.Index(src[j:], end)
	if k < 0 {
		*miss = j
		return nil, 0, false
	}
	k += j
	return [][2]int{{j, j + 2}, {k, k + 2}}, k + len(end), true
}

// misses remembers, for each search that runs to the end of the source,
// where it started: a later search of the same kind starts after that and
// fails too, so it is not run. Without them, many unclosed quotes or
// escapes would cost time quadratic in the source.
type misses struct {
	quote, raw int    // a quoted or `raw` argument's end
	escapeEnd  [2]int // "*/>}}" and "*/%}}"
}

func newMisses(n int) *misses {
	never := n + 1
	return &misses{quote: never, raw: never, escapeEnd: [2]int{never, never}}
}

func inRanges(off int, ranges [][2]int) bool {
	i := sort.Search(len(ranges), func(i int) bool { return ranges[i][1] > off })
	return i < len(ranges) && ranges[i][0] <= off
}

// openCall is a call waiting for its closing tag; the calls read after it
// start at items[from].
type openCall struct {
	t    tag
	from int
}

// nest pairs closing tags with open calls and returns the top-level calls.
// Every call read goes to one list, in order; a closing tag moves the calls
// read since its opening tag into that call's children. An open call that
// no closing tag pairs stays where it is, followed by the calls read after
// it. The work is linear in the number of tags: a closing tag whose name is
// not open is rejected without a search, a search pops what it passes, and
// each call is moved once, into its parent.
func nest(tags []tag, errs *[]Error) []*Call {
	var items []*Call
	var stack []openCall
	open := map[string]int{} // how many calls of each name the stack holds
	for _, t := range tags {
		switch {
		case !t.closing && t.call.Closed:
			items = append(items, t.call)
		case !t.closing:
			items = append(items, t.call)
			stack = append(stack, openCall{t: t, from: len(items)})
			open[t.call.Name]++
		case open[t.call.Name] == 0:
			*errs = append(*errs, Error{t.start, fmt.Sprintf("closing tag {{< /%s >}} has no open %q call before it", t.call.Name, t.call.Name)})
		default:
			var o openCall
			for { // pop up to the nearest open call of the name
				o, stack = stack[len(stack)-1], stack[:len(stack)-1]
				open[o.t.call.Name]--
				if o.t.call.Name == t.call.Name {
					break
				}
			}
			items = closePair(o, t, items, errs)
		}
	}
	return items
}

// closePair closes o's call with tag t: the calls after it become its
// children.
func closePair(o openCall, t tag, items []*Call, errs *[]Error) []*Call {
	c := o.t.call
	if o.t.markdown != t.markdown {
		*errs = append(*errs, Error{t.start, fmt.Sprintf("closing tag of %q is written %s, its opening tag %s: use the same delimiters", c.Name, delims(t.markdown), delims(o.t.markdown))})
	}
	c.Paired, c.InnerStart, c.InnerEnd, c.End = true, o.t.end, t.start, t.end
	c.Children = append([]*Call(nil), items[o.from:]...)
	return items[:o.from]
}

func delims(markdown bool) string {
	if markdown {
		return "{{% %}}"
	}
	return "{{< >}}"
}
