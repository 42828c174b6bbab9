package cache

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
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
	failed       atomic.Int64 // entries that could not be written or published
	firstErr     atomic.Pointer[error]
	spaces       sync.Map // namespace → *counts

	mu      sync.RWMutex
	entries map[entryID]location
	packs   []*pack // oldest first; the store's own last

	own    atomic.Pointer[writer] // nil until the first Put
	ownMu  sync.Mutex
	ownErr error // why the own pack could not be made
	closed atomic.Bool

	oldLayout []string // folders of the one-file-per-entry layout, removed on Close
	now       func() time.Time
}

// entryID names an entry.
type entryID struct {
	ns  string
	key Key
}

// location is where a pack holds an entry's record, and when the entry
// was last put or used (Unix seconds).
type location struct {
	p      *pack
	off, n int64
	used   int64
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

// packsDir is the folder of the packs, under the store's folder.
const packsDir = "packs"

// Open uses dir as a cache, creating it when missing, and reads the
// indexes of the packs there. Packs are written only when entries are put.
func Open(dir string) (*Store, error) {
	if dir == "" {
		return nil, errors.New("cache: empty folder name")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	s := &Store{dir: dir, oldLayout: oldLayout(dir), now: time.Now}
	var names interner
	var indexes [][]indexEntry
	n := 0
	for _, stem := range packStems(filepath.Join(dir, packsDir)) {
		p, entries, err := loadPack(stem, &names)
		if err != nil {
			continue // gone (compacted away meanwhile) or foreign: not ours to read
		}
		s.packs = append(s.packs, p)
		indexes = append(indexes, entries)
		n += len(entries)
	}
	s.entries = make(map[entryID]location, n)
	for i, entries := range indexes {
		s.index(s.packs[i], entries)
	}
	return s, nil
}

// index adds what a pack's index says to the store's entries: a later
// pack's record of an entry wins; a use makes the entry's last use later.
func (s *Store) index(p *pack, entries []indexEntry) {
	for _, e := range entries {
		id := entryID{e.ns, e.key}
		if !e.isUse() {
			s.entries[id] = location{p: p, off: e.off, n: e.n, used: e.used}
		} else if loc, ok := s.entries[id]; ok && e.used > loc.used {
			loc.used = e.used
			s.entries[id] = loc
		}
	}
}

// packStems are the paths, without extension, of the packs in dir, oldest
// first (a pack's name starts with its creation time).
func packStems(dir string) []string {
	des, _ := os.ReadDir(dir) // missing: no packs yet
	var stems []string
	for _, de := range des {
		if name, ok := strings.CutSuffix(de.Name(), packExt); ok && de.Type().IsRegular() {
			stems = append(stems, filepath.Join(dir, name))
		}
	}
	sort.Strings(stems)
	return stems
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
// entries that could not be written (Failed; Store.Stats only, not
// StatsOf).
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

// FirstError is the first error a Put or Flush met since the store was
// opened, or nil: producers that carry on without their entry let the
// build say once that the cache could not be written.
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

// fail counts n entries that could not be written, and keeps the first
// error.
func (s *Store) fail(n int, err error) {
	s.failed.Add(int64(n))
	err = fmt.Errorf("cache: %w", err)
	s.firstErr.CompareAndSwap(nil, &err)
}

// Get returns the payload stored under (namespace, k), if a whole and
// matching entry is there.
func (s *Store) Get(namespace string, k Key) ([]byte, bool) {
	if s == nil {
		return nil, false
	}
	c := s.counts(namespace)
	id := entryID{namespace, k}
	s.mu.RLock()
	loc, ok := s.entries[id]
	s.mu.RUnlock()
	if !ok || s.closed.Load() {
		s.misses.Add(1)
		c.misses.Add(1)
		return nil, false
	}
	raw, err := s.read(loc)
	payload, ok := decodeRecord(raw, namespace, k)
	if err != nil || !ok {
		s.rejected.Add(1)
		s.misses.Add(1)
		c.rejected.Add(1)
		c.misses.Add(1)
		s.forget(id, loc)
		return nil, false
	}
	s.hits.Add(1)
	c.hits.Add(1)
	s.touch(id, loc)
	return payload, true
}

// useRefresh is how old an entry's last use must be for a hit to record a
// new one: a folder's warm builds write nothing more than once a day.
const useRefresh = 24 * time.Hour

// touch records that the entry id, at loc, was used now, when its last
// recorded use is older than useRefresh. The record is best-effort: it
// only delays the entry's expiry.
func (s *Store) touch(id entryID, loc location) {
	now := s.now().Unix()
	if now-loc.used < int64(useRefresh/time.Second) {
		return
	}
	s.mu.Lock()
	if cur, ok := s.entries[id]; ok && cur.p == loc.p && cur.off == loc.off {
		cur.used = now
		s.entries[id] = cur
	}
	s.mu.Unlock()
	if w, err := s.writer(); err == nil {
		w.addUse(id.ns, id.key, now)
	}
}

// read returns the record at loc.
func (s *Store) read(loc location) ([]byte, error) {
	if w := s.own.Load(); w != nil && w.p == loc.p {
		return w.read(loc)
	}
	return readAt(loc.p.f, loc)
}

// forget drops a rejected entry: it is never read again, and a compaction
// leaves its bytes behind.
func (s *Store) forget(id entryID, loc location) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if cur, ok := s.entries[id]; ok && cur.p == loc.p && cur.off == loc.off {
		delete(s.entries, id)
	}
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

// Put stores payload under (namespace, k): appended to the store's own
// pack, readable by this store at once and by others once published
// (Flush, Close). A failure to write is returned for the caller to report
// or ignore; the build's result never depends on it.
func (s *Store) Put(namespace string, k Key, payload []byte) error {
	if s == nil {
		return nil
	}
	err := s.put(namespace, k, payload)
	if err != nil {
		s.fail(1, err)
		return fmt.Errorf("cache: %w", err)
	}
	return nil
}

func (s *Store) put(namespace string, k Key, payload []byte) error {
	if len(namespace) > maxNamespace {
		return fmt.Errorf("namespace %.20q… is longer than %d bytes", namespace, maxNamespace)
	}
	if s.closed.Load() {
		return errors.New("the store is closed")
	}
	w, err := s.writer()
	if err != nil {
		return err
	}
	loc, err := w.add(namespace, k, sha256.Sum256(payload), payload, s.now().Unix())
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.entries[entryID{namespace, k}] = loc
	s.mu.Unlock()
	return nil
}

// writer returns the store's own pack's writer, making the pack on first
// use. A pack that cannot be made is not tried again.
func (s *Store) writer() (*writer, error) {
	if w := s.own.Load(); w != nil {
		return w, nil
	}
	s.ownMu.Lock()
	defer s.ownMu.Unlock()
	if w := s.own.Load(); w != nil || s.ownErr != nil {
		return w, s.ownErr
	}
	dir := filepath.Join(s.dir, packsDir)
	var w *writer
	err := os.MkdirAll(dir, 0o755)
	if err == nil {
		w, err = newWriter(dir, s.fail)
	}
	if err != nil {
		s.ownErr = err
		return nil, err
	}
	s.mu.Lock()
	s.packs = append(s.packs, w.p)
	s.mu.Unlock()
	s.own.Store(w)
	return w, nil
}

// Flush publishes the entries put so far: stores opened from now on, in
// this process or another, find them. A long-running process (the dev
// server) flushes after each rebuild. Entries that could not be
// published are counted as Failed.
func (s *Store) Flush() error {
	if s == nil {
		return nil
	}
	if w := s.own.Load(); w != nil {
		return w.publish()
	}
	return nil
}

// Close publishes the store's entries, compacts the folder when more
// than half of its bytes are dead or it holds too many packs, removes the
// folders of the old one-file-per-entry layout, and closes the packs. The
// store answers nothing afterwards. A build killed before Close loses
// nothing it flushed, and the next store to open the folder indexes the
// whole records of its pack's unpublished tail.
func (s *Store) Close() error {
	if s == nil || !s.closed.CompareAndSwap(false, true) {
		return nil
	}
	var err error
	if w := s.own.Load(); w != nil {
		err = w.close()
	}
	if s.needsCompaction() {
		err = errors.Join(err, s.compact())
	}
	removeOldLayout(s.oldLayout)
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range s.packs {
		p.f.Close()
	}
	return err
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
