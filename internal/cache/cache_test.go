package cache

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
)

func open(t *testing.T) *Store {
	t.Helper()
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestHitAndMiss(t *testing.T) {
	s := open(t)
	k := NewKey([]byte("input"), []byte("options"))
	if _, ok := s.Get("md/v1", k); ok {
		t.Fatal("empty store answered")
	}
	if err := s.Put("md/v1", k, []byte("<p>rendered</p>")); err != nil {
		t.Fatal(err)
	}
	got, ok := s.Get("md/v1", k)
	if !ok || string(got) != "<p>rendered</p>" {
		t.Fatalf("Get = %q, %v", got, ok)
	}
	if _, ok := s.Get("md/v2", k); ok {
		t.Error("another namespace (producer version) answered")
	}
	if want := (Stats{Hits: 1, Misses: 2}); s.Stats() != want {
		t.Errorf("Stats = %+v, want %+v", s.Stats(), want)
	}
}

func TestKeyPartsAreDelimited(t *testing.T) {
	if NewKey([]byte("ab"), []byte("c")) == NewKey([]byte("a"), []byte("bc")) {
		t.Error("parts run together")
	}
	if NewKey([]byte("a")) != NewKey([]byte("a")) {
		t.Error("key not stable")
	}
}

// A damaged, truncated or foreign entry is a miss, removed, never returned.
func TestDamagedEntriesAreRejected(t *testing.T) {
	damage := map[string]func(b []byte) []byte{
		"flipped payload byte": func(b []byte) []byte { b[len(b)-1] ^= 1; return b },
		"truncated":            func(b []byte) []byte { return b[:len(b)-3] },
		"header only":          func(b []byte) []byte { return b[:headerLen-1] },
		"foreign file": func([]byte) []byte {
			return []byte("not a cache entry at all, but long enough to pass the length check of the header ...............")
		},
		"another key's entry": func([]byte) []byte { return encode(NewKey([]byte("other")), []byte("payload")) },
		"empty":               func([]byte) []byte { return nil },
	}
	for name, f := range damage {
		t.Run(name, func(t *testing.T) {
			s := open(t)
			k := NewKey([]byte("x"))
			if err := s.Put("ns", k, []byte("payload")); err != nil {
				t.Fatal(err)
			}
			p := s.path("ns", k)
			raw, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, f(raw), 0o644); err != nil {
				t.Fatal(err)
			}
			if got, ok := s.Get("ns", k); ok {
				t.Fatalf("damaged entry returned %q", got)
			}
			if _, err := os.Stat(p); !os.IsNotExist(err) {
				t.Error("damaged entry left in place")
			}
			if s.Stats().Rejected != 1 {
				t.Errorf("Stats = %+v", s.Stats())
			}
		})
	}
}

func TestNilStoreKeepsNothing(t *testing.T) {
	var s *Store
	k := NewKey([]byte("x"))
	if err := s.Put("ns", k, []byte("y")); err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Get("ns", k); ok {
		t.Error("nil store answered")
	}
}

func TestConcurrentWritersLeaveWholeEntries(t *testing.T) {
	s := open(t)
	k := NewKey([]byte("same"))
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.Put("ns", k, []byte("the same payload from every writer"))
			s.Get("ns", k)
		}()
	}
	wg.Wait()
	if got, ok := s.Get("ns", k); !ok || string(got) != "the same payload from every writer" {
		t.Fatalf("Get = %q, %v", got, ok)
	}
	left, _ := filepath.Glob(filepath.Join(s.Dir(), "ns", "*", ".tmp-*"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestDefaultDirIsOutsideTheSource(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", "/var/tmp/xdg")
	src := t.TempDir()
	d, err := DefaultDir(src)
	if err != nil {
		t.Fatal(err)
	}
	if rel, _ := filepath.Rel(src, d); !filepath.IsAbs(rel) && rel[:2] != ".." {
		t.Errorf("DefaultDir %s is inside the source %s", d, src)
	}
	if filepath.Dir(filepath.Dir(d)) != "/var/tmp/xdg" {
		t.Errorf("DefaultDir = %s", d)
	}
	other, _ := DefaultDir(t.TempDir())
	if other == d {
		t.Error("two sites share one folder")
	}
}
