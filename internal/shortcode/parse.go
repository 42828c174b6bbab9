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
		if esc, end, ok := escape(src, i); ok {
			res.Escapes = append(res.Escapes, esc...)
			off = end
			continue
		}
		if inRanges(i, code) {
			continue
		}
		t, err := readTag(src, i)
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
func escape(src []byte, i int) ([][2]int, int, bool) {
	d := src[i+2]
	j := i + 3
	for j < len(src) && isSpace(src[j]) {
		j++
	}
	if !bytes.HasPrefix(src[j:], []byte("/*")) {
		return nil, 0, false
	}
	end := []byte("*/" + string(closer(d)) + "}}")
	k := bytes.Index(src[j:], end)
	if k < 0 {
		return nil, 0, false
	}
	k += j
	return [][2]int{{j, j + 2}, {k, k + 2}}, k + len(end), true
}

func inRanges(off int, ranges [][2]int) bool {
	i := sort.Search(len(ranges), func(i int) bool { return ranges[i][1] > off })
	return i < len(ranges) && ranges[i][0] <= off
}

// openCall is a call waiting for its closing tag, with the calls read
// inside it so far.
type openCall struct {
	t        tag
	children []*Call
}

// nest pairs closing tags with open calls and returns the top-level calls.
func nest(tags []tag, errs *[]Error) []*Call {
	stack := []*openCall{{}} // the bottom holds the top-level calls
	for _, t := range tags {
		switch {
		case !t.closing && t.call.Closed:
			stack[len(stack)-1].children = append(stack[len(stack)-1].children, t.call)
		case !t.closing:
			stack = append(stack, &openCall{t: t})
		default:
			stack = closeCall(stack, t, errs)
		}
	}
	for len(stack) > 1 {
		stack = popUnpaired(stack)
	}
	return stack[0].children
}

// closeCall pairs closing tag t with the nearest open call of its name.
func closeCall(stack []*openCall, t tag, errs *[]Error) []*openCall {
	name := t.call.Name
	k := len(stack) - 1
	for k > 0 && stack[k].t.call.Name != name {
		k--
	}
	if k == 0 {
		*errs = append(*errs, Error{t.start, fmt.Sprintf("closing tag {{< /%s >}} has no open %q call before it", name, name)})
		return stack
	}
	for len(stack)-1 > k {
		stack = popUnpaired(stack)
	}
	o := stack[k]
	stack = stack[:k]
	if o.t.markdown != t.markdown {
		*errs = append(*errs, Error{t.start, fmt.Sprintf("closing tag of %q is written %s, its opening tag %s: use the same delimiters", name, delims(t.markdown), delims(o.t.markdown))})
	}
	c := o.t.call
	c.Paired, c.InnerStart, c.InnerEnd, c.End, c.Children = true, o.t.end, t.start, t.end, o.children
	stack[len(stack)-1].children = append(stack[len(stack)-1].children, c)
	return stack
}

// popUnpaired pops an open call that no closing tag pairs: it goes to its
// parent's calls, followed by the calls read after it.
func popUnpaired(stack []*openCall) []*openCall {
	o := stack[len(stack)-1]
	stack = stack[:len(stack)-1]
	parent := stack[len(stack)-1]
	parent.children = append(append(parent.children, o.t.call), o.children...)
	return stack
}

func delims(markdown bool) string {
	if markdown {
		return "{{% %}}"
	}
	return "{{< >}}"
}
