package cache

import (
	"bufio"
	"bytes"
	"testing"
)

// FuzzParseIndex: any bytes as an index file parse without panicking, and
// every entry they yield lies within the length the index says it covers.
func FuzzParseIndex(f *testing.F) {
	e := indexEntry{ns: "markdown", key: key(1), off: int64(len(packMagic)), n: 200, used: 1}
	whole := appendChunk(append([]byte(nil), indexMagic...), []indexEntry{e}, e.off+e.n)
	use := appendChunk(append([]byte(nil), indexMagic...), []indexEntry{{ns: "qr", key: key(2), used: 5}}, int64(len(packMagic)))
	f.Add(whole)
	f.Add(use)
	f.Add(whole[:len(whole)-1])
	f.Add(append(whole, whole[len(indexMagic):]...))
	f.Fuzz(func(t *testing.T, data []byte) {
		var names interner
		px := parseIndex(data, &names)
		if px.good > int64(len(data)) {
			t.Fatalf("good %d past the file's %d bytes", px.good, len(data))
		}
		for _, e := range px.entries {
			if !e.isUse() && (e.off < int64(len(packMagic)) || e.off+e.n > px.end) {
				t.Fatalf("entry %+v outside the %d bytes covered", e, px.end)
			}
		}
	})
}

// FuzzRecord: any bytes as a pack's records scan and decode without
// panicking; a scanned record decodes to its payload.
func FuzzRecord(f *testing.F) {
	payload := []byte("<p>Dân vận khéo</p>")
	rec := appendRecord(nil, "markdown", key(1), sumOf(string(payload)), payload)
	f.Add(rec)
	f.Add(rec[:len(rec)-2])
	f.Add(append(rec, rec...))
	f.Fuzz(func(t *testing.T, data []byte) {
		decodeRecord(data, "markdown", key(1))
		r := bufio.NewReader(bytes.NewReader(data))
		for off := int64(0); ; {
			e, err := readRecord(r, off, int64(len(data)))
			if err != nil {
				return
			}
			if e.off+e.n > int64(len(data)) {
				t.Fatalf("record %+v past the data's end", e)
			}
			if _, ok := decodeRecord(data[e.off:e.off+e.n], e.ns, e.key); !ok {
				t.Fatalf("a scanned record does not decode: %+v", e)
			}
			off += e.n
		}
	})
}
