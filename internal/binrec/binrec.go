package binrec

import "encoding/binary"

// Writer is a record being written.
type Writer []byte

func (w Writer) Num(n int) Writer      { return binary.AppendUvarint(w, uint64(n)) }
func (w Writer) Bytes(b []byte) Writer { return append(w.Num(len(b)), b...) }
func (w Writer) Str(s string) Writer   { return append(w.Num(len(s)), s...) }
func (w Writer) Strs(ss []string) Writer {
	w = w.Num(len(ss))
	for _, s := range ss {
		w = w.Str(s)
	}
	return w
}

// Flag writes b as 0 or 1.
func (w Writer) Flag(b bool) Writer {
	if b {
		return w.Num(1)
	}
	return w.Num(0)
}

// Reader reads a record; see the package doc.
type Reader struct {
	b   []byte
	bad bool
}

// NewReader reads b.
func NewReader(b []byte) *Reader { return &Reader{b: b} }

// OK reports whether every read so far found what it expected.
func (r *Reader) OK() bool { return !r.bad }

// Done reports whether the record was read whole, exactly.
func (r *Reader) Done() bool { return !r.bad && len(r.b) == 0 }

func (r *Reader) Num() int {
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

// Count is a list's or a string's length, which cannot exceed the bytes
// left.
func (r *Reader) Count() int {
	n := r.Num()
	if n > len(r.b) {
		r.bad = true
		return 0
	}
	return n
}

// Bytes returns a part of the record, not a copy.
func (r *Reader) Bytes() []byte {
	n := r.Count()
	if r.bad {
		return nil
	}
	b := r.b[:n:n]
	r.b = r.b[n:]
	return b
}

func (r *Reader) Str() string { return string(r.Bytes()) }

func (r *Reader) Strs() []string {
	n := r.Count()
	if n == 0 {
		return nil
	}
	out := make([]string, 0, n)
	for ; n > 0 && !r.bad; n-- {
		out = append(out, r.Str())
	}
	return out
}

func (r *Reader) Flag() bool {
	switch r.Num() {
	case 0:
		return false
	case 1:
		return true
	}
	r.bad = true
	return false
}
