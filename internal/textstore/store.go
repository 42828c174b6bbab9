package textstore

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
)

// Ref is where a Put's bytes are: the zero Ref holds nothing.
type Ref struct {
	off int64
	n   int32
}

// Len is the number of bytes r refers to.
func (r Ref) Len() int { return int(r.n) }

// Slice is the sub-range [i, j) of r.
func (r Ref) Slice(i, j int) Ref {
	if i < 0 || j < i || j > int(r.n) {
		panic(fmt.Sprintf("textstore: slice [%d:%d] of a %d-byte ref", i, j, r.n))
	}
	if i == j {
		return Ref{}
	}
	return Ref{off: r.off + int64(i), n: int32(j - i)}
}

// Store is an append-only store of byte strings; see the package doc.
type Store struct {
	file *os.File // nil: in memory
	size atomic.Int64

	mu     sync.Mutex
	chunks [][]byte // in memory: chunk k holds offsets [k·chunkSize, (k+1)·chunkSize)
	err    error
}

// chunkSize is the size of an in-memory chunk; a longer Put gets chunks of
// its own size.
const chunkSize = 1 << 20

// NewFile makes a store backed by an unlinked temporary file in dir.
func NewFile(dir string) (*Store, error) {
	f, err := os.CreateTemp(dir, ".bantin-text-")
	if err != nil {
		return nil, fmt.Errorf("text store: %w", err)
	}
	if err := os.Remove(f.Name()); err != nil {
		f.Close()
		return nil, fmt.Errorf("text store: %w", err)
	}
	s := &Store{file: f}
	runtime.AddCleanup(s, func(f *os.File) { f.Close() }, f) // once no Ref's owner can read it
	return s, nil
}

// NewMem makes a store that keeps its bytes in memory.
func NewMem() *Store { return &Store{} }

// Put stores a copy of b.
func (s *Store) Put(b []byte) Ref {
	if len(b) == 0 {
		return Ref{}
	}
	if len(b) > 1<<31-1 {
		s.fail(fmt.Errorf("text store: %d bytes in one piece", len(b)))
		return Ref{}
	}
	if s.file == nil {
		return s.putMem(b)
	}
	end := s.size.Add(int64(len(b)))
	r := Ref{off: end - int64(len(b)), n: int32(len(b))}
	if _, err := s.file.WriteAt(b, r.off); err != nil {
		s.fail(fmt.Errorf("text store: %w", err))
	}
	return r
}

// PutString stores a copy of str.
func (s *Store) PutString(str string) Ref { return s.Put([]byte(str)) }

// putMem appends b to the last chunk, or to a new one when it does not
// fit; offsets count whole chunks, so a chunk's unused tail is skipped.
func (s *Store) putMem(b []byte) Ref {
	s.mu.Lock()
	defer s.mu.Unlock()
	last := len(s.chunks) - 1
	if last < 0 || len(s.chunks[last])+len(b) > cap(s.chunks[last]) {
		s.chunks = append(s.chunks, make([]byte, 0, max(chunkSize, len(b))))
		last++
	}
	c := s.chunks[last]
	r := Ref{off: int64(last)<<32 | int64(len(c)), n: int32(len(b))}
	s.chunks[last] = append(c, b...)
	return r
}

// Bytes returns r's bytes. The caller must not change them.
func (s *Store) Bytes(r Ref) []byte {
	if r.n == 0 {
		return nil
	}
	if s.file == nil {
		s.mu.Lock()
		c := s.chunks[r.off>>32]
		s.mu.Unlock()
		start := r.off & (1<<32 - 1)
		return c[start : start+int64(r.n) : start+int64(r.n)]
	}
	b := make([]byte, r.n)
	if _, err := s.file.ReadAt(b, r.off); err != nil {
		s.fail(fmt.Errorf("text store: %w", err))
	}
	return b
}

// ReadInto returns r's bytes in buf, grown if it is too small: a reader of
// many refs in turn allocates once. In memory they may be the store's own
// bytes instead. The caller must not change them.
func (s *Store) ReadInto(buf []byte, r Ref) []byte {
	if s.file == nil || r.n == 0 {
		return s.Bytes(r)
	}
	if cap(buf) < int(r.n) {
		buf = make([]byte, r.n, max(int(r.n), 2*cap(buf)))
	}
	buf = buf[:r.n]
	if _, err := s.file.ReadAt(buf, r.off); err != nil {
		s.fail(fmt.Errorf("text store: %w", err))
		return buf[:0] // never another ref's bytes left in buf
	}
	return buf
}

// String returns r's bytes as a string.
func (s *Store) String(r Ref) string {
	b := s.Bytes(r)
	if s.file != nil {
		return unsafeString(b) // b is a fresh copy no one else holds
	}
	return string(b)
}

// Size is the number of bytes stored (in memory: the chunks' capacity).
func (s *Store) Size() int64 {
	if s.file != nil {
		return s.size.Load()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var n int64
	for _, c := range s.chunks {
		n += int64(cap(c))
	}
	return n
}

func (s *Store) fail(err error) {
	s.mu.Lock()
	if s.err == nil {
		s.err = err
	}
	s.mu.Unlock()
}

// Err is the first write or read that failed, if any.
func (s *Store) Err() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

// Close frees the store: its file's room, or its chunks. Refs into it are
// then invalid.
func (s *Store) Close() error {
	s.mu.Lock()
	s.chunks = nil
	s.mu.Unlock()
	if s.file == nil {
		return nil
	}
	return s.file.Close()
}
