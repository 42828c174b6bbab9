package cache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
)

// Key names one cached result: the SHA-256 of everything it depends on.
type Key [sha256.Size]byte

// NewKey hashes the parts in order, each prefixed with its length so that
// ("ab", "c") and ("a", "bc") differ.
func NewKey(parts ...[]byte) Key {
	h := sha256.New()
	var n [8]byte
	for _, p := range parts {
		binary.LittleEndian.PutUint64(n[:], uint64(len(p)))
		h.Write(n[:])
		h.Write(p)
	}
	var k Key
	h.Sum(k[:0])
	return k
}

// String is the key in hex.
func (k Key) String() string { return hex.EncodeToString(k[:]) }

// Store is a cache folder. A nil *Store caches nothing.
type Store struct {
	dir          string
	hits, misses atomic.Int64
	rejected     atomic.Int64
	failed       atomic.Int64 // Puts that could not write
	firstErr     atomic.Pointer[error]
	spaces       sync.Map // namespace → *counts
}

// counts are one namespace's answers.
type counts struct{ hits, misses, rejected atomic.Int64 }

func (s *Store) counts(namespace string) *counts {
	if c, ok := s.spaces.Load(namespace); ok {
		return c.(*counts)
	}
	c, _ := s.spaces.LoadOrStore(namespace, &counts{})
	return c.(*counts)
}

// Open uses dir as a cache, creating it when missing.
func Open(dir string) (*Store, error) {
	if dir == "" {
		return nil, errors.New("cache: empty folder name")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	return &Store{dir: dir}, nil
}

// Dir is the store's folder ("" for a nil store).
func (s *Store) Dir() string {
	if s == nil {
		return ""
	}
	return s.dir
}

// Stats counts what the store answered since it was opened: hits, misses,
// entries rejected as damaged or foreign (counted among misses too), and
// entries Put could not write (Failed; Store.Stats only, not StatsOf).
type Stats struct{ Hits, Misses, Rejected, Failed int64 }

// Since is what the store answered between before and s.
func (s Stats) Since(before Stats) Stats {
	return Stats{s.Hits - before.Hits, s.Misses - before.Misses, s.Rejected - before.Rejected, s.Failed - before.Failed}
}

// Stats returns the counts so far.
func (s *Store) Stats() Stats {
	if s == nil {
		return Stats{}
	}
	return Stats{s.hits.Load(), s.misses.Load(), s.rejected.Load(), s.failed.Load()}
}

// FirstError is the first error a Put returned since the store was opened,
// or nil: producers that carry on without their entry let the build say
// once that the cache could not be written.
func (s *Store) FirstError() error {
	if s == nil {
		return nil
	}
	if e := s.firstErr.Load(); e != nil {
		return *e
	}
	return nil
}

// StatsOf returns the counts so far of one namespace.
func (s *Store) StatsOf(namespace string) Stats {
	if s == nil {
		return Stats{}
	}
	c := s.counts(namespace)
	return Stats{Hits: c.hits.Load(), Misses: c.misses.Load(), Rejected: c.rejected.Load()}
}

// path is where the entry of (namespace, k) lives.
func (s *Store) path(namespace string, k Key) string {
	h := k.String()
	return filepath.Join(s.dir, filepath.FromSlash(namespace), h[:2], h[2:])
}

// Get returns the payload stored under (namespace, k), if a whole and
// matching entry is there.
func (s *Store) Get(namespace string, k Key) ([]byte, bool) {
	if s == nil {
		return nil, false
	}
	p := s.path(namespace, k)
	c := s.counts(namespace)
	raw, err := os.ReadFile(p)
	if err != nil {
		s.misses.Add(1)
		c.misses.Add(1)
		return nil, false
	}
	payload, ok := decode(raw, k)
	if !ok {
		s.rejected.Add(1)
		s.misses.Add(1)
		c.rejected.Add(1)
		c.misses.Add(1)
		os.Remove(p)
		return nil, false
	}
	s.hits.Add(1)
	c.hits.Add(1)
	return payload, true
}

// Stale tells the store that the entry Get just returned for
// (namespace, k) no longer holds for the caller (its result depends on
// something the key could not hold, such as the URLs its links resolve
// to): it is counted as a miss instead of a hit. The caller Puts the new
// result under the same key.
func (s *Store) Stale(namespace string, k Key) {
	if s == nil {
		return
	}
	s.hits.Add(-1)
	s.misses.Add(1)
	c := s.counts(namespace)
	c.hits.Add(-1)
	c.misses.Add(1)
}

// Put stores payload under (namespace, k). A failure to write is returned
// for the caller to report or ignore; the build's result never depends on
// it.
func (s *Store) Put(namespace string, k Key, payload []byte) error {
	if s == nil {
		return nil
	}
	err := s.put(namespace, k, payload)
	if err != nil {
		s.failed.Add(1)
		s.firstErr.CompareAndSwap(nil, &err)
	}
	return err
}

func (s *Store) put(namespace string, k Key, payload []byte) error {
	p := s.path(namespace, k)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	_, werr := tmp.Write(encode(k, payload))
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("cache: write %s: %w", p, err)
	}
	if err := os.Rename(tmp.Name(), p); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("cache: %w", err)
	}
	return nil
}

// magic opens every entry; the last byte is the entry format's version.
var magic = []byte("bantin-cache\x00\x01")

const headerLen = 14 + sha256.Size + 8 + sha256.Size

// encode lays out an entry: magic, key, payload length, payload SHA-256,
// payload.
func encode(k Key, payload []byte) []byte {
	sum := sha256.Sum256(payload)
	out := make([]byte, 0, headerLen+len(payload))
	out = append(out, magic...)
	out = append(out, k[:]...)
	out = binary.LittleEndian.AppendUint64(out, uint64(len(payload)))
	out = append(out, sum[:]...)
	return append(out, payload...)
}

// decode returns an entry's payload when the entry is whole and was
// written for k.
func decode(raw []byte, k Key) ([]byte, bool) {
	if len(raw) < headerLen || !bytes.Equal(raw[:len(magic)], magic) {
		return nil, false
	}
	rest := raw[len(magic):]
	if !bytes.Equal(rest[:sha256.Size], k[:]) {
		return nil, false
	}
	rest = rest[sha256.Size:]
	n := binary.LittleEndian.Uint64(rest)
	rest = rest[8:]
	var sum [sha256.Size]byte
	copy(sum[:], rest)
	payload := rest[sha256.Size:]
	if uint64(len(payload)) != n || sha256.Sum256(payload) != sum {
		return nil, false
	}
	return payload, true
}

// DefaultDir is the cache folder for the site whose source root is root:
// the user's cache folder, bantin/, and a hash of root's absolute path.
func DefaultDir(root string) (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("cache: no user cache folder (give --cacheDir): %w", err)
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return "", fmt.Errorf("cache: %w", err)
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(base, "bantin", filepath.Base(abs)+"-"+hex.EncodeToString(sum[:6])), nil
}
