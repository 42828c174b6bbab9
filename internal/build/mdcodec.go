package build

import (
	"errors"

	"bantin/internal/binrec"
	"bantin/internal/diag"
	"bantin/internal/markdown"
)

// A cached Markdown result is an internal/binrec record: its fields in
// the order below. gob, used before, wrote its type description into every entry
// and took as long to encode a page as goldmark took to parse part of it.
// A section's body is not written: it is the part of the HTML at its Start.

func encodeCachedMarkdown(e cachedMarkdown) []byte {
	r := e.Result
	w := binrec.Writer(make([]byte, 0, len(r.HTML)+len(r.Plain)+1024))
	w = w.Bytes(r.HTML)
	w = w.Num(len(r.Sections))
	for _, s := range r.Sections {
		w = w.Str(s.ID).Str(s.Title).Strs(s.Classes).Num(s.Line).Num(s.Start).Num(len(s.Body)).Str(s.Plain)
	}
	w = w.Num(len(r.TOC))
	for _, h := range r.TOC {
		w = w.Num(h.Level).Str(h.ID).Str(h.Text)
	}
	w = w.Str(r.Plain).Str(r.Summary).Num(r.WordCount).Strs(r.IDs)
	w = w.Num(len(r.Anchors))
	for _, a := range r.Anchors {
		w = writePos(w.Str(a.Target).Str(a.Fragment), a.Pos)
	}
	w = w.Flag(r.HasCode)
	w = w.Num(len(e.Diags))
	for _, d := range e.Diags {
		w = writePos(w, d.Pos).Num(int(d.Severity)).Str(d.Msg)
	}
	for _, list := range [][]resolved{e.Links, e.Images} {
		w = w.Num(len(list))
		for _, l := range list {
			w = w.Str(l.Target).Str(l.URL).Str(l.Err)
		}
	}
	return w
}

// decodeCachedMarkdown reads what encodeCachedMarkdown wrote; anything
// else is an error, never a panic.
func decodeCachedMarkdown(data []byte) (cachedMarkdown, error) {
	rd := binrec.NewReader(data)
	r := &markdown.Result{HTML: rd.Bytes()}
	for n := rd.Count(); n > 0 && rd.OK(); n-- {
		s := markdown.Section{ID: rd.Str(), Title: rd.Str(), Classes: rd.Strs(), Line: rd.Num(), Start: rd.Num()}
		size := rd.Num()
		if s.Start > len(r.HTML) || size > len(r.HTML)-s.Start {
			return cachedMarkdown{}, errMalformed
		}
		s.Body = r.HTML[s.Start : s.Start+size : s.Start+size]
		s.Plain = rd.Str()
		r.Sections = append(r.Sections, s)
	}
	for n := rd.Count(); n > 0 && rd.OK(); n-- {
		r.TOC = append(r.TOC, markdown.Heading{Level: rd.Num(), ID: rd.Str(), Text: rd.Str()})
	}
	r.Plain, r.Summary, r.WordCount, r.IDs = rd.Str(), rd.Str(), rd.Num(), rd.Strs()
	for n := rd.Count(); n > 0 && rd.OK(); n-- {
		r.Anchors = append(r.Anchors, markdown.Anchor{Target: rd.Str(), Fragment: rd.Str(), Pos: readPos(rd)})
	}
	r.HasCode = rd.Flag()
	e := cachedMarkdown{Result: r}
	for n := rd.Count(); n > 0 && rd.OK(); n-- {
		e.Diags = append(e.Diags, diag.Diagnostic{Pos: readPos(rd), Severity: diag.Severity(rd.Num()), Msg: rd.Str()})
	}
	for _, list := range []*[]resolved{&e.Links, &e.Images} {
		for n := rd.Count(); n > 0 && rd.OK(); n-- {
			*list = append(*list, resolved{Target: rd.Str(), URL: rd.Str(), Err: rd.Str()})
		}
	}
	if !rd.Done() {
		return cachedMarkdown{}, errMalformed
	}
	return e, nil
}

var errMalformed = errors.New("malformed cached Markdown")

func writePos(w binrec.Writer, p diag.Pos) binrec.Writer { return w.Str(p.File).Num(p.Line).Num(p.Col) }

func readPos(r *binrec.Reader) diag.Pos { return diag.Pos{File: r.Str(), Line: r.Num(), Col: r.Num()} }
