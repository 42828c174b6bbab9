package site

import (
	"encoding/binary"
	"unsafe"

	"bantin/internal/markdown"
	"bantin/internal/textstore"
)

// A page's sections and table of contents go to the text store too, each
// list as one record: numbers as uvarints, strings as a length and their
// bytes. Decoding views the record's strings in place (records never
// change), so a read costs one copy of the record.

type encoder []byte

func (e encoder) num(n int) encoder { return binary.AppendUvarint(e, uint64(n)) }
func (e encoder) str(s string) encoder {
	return append(e.num(len(s)), s...)
}

type decoder struct{ b []byte }

func (d *decoder) num() int {
	n, k := binary.Uvarint(d.b)
	if k <= 0 {
		panic("site: damaged text store record")
	}
	d.b = d.b[k:]
	return int(n)
}

func (d *decoder) str() string {
	n := d.num()
	s := d.b[:n]
	d.b = d.b[n:]
	if n == 0 {
		return ""
	}
	return unsafe.String(&s[0], n)
}

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
	e := encoder{}.num(len(secs))
	var plains []byte
	for _, s := range secs {
		e = e.str(s.ID).str(s.Title).num(len(s.Classes))
		for _, c := range s.Classes {
			e = e.str(c)
		}
		e = e.num(s.Line).num(s.Start).num(len(s.Body)).num(len(plains)).num(len(s.Plain))
		plains = append(plains, s.Plain...)
	}
	return sectionsRecord{table: Text{st, st.Put(e)}, plains: Text{st, st.Put(plains)}}
}

// decodeSections reads a sections record made by storeSections.
func decodeSections(content Text, rec sectionsRecord) []Section {
	if rec.table.Len() == 0 {
		return nil
	}
	d := decoder{rec.table.store.Bytes(rec.table.ref)}
	out := make([]Section, d.num())
	for i := range out {
		s := &out[i]
		s.ID, s.Title = d.str(), d.str()
		if n := d.num(); n > 0 {
			s.Classes = make([]string, n)
			for j := range s.Classes {
				s.Classes[j] = d.str()
			}
		}
		s.Line = d.num()
		start, n := d.num(), d.num()
		s.body = content.slice(start, start+n)
		pstart, pn := d.num(), d.num()
		s.plain = rec.plains.slice(pstart, pstart+pn)
	}
	return out
}

// storeTOC keeps a table of contents as one record.
func storeTOC(st *textstore.Store, toc []markdown.Heading) Text {
	if len(toc) == 0 {
		return Text{}
	}
	e := encoder{}.num(len(toc))
	for _, h := range toc {
		e = e.num(h.Level).str(h.ID).str(h.Text)
	}
	return Text{st, st.Put(e)}
}

// decodeTOC reads a record made by storeTOC.
func decodeTOC(t Text) []markdown.Heading {
	if t.Len() == 0 {
		return nil
	}
	d := decoder{t.store.Bytes(t.ref)}
	out := make([]markdown.Heading, d.num())
	for i := range out {
		out[i] = markdown.Heading{Level: d.num(), ID: d.str(), Text: d.str()}
	}
	return out
}
