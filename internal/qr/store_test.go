package qr

import (
	"bytes"
	"strings"
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

// A PNG drawing comes from the store the second time, the same bytes.
func TestStorePNG(t *testing.T) {
	s := mapStore{}
	c := NewCache().WithStore(s)
	code, err := c.Get("https://danvan.example.vn/l/7k2p/", M)
	if err != nil {
		t.Fatal(err)
	}
	want, err := code.PNG(25, 300)
	if err != nil {
		t.Fatal(err)
	}
	first, _ := c.PNG(code, 25, 300)
	for name := range s {
		if strings.HasPrefix(name, "png") {
			s[name] = append([]byte(nil), s[name]...)
			s[name][0] ^= 1 // so that a read from the store shows
		}
	}
	second, _ := NewCache().WithStore(s).PNG(code, 25, 300)
	if !bytes.Equal(first, want) || bytes.Equal(second, want) || len(second) != len(want) {
		t.Error("the second drawing did not come from the store")
	}
	if other, _ := NewCache().WithStore(s).PNG(code, 25, 600); !bytes.Equal(other, mustPNG(t, code, 25, 600)) {
		t.Error("another dpi came from the store")
	}
}

func mustPNG(t *testing.T, c *Code, mm float64, dpi int) []byte {
	t.Helper()
	b, err := c.PNG(mm, dpi)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
