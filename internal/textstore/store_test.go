package textstore

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

func stores(t *testing.T) map[string]*Store {
	f, err := NewFile(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return map[string]*Store{"file": f, "memory": NewMem()}
}

// What goes in comes out, from any number of goroutines at once, and a
// part of a Ref reads the part of its bytes.
func TestPutAndRead(t *testing.T) {
	for name, st := range stores(t) {
		t.Run(name, func(t *testing.T) {
			const n = 2000
			refs := make([]Ref, n)
			want := func(i int) []byte {
				return bytes.Repeat([]byte(fmt.Sprintf("trang %d — Dân vận khéo. ", i)), i%97+1)
			}
			var wg sync.WaitGroup
			for w := 0; w < 8; w++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := w; i < n; i += 8 {
						refs[i] = st.Put(want(i))
						if got := st.Bytes(refs[i]); !bytes.Equal(got, want(i)) {
							t.Errorf("%d read back at once: %q", i, got)
						}
					}
				}()
			}
			wg.Wait()
			for i, r := range refs {
				if got := st.String(r); got != string(want(i)) {
					t.Fatalf("%d: %q, want %q", i, got, want(i))
				}
			}
			var buf []byte // ReadInto: one buffer for many refs, small and large in turn
			for _, i := range []int{96, 3, 1500, 0, 96} {
				buf = st.ReadInto(buf, refs[i])
				if !bytes.Equal(buf, want(i)) {
					t.Fatalf("ReadInto %d: %q, want %q", i, buf, want(i))
				}
			}
			big := bytes.Repeat([]byte("x"), 3*chunkSize+5) // longer than a chunk
			rb := st.Put(big)
			if !bytes.Equal(st.Bytes(rb), big) || st.String(refs[5]) != string(want(5)) {
				t.Error("a piece longer than a chunk, or a piece before it, reads back wrong")
			}
			part := refs[7].Slice(6, 7+6)
			if got := st.String(part); got != string(want(7)[6:13]) {
				t.Errorf("Slice(6, 13) = %q, want %q", got, want(7)[6:13])
			}
			if (Ref{}).Len() != 0 || st.String(Ref{}) != "" || st.Put(nil) != (Ref{}) {
				t.Error("the zero Ref is not empty")
			}
			if err := st.Err(); err != nil {
				t.Error(err)
			}
		})
	}
}

// The file has no name: nothing is left in the folder, even before Close.
func TestFileHasNoName(t *testing.T) {
	dir := t.TempDir()
	st, err := NewFile(dir)
	if err != nil {
		t.Fatal(err)
	}
	st.PutString("nội dung")
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Errorf("the store left %v in its folder", entries)
	}
	st.Close()
}

// A write that fails is reported by Err, not dropped.
func TestFailedWriteIsKept(t *testing.T) {
	st, err := NewFile(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	st.file.Close() // every write now fails, as on a full disk
	st.PutString("mất")
	if st.Err() == nil {
		t.Error("a failed write left no error")
	}
	if _, err := NewFile(filepath.Join(t.TempDir(), "không-có")); err == nil {
		t.Error("a store in a missing folder was made")
	}
}
