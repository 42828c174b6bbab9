package qr

import (
	"bytes"
	"testing"
)

type mapStore map[string][]byte

func (m mapStore) Get(name string) ([]byte, bool) { d, ok := m[name]; return d, ok }
func (m mapStore) Put(name string, data []byte)   { m[name] = data }

// A code read back from a store draws the same as the one encoded, and a
// malformed entry is encoded again.
func TestStoreRoundTrip(t *testing.T) {
	s := mapStore{}
	for _, text := range []string{"https://danvan.example.vn/l/7k2p/", "ĐƯỜNG ĐI 123", string(bytes.Repeat([]byte("x"), 900))} {
		made, err := NewCache().WithStore(s).Get(text, M)
		if err != nil {
			t.Fatal(err)
		}
		read, err := NewCache().WithStore(s).Get(text, M)
		if err != nil {
			t.Fatal(err)
		}
		if read == made || !bytes.Equal(read.SVG(20), made.SVG(20)) || read.Version != made.Version || read.Mask != made.Mask {
			t.Errorf("%.20q: the stored code differs", text)
		}
	}
	name := storeName("abc", H)
	s[name] = []byte{1, 0, 0}
	code, err := NewCache().WithStore(s).Get("abc", H)
	if err != nil || code.Size() != 21+2*QuietZone {
		t.Fatalf("malformed entry: %v, %v", code, err)
	}
	if len(s[name]) == 3 {
		t.Error("the malformed entry was not replaced")
	}
}
