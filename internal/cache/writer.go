package cache

import (
	"crypto/sha256"
	"errors"
	"os"
	"sync"
)

// bufferBytes is how many bytes of records a writer gathers before it
// writes them to its pack in one call.
const bufferBytes = 1 << 20

// writer appends one store's entries to its own pack and publishes them
// in the pack's index. Only the holder of the pack's lock writes to the
// pack and its index, so no one ever reads a record being written.
type writer struct {
	mu          sync.Mutex
	p           *pack
	idx         *os.File
	idxEnd      int64
	end         int64        // bytes of the pack written to the file
	buf         []byte       // records after end, not written yet
	buffered    int          // how many records buf holds
	unpublished []indexEntry // records written or buffered, not yet in the index
	err         error        // the first failure: the pack takes nothing more
	// fail reports entries that were lost (they stay readable in this
	// process, but the next will not find them).
	fail func(lost int, err error)
}

func newWriter(dir string, fail func(int, error)) (*writer, error) {
	p, idx, err := newPackFile(dir)
	if err != nil {
		return nil, err
	}
	return &writer{p: p, idx: idx, idxEnd: int64(len(indexMagic)), end: p.size.Load(), fail: fail}, nil
}

// add appends the record of (ns, k, payload); sum is the payload's
// SHA-256. It returns where the record is; an error only when the pack
// takes nothing more.
func (w *writer) add(ns string, k Key, sum [sha256.Size]byte, payload []byte, used int64) (location, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err != nil {
		return location{}, w.err
	}
	off := w.end + int64(len(w.buf))
	w.buf = appendRecord(w.buf, ns, k, sum, payload)
	loc := location{p: w.p, off: off, n: w.end + int64(len(w.buf)) - off, used: used}
	w.unpublished = append(w.unpublished, indexEntry{ns: ns, key: k, off: loc.off, n: loc.n, used: used})
	w.buffered++
	if len(w.buf) >= bufferBytes {
		w.writeBuffer()
	}
	return loc, nil
}

// addRecord appends a record that is already laid out (a compaction's
// copy) for (ns, k), last used at used.
func (w *writer) addRecord(ns string, k Key, raw []byte, used int64) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err != nil {
		return w.err
	}
	w.unpublished = append(w.unpublished, indexEntry{ns: ns, key: k, off: w.end + int64(len(w.buf)), n: int64(len(raw)), used: used})
	w.buf = append(w.buf, raw...)
	w.buffered++
	if len(w.buf) >= bufferBytes {
		w.writeBuffer()
	}
	return w.err
}

// addUse records that the entry (ns, k), whose record another pack holds,
// was used at used.
func (w *writer) addUse(ns string, k Key, used int64) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err == nil {
		w.unpublished = append(w.unpublished, indexEntry{ns: ns, key: k, used: used})
	}
}

// writeBuffer writes the buffered records to the pack and publishes them.
// On failure they stay in the buffer, readable by this process.
func (w *writer) writeBuffer() {
	if len(w.buf) == 0 || w.err != nil {
		return
	}
	if _, err := w.p.f.WriteAt(w.buf, w.end); err != nil {
		w.err = err
		w.fail(w.buffered, err)
		return
	}
	w.end += int64(len(w.buf))
	w.buf, w.buffered = w.buf[:0], 0
	w.appendChunk()
}

// publish writes what is buffered and publishes it.
func (w *writer) publish() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.writeBuffer()
	w.appendChunk() // the uses, when no record was buffered
	return w.err
}

// appendChunk appends a chunk naming the records written (and the uses
// recorded) since the last to the index: from then on, stores that open
// the folder find them. A writer publishes each time it writes its buffer,
// so its index never lags its pack by more than the buffer, and on Flush.
func (w *writer) appendChunk() {
	if len(w.unpublished) == 0 || w.err != nil {
		return
	}
	chunk := appendChunk(nil, w.unpublished, w.end)
	if _, err := w.idx.WriteAt(chunk, w.idxEnd); err != nil {
		w.err = err
		w.fail(len(w.unpublished), err)
		return
	}
	w.idxEnd += int64(len(chunk))
	w.unpublished = w.unpublished[:0]
	w.p.size.Store(w.end)
}

// read returns the record at loc, from the buffer when it is not written
// yet.
func (w *writer) read(loc location) ([]byte, error) {
	w.mu.Lock()
	if loc.off >= w.end {
		defer w.mu.Unlock()
		start := loc.off - w.end
		if start+loc.n > int64(len(w.buf)) {
			return nil, errors.New("cache: record past the buffer")
		}
		return append([]byte(nil), w.buf[start:start+loc.n]...), nil
	}
	w.mu.Unlock()
	return readAt(w.p.f, loc)
}

// close publishes and closes the index; the pack stays open (and locked)
// until the store closes it.
func (w *writer) close() error {
	err := w.publish()
	return errors.Join(err, w.idx.Close())
}

// readAt reads the record at loc from f.
func readAt(f *os.File, loc location) ([]byte, error) {
	raw := make([]byte, loc.n)
	if _, err := f.ReadAt(raw, loc.off); err != nil {
		return nil, err
	}
	return raw, nil
}
