package cache

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"io"
)

// A record is one entry as a pack holds it: a marker, the namespace
// (length-prefixed), the key, the payload's length and SHA-256, and the
// payload. A record names its own entry, so that a pack can be read
// without its index (after a crash) and a record found at the wrong place
// is never taken for another entry.
var recordMarker = [4]byte{'r', 'e', 'c', 1}

// maxNamespace is the longest namespace a record can name.
const maxNamespace = 255

// recordHeaderLen is the length of a record's header whose namespace is
// nsLen bytes long.
func recordHeaderLen(nsLen int) int {
	return len(recordMarker) + 1 + nsLen + sha256.Size + 8 + sha256.Size
}

// appendRecord appends the record of (ns, k, payload) to buf; sum is the
// payload's SHA-256.
func appendRecord(buf []byte, ns string, k Key, sum [sha256.Size]byte, payload []byte) []byte {
	buf = append(buf, recordMarker[:]...)
	buf = append(buf, byte(len(ns)))
	buf = append(buf, ns...)
	buf = append(buf, k[:]...)
	buf = binary.LittleEndian.AppendUint64(buf, uint64(len(payload)))
	buf = append(buf, sum[:]...)
	return append(buf, payload...)
}

// decodeRecord returns the payload of raw when raw is one whole record
// written for (ns, k) whose payload matches its length and checksum.
func decodeRecord(raw []byte, ns string, k Key) ([]byte, bool) {
	h, ok := parseHeader(raw)
	if !ok || h.ns != ns || h.key != k || uint64(len(raw)-h.len) != h.payloadLen {
		return nil, false
	}
	payload := raw[h.len:]
	if sha256.Sum256(payload) != h.sum {
		return nil, false
	}
	return payload, true
}

// header is a record's header, read.
type header struct {
	ns         string
	key        Key
	payloadLen uint64
	sum        [sha256.Size]byte
	len        int // bytes of the header
}

// parseHeader reads the header at the start of raw.
func parseHeader(raw []byte) (header, bool) {
	var h header
	fixed := len(recordMarker) + 1
	if len(raw) < fixed || !bytes.Equal(raw[:len(recordMarker)], recordMarker[:]) {
		return h, false
	}
	nsLen := int(raw[fixed-1])
	h.len = recordHeaderLen(nsLen)
	if len(raw) < h.len {
		return h, false
	}
	h.ns = string(raw[fixed : fixed+nsLen])
	rest := raw[fixed+nsLen:]
	copy(h.key[:], rest)
	rest = rest[sha256.Size:]
	h.payloadLen = binary.LittleEndian.Uint64(rest)
	copy(h.sum[:], rest[8:])
	return h, true
}

// errEndOfRecords ends a scan at the first byte that is not a whole,
// checked record: the pack's end, or the half-written tail of a writer
// that was killed.
var errEndOfRecords = errors.New("cache: no whole record")

// readRecord reads the record at r's position, checks it, and returns
// its index entry (off is the record's offset in the pack).
func readRecord(r *bufio.Reader, off, limit int64) (indexEntry, error) {
	fixed := len(recordMarker) + 1
	head, err := r.Peek(fixed)
	if err != nil {
		return indexEntry{}, errEndOfRecords
	}
	raw, err := r.Peek(recordHeaderLen(int(head[fixed-1])))
	if err != nil {
		return indexEntry{}, errEndOfRecords
	}
	h, ok := parseHeader(raw)
	if !ok || h.payloadLen > uint64(limit-off-int64(h.len)) {
		return indexEntry{}, errEndOfRecords
	}
	r.Discard(h.len)
	sum := sha256.New()
	if _, err := io.CopyN(sum, r, int64(h.payloadLen)); err != nil || !bytes.Equal(sum.Sum(nil), h.sum[:]) {
		return indexEntry{}, errEndOfRecords
	}
	return indexEntry{ns: h.ns, key: h.key, off: off, n: int64(h.len) + int64(h.payloadLen)}, nil
}
