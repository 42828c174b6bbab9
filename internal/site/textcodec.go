package site

import (
	"bantin/internal/binrec"
	"bantin/internal/markdown"
	"bantin/internal/textstore"
)

// A page's sections and table of contents go to the text store too, each
// list as one internal/binrec record. A record read back damaged (which
// the store never gives) reads as far as it is whole.

// sectionsRecord is where a page's sections are: their table (ids,
// titles, classes, lines, where each body is in the page's HTML and each
// text in plains) and their texts, one after the other.
type sectionsRecord struct {
	table, plains Text
}

// storeSections keeps secs, whose bodies are parts of the page's HTML.
func storeSections(st *textstore.Store, secs []markdown.Section) sectionsRecord {
	if len(secs) == 0 {
		return sectionsRecord{}
	}
	e := binrec.Writer{}.Num(len(secs))
	var plains []byte
	for _, s := range secs {
		e = e.Str(s.ID).Str(s.Title).Strs(s.Classes).Num(s.Line).Num(s.Start).Num(len(s.Body)).Num(len(plains)).Num(len(s.Plain))
		plains = append(plains, s.Plain...)
	}
	return sectionsRecord{table: Text{st, st.Put(e)}, plains: Text{st, st.Put(plains)}}
}

// decodeSections reads a sections record made by storeSections.
func decodeSections(content Text, rec sectionsRecord) []Section {
	if rec.table.Len() == 0 {
		return nil
	}
	r := binrec.NewReader(rec.table.store.Bytes(rec.table.ref))
	var out []Section
	for n := r.Count(); n > 0 && r.OK(); n-- {
		s := Section{ID: r.Str(), Title: r.Str(), Classes: r.Strs(), Line: r.Num()}
		start, size, pstart, psize := r.Num(), r.Num(), r.Num(), r.Num()
		if !r.OK() || start+size > content.Len() || pstart+psize > rec.plains.Len() {
			return nil
		}
		s.body, s.plain = content.slice(start, start+size), rec.plains.slice(pstart, pstart+psize)
		out = append(out, s)
	}
	return out
}

// storeTOC keeps a table of contents as one record.
func storeTOC(st *textstore.Store, toc []markdown.Heading) Text {
	if len(toc) == 0 {
		return Text{}
	}
	e := binrec.Writer{}.Num(len(toc))
	for _, h := range toc {
		e = e.Num(h.Level).Str(h.ID).Str(h.Text)
	}
	return Text{st, st.Put(e)}
}

// decodeTOC reads a record made by storeTOC.
func decodeTOC(t Text) []markdown.Heading {
	if t.Len() == 0 {
		return nil
	}
	r := binrec.NewReader(t.store.Bytes(t.ref))
	var out []markdown.Heading
	for n := r.Count(); n > 0 && r.OK(); n-- {
		out = append(out, markdown.Heading{Level: r.Num(), ID: r.Str(), Text: r.Str()})
	}
	return out
}
