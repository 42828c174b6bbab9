package cache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
)

// indexEntry says where a pack holds one entry's record.
type indexEntry struct {
	ns     string
	key    Key
	off, n int64 // the record's offset in the pack and its length; 0, 0: a use
	used   int64 // when the entry was last put or used (Unix seconds)
}

// isUse reports whether e says only that an entry was used: its record
// is in another pack.
func (e indexEntry) isUse() bool { return e.off == 0 && e.n == 0 }

// indexMagic opens every index file; the last byte is the format version.
var indexMagic = []byte("bantin-index\x00\x00\x00\x02")

// An index file is indexMagic and chunks, each appended by the pack's
// writer when it publishes what it wrote: the count of entries (uint32),
// the pack's length the chunk covers (uint64: every record before it is
// whole), the entries (namespace length, namespace, key, offset, length,
// last use; a use alone has offset and length 0), and the SHA-256 of the chunk's bytes before it. A reader keeps the
// chunks before the first that is not whole: a chunk half-written by a
// killed writer, or damaged, ends the index.
func appendChunk(buf []byte, entries []indexEntry, end int64) []byte {
	start := len(buf)
	buf = binary.LittleEndian.AppendUint32(buf, uint32(len(entries)))
	buf = binary.LittleEndian.AppendUint64(buf, uint64(end))
	for _, e := range entries {
		buf = append(buf, byte(len(e.ns)))
		buf = append(buf, e.ns...)
		buf = append(buf, e.key[:]...)
		buf = binary.LittleEndian.AppendUint64(buf, uint64(e.off))
		buf = binary.LittleEndian.AppendUint64(buf, uint64(e.n))
		buf = binary.LittleEndian.AppendUint64(buf, uint64(e.used))
	}
	sum := sha256.Sum256(buf[start:])
	return append(buf, sum[:]...)
}

// parsedIndex is what an index file says of its pack.
type parsedIndex struct {
	entries []indexEntry
	end     int64 // the pack's length the whole chunks cover
	good    int64 // the index file's length up to the last whole chunk
}

// parseIndex reads an index file's whole chunks. A file that is not an
// index covers nothing.
func parseIndex(data []byte, names *interner) parsedIndex {
	px := parsedIndex{end: int64(len(packMagic))}
	if !bytes.HasPrefix(data, indexMagic) {
		return px
	}
	px.good = int64(len(indexMagic))
	px.entries = make([]indexEntry, 0, len(data)/(1+len("markdown")+sha256.Size+24)) // about
	for rest := data[len(indexMagic):]; ; {
		entries, end, n, ok := parseChunk(px.entries, rest, px.end, names)
		if !ok {
			return px
		}
		px.entries = entries
		px.end, px.good, rest = end, px.good+int64(n), rest[n:]
	}
}

// parseChunk appends to entries those of the chunk at the start of data,
// which must lie within the pack's first end bytes, and after those the
// last chunk covered.
func parseChunk(entries []indexEntry, data []byte, covered int64, names *interner) (_ []indexEntry, end int64, n int, ok bool) {
	if len(data) < 12 {
		return nil, 0, 0, false
	}
	count := int(binary.LittleEndian.Uint32(data))
	end = int64(binary.LittleEndian.Uint64(data[4:]))
	if end < covered || count > len(data)/(1+sha256.Size+24) {
		return nil, 0, 0, false
	}
	pos := 12
	for range count {
		if pos >= len(data) || pos+1+int(data[pos])+sha256.Size+24 > len(data) {
			return nil, 0, 0, false
		}
		var e indexEntry
		nsLen := int(data[pos])
		e.ns = names.intern(data[pos+1 : pos+1+nsLen])
		pos += 1 + nsLen
		copy(e.key[:], data[pos:])
		pos += sha256.Size
		e.off = int64(binary.LittleEndian.Uint64(data[pos:]))
		e.n = int64(binary.LittleEndian.Uint64(data[pos+8:]))
		e.used = int64(binary.LittleEndian.Uint64(data[pos+16:]))
		pos += 24
		if !e.isUse() && (e.off < int64(len(packMagic)) || e.n < int64(recordHeaderLen(len(e.ns))) || e.off > end-e.n) {
			return nil, 0, 0, false
		}
		entries = append(entries, e)
	}
	if pos+sha256.Size > len(data) || sha256.Sum256(data[:pos]) != [sha256.Size]byte(data[pos:pos+sha256.Size]) {
		return nil, 0, 0, false
	}
	return entries, end, pos + sha256.Size, true
}

// interner keeps one copy of each namespace name.
type interner map[string]string

func (in *interner) intern(b []byte) string {
	if s, ok := (*in)[string(b)]; ok {
		return s
	}
	if *in == nil {
		*in = interner{}
	}
	s := string(b)
	(*in)[s] = s
	return s
}
