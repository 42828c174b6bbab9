package build

import (
	"encoding/binary"
	"errors"

	"bantin/internal/diag"
	"bantin/internal/markdown"
)

// A cached Markdown result is written in a binary form of its own:
// numbers as uvarints, strings and byte strings as a length and their
// bytes, lists as a count and their items, in the order of the fields
// below. gob, used before, wrote its type description into every entry
// and took as long to encode a page as goldmark took to parse part of it.
// A section's body is not written: it is the part of the HTML at its Start.

func encodeCachedMarkdown(e cachedMarkdown) []byte {
	r := e.Result
	w := mdWriter(make([]byte, 0, len(r.HTML)+len(r.Plain)+1024))
	w = w.bytes(r.HTML)
	w = w.num(len(r.Sections))
	for _, s := range r.Sections {
		w = w.str(s.ID).str(s.Title).strs(s.Classes).num(s.Line).num(s.Start).num(len(s.Body)).str(s.Plain)
	}
	w = w.num(len(r.TOC))
	for _, h := range r.TOC {
		w = w.num(h.Level).str(h.ID).str(h.Text)
	}
	w = w.str(r.Plain).str(r.Summary).num(r.WordCount).strs(r.IDs)
	w = w.num(len(r.Anchors))
	for _, a := range r.Anchors {
		w = w.str(a.Target).str(a.Fragment).pos(a.Pos)
	}
	w = w.flag(r.HasCode)
	w = w.num(len(e.Diags))
	for _, d := range e.Diags {
		w = w.pos(d.Pos).num(int(d.Severity)).str(d.Msg)
	}
	for _, list := range [][]resolved{e.Links, e.Images} {
		w = w.num(len(list))
		for _, l := range list {
			w = w.str(l.Target).str(l.URL).str(l.Err)
		}
	}
	return w
}

// decodeCachedMarkdown reads what encodeCachedMarkdown wrote; anything
// else is an error, never a panic.
func decodeCachedMarkdown(data []byte) (cachedMarkdown, error) {
	rd := &mdReader{b: data}
	r := &markdown.Result{HTML: rd.bytes()}
	for n := rd.count(); n > 0 && rd.ok(); n-- {
		s := markdown.Section{ID: rd.str(), Title: rd.str(), Classes: rd.strs(), Line: rd.num(), Start: rd.num()}
		size := rd.num()
		if s.Start > len(r.HTML) || size > len(r.HTML)-s.Start {
			return cachedMarkdown{}, errMalformed
		}
		s.Body = r.HTML[s.Start : s.Start+size : s.Start+size]
		s.Plain = rd.str()
		r.Sections = append(r.Sections, s)
	}
	for n := rd.count(); n > 0 && rd.ok(); n-- {
		r.TOC = append(r.TOC, markdown.Heading{Level: rd.num(), ID: rd.str(), Text: rd.str()})
	}
	r.Plain, r.Summary, r.WordCount, r.IDs = rd.str(), rd.str(), rd.num(), rd.strs()
	for n := rd.count(); n > 0 && rd.ok(); n-- {
		r.Anchors = append(r.Anchors, markdown.Anchor{Target: rd.str(), Fragment: rd.str(), Pos: rd.pos()})
	}
	r.HasCode = rd.flag()
	e := cachedMarkdown{Result: r}
	for n := rd.count(); n > 0 && rd.ok(); n-- {
		e.Diags = append(e.Diags, diag.Diagnostic{Pos: rd.pos(), Severity: diag.Severity(rd.num()), Msg: rd.str()})
	}
	for _, list := range []*[]resolved{&e.Links, &e.Images} {
		for n := rd.count(); n > 0 && rd.ok(); n-- {
			*list = append(*list, resolved{Target: rd.str(), URL: rd.str(), Err: rd.str()})
		}
	}
	if !rd.ok() || len(rd.b) != 0 {
		return cachedMarkdown{}, errMalformed
	}
	return e, nil
}

var errMalformed = errors.New("malformed cached Markdown")

type mdWriter []byte

func (w mdWriter) num(n int) mdWriter      { return binary.AppendUvarint(w, uint64(n)) }
func (w mdWriter) bytes(b []byte) mdWriter { return append(w.num(len(b)), b...) }
func (w mdWriter) str(s string) mdWriter   { return append(w.num(len(s)), s...) }
func (w mdWriter) pos(p diag.Pos) mdWriter { return w.str(p.File).num(p.Line).num(p.Col) }
func (w mdWriter) strs(ss []string) mdWriter {
	return w.list(len(ss), func(w mdWriter, i int) mdWriter { return w.str(ss[i]) })
}
func (w mdWriter) flag(b bool) mdWriter {
	if b {
		return w.num(1)
	}
	return w.num(0)
}
func (w mdWriter) list(n int, item func(mdWriter, int) mdWriter) mdWriter {
	w = w.num(n)
	for i := 0; i < n; i++ {
		w = item(w, i)
	}
	return w
}

// mdReader reads an mdWriter's output; after the first problem every
// read returns zero values and ok reports false.
type mdReader struct {
	b   []byte
	bad bool
}

func (r *mdReader) ok() bool { return !r.bad }

func (r *mdReader) num() int {
	if r.bad {
		return 0
	}
	n, k := binary.Uvarint(r.b)
	if k <= 0 || n > uint64(len(r.b))+1<<31 {
		r.bad = true
		return 0
	}
	r.b = r.b[k:]
	return int(n)
}

// count is a list's length, which cannot exceed the bytes left.
func (r *mdReader) count() int {
	n := r.num()
	if n > len(r.b) {
		r.bad = true
		return 0
	}
	return n
}

func (r *mdReader) bytes() []byte {
	n := r.count()
	if r.bad {
		return nil
	}
	b := r.b[:n:n]
	r.b = r.b[n:]
	return b
}

func (r *mdReader) str() string { return string(r.bytes()) }

func (r *mdReader) strs() []string {
	n := r.count()
	if n == 0 {
		return nil
	}
	out := make([]string, 0, n)
	for ; n > 0 && !r.bad; n-- {
		out = append(out, r.str())
	}
	return out
}

func (r *mdReader) pos() diag.Pos { return diag.Pos{File: r.str(), Line: r.num(), Col: r.num()} }

func (r *mdReader) flag() bool {
	switch r.num() {
	case 0:
		return false
	case 1:
		return true
	}
	r.bad = true
	return false
}
