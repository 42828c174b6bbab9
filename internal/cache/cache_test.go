package cache

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func open(t *testing.T) *Store {
	t.Helper()
	return openAt(t, t.TempDir())
}

func openAt(t *testing.T, dir string) *Store {
	t.Helper()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func mustPut(t *testing.T, s *Store, ns string, k Key, payload string) {
	t.Helper()
	if err := s.Put(ns, k, []byte(payload)); err != nil {
		t.Fatal(err)
	}
}

func mustGet(t *testing.T, s *Store, ns string, k Key, want string) {
	t.Helper()
	if got, ok := s.Get(ns, k); !ok || string(got) != want {
		t.Fatalf("Get(%s, %.8s) = %.40q, %v; want %.40q", ns, k, got, ok, want)
	}
}

func key(i int) Key { return NewKey([]byte(fmt.Sprint("entry ", i))) }

func TestHitAndMiss(t *testing.T) {
	s := open(t)
	k := NewKey([]byte("input"), []byte("options"))
	if _, ok := s.Get("md/v1", k); ok {
		t.Fatal("empty store answered")
	}
	mustPut(t, s, "md/v1", k, "<p>rendered</p>")
	mustGet(t, s, "md/v1", k, "<p>rendered</p>")
	if _, ok := s.Get("md/v2", k); ok {
		t.Error("another namespace (producer version) answered")
	}
	if want := (Stats{Hits: 1, Misses: 2}); s.Stats() != want {
		t.Errorf("Stats = %+v, want %+v", s.Stats(), want)
	}
	if want := (Stats{Hits: 1, Misses: 1}); s.StatsOf("md/v1") != want {
		t.Errorf("StatsOf = %+v, want %+v", s.StatsOf("md/v1"), want)
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

// Entries put by one store are found by the next, once the first closed
// or flushed; a later Put of the same entry wins.
func TestReopenFindsEntries(t *testing.T) {
	dir := t.TempDir()
	a := openAt(t, dir)
	for i := range 100 {
		mustPut(t, a, "ns", key(i), fmt.Sprint("payload ", i))
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	b := openAt(t, dir)
	for i := range 100 {
		mustGet(t, b, "ns", key(i), fmt.Sprint("payload ", i))
	}
	mustPut(t, b, "ns", key(7), "rewritten")
	if err := b.Flush(); err != nil {
		t.Fatal(err)
	}
	c := openAt(t, dir) // b still open: its flushed entries are there
	mustGet(t, c, "ns", key(7), "rewritten")
	mustGet(t, c, "ns", key(8), "payload 8")
	if st := c.Stats(); st != (Stats{Hits: 2}) {
		t.Errorf("Stats = %+v", st)
	}
}

// damage changes the record of one entry in its pack, in place.
func damage(t *testing.T, dir string, k Key, f func(record []byte)) {
	t.Helper()
	var last *Entry
	for _, e := range Entries(dir) {
		if e.Key == k {
			last = &e
		}
	}
	if last == nil {
		t.Fatalf("no entry %.8s in %s", k, dir)
	}
	data, err := os.ReadFile(last.Pack)
	if err != nil {
		t.Fatal(err)
	}
	f(data[last.Offset : last.Offset+last.Length])
	if err := os.WriteFile(last.Pack, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// A damaged or foreign record is a miss, dropped, never returned; the
// pack's other entries are kept; a Put of the entry makes it whole again.
func TestDamagedEntriesAreRejected(t *testing.T) {
	damages := map[string]func(record []byte){
		"flipped payload byte": func(r []byte) { r[len(r)-1] ^= 1 },
		"flipped key byte":     func(r []byte) { r[len(recordMarker)+1+2] ^= 1 },
		"flipped length byte":  func(r []byte) { r[recordHeaderLen(2)-sha256Size-8] ^= 1 },
		"foreign bytes":        func(r []byte) { copy(r, "not a cache record at all, but long enough ...........") },
		"another key's record": func(r []byte) {
			copy(r, appendRecord(nil, "ns", key(99), sumOf("payload 1"), []byte("payload 1")))
		},
		"zeros": func(r []byte) { clear(r) },
	}
	for name, f := range damages {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			s := openAt(t, dir)
			for i := range 3 {
				mustPut(t, s, "ns", key(i), fmt.Sprint("payload ", i))
			}
			s.Close()
			damage(t, dir, key(1), f)
			s = openAt(t, dir)
			if got, ok := s.Get("ns", key(1)); ok {
				t.Fatalf("damaged entry returned %q", got)
			}
			if _, ok := s.Get("ns", key(1)); ok {
				t.Fatal("damaged entry returned the second time")
			}
			mustGet(t, s, "ns", key(0), "payload 0")
			mustGet(t, s, "ns", key(2), "payload 2")
			if st := s.Stats(); st != (Stats{Hits: 2, Misses: 2, Rejected: 1}) {
				t.Errorf("Stats = %+v", st)
			}
			mustPut(t, s, "ns", key(1), "payload 1")
			s.Close()
			mustGet(t, openAt(t, dir), "ns", key(1), "payload 1")
		})
	}
}

// A record damaged while the store that wrote it is still open is
// rejected too: every Get checks it.
func TestDamageUnderAnOpenStore(t *testing.T) {
	dir := t.TempDir()
	s := openAt(t, dir)
	mustPut(t, s, "ns", key(0), "payload 0")
	mustPut(t, s, "ns", key(1), "payload 1")
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}
	damage(t, dir, key(0), func(r []byte) { r[len(r)-2] ^= 0x40 })
	if _, ok := s.Get("ns", key(0)); ok {
		t.Fatal("damaged entry returned")
	}
	mustGet(t, s, "ns", key(1), "payload 1")
}

// A pack cut short (a disk that lost its end) loses the entries past the
// cut, no more.
func TestTruncatedPack(t *testing.T) {
	dir := t.TempDir()
	s := openAt(t, dir)
	for i := range 10 {
		mustPut(t, s, "ns", key(i), strings.Repeat(fmt.Sprint(i), 1000))
	}
	s.Close()
	es := Entries(dir)
	last := es[len(es)-1]
	if err := os.Truncate(last.Pack, last.Offset+last.Length/2); err != nil {
		t.Fatal(err)
	}
	s = openAt(t, dir)
	for i := range 9 {
		mustGet(t, s, "ns", key(i), strings.Repeat(fmt.Sprint(i), 1000))
	}
	if _, ok := s.Get("ns", key(9)); ok {
		t.Fatal("the cut entry was returned")
	}
}

// Files that are not the store's are ignored: a foreign file named like a
// pack, a damaged index, other files.
func TestForeignFilesAreIgnored(t *testing.T) {
	dir := t.TempDir()
	s := openAt(t, dir)
	mustPut(t, s, "ns", key(0), "payload 0")
	s.Close()
	packs := filepath.Join(dir, packsDir)
	for name, data := range map[string]string{
		"0000000000000000-1-00000000.pack": "not a pack",
		"0000000000000000-1-00000000.idx":  "not an index",
		"ffffffffffffffff-1-00000000.idx":  string(indexMagic) + "an index without its pack",
		"README":                           "a note",
	} {
		if err := os.WriteFile(filepath.Join(packs, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	s = openAt(t, dir)
	mustGet(t, s, "ns", key(0), "payload 0")
	mustPut(t, s, "ns", key(1), "payload 1")
	s.Close()
	s = openAt(t, dir)
	mustGet(t, s, "ns", key(1), "payload 1")
	if s.Stats().Rejected != 0 {
		t.Errorf("Stats = %+v", s.Stats())
	}
}

// An index damaged past its first chunks keeps those chunks.
func TestDamagedIndexKeepsItsWholeChunks(t *testing.T) {
	dir := t.TempDir()
	s := openAt(t, dir)
	mustPut(t, s, "ns", key(0), "payload 0")
	s.Flush()
	mustPut(t, s, "ns", key(1), "payload 1")
	s.Close()
	idx := strings.TrimSuffix(Entries(dir)[0].Pack, packExt) + indexExt
	data, err := os.ReadFile(idx)
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)-1] ^= 1 // the second chunk's checksum
	if err := os.WriteFile(idx, data, 0o644); err != nil {
		t.Fatal(err)
	}
	s = openAt(t, dir)
	mustGet(t, s, "ns", key(0), "payload 0")
	// the pack's writer is gone: its unindexed record is found again
	mustGet(t, s, "ns", key(1), "payload 1")
}

// The folders of bantin's earlier layout (one file per entry) are
// ignored, and removed when the store closes; a folder of the same name
// that is not that layout stays.
func TestOldLayoutIsRemoved(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "markdown", "ab")
	mine := filepath.Join(dir, "images", "photos")
	for _, d := range []string{old, mine} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(old, strings.Repeat("c", 62)), []byte("bantin-cache\x00\x01…"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := openAt(t, dir)
	if _, ok := s.Get("markdown", key(0)); ok {
		t.Fatal("an old entry answered")
	}
	s.Close()
	if _, err := os.Stat(filepath.Join(dir, "markdown")); !os.IsNotExist(err) {
		t.Error("the old layout is still there")
	}
	if _, err := os.Stat(mine); err != nil {
		t.Error("a folder that is not the old layout was removed")
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
	if s.Flush() != nil || s.Close() != nil {
		t.Error("nil store failed")
	}
}

func TestConcurrentWritersLeaveWholeEntries(t *testing.T) {
	s := open(t)
	k := NewKey([]byte("same"))
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			s.Put("ns", k, []byte("the same payload from every writer"))
			s.Get("ns", k)
		})
	}
	wg.Wait()
	mustGet(t, s, "ns", k, "the same payload from every writer")
	if s.Stats().Rejected != 0 {
		t.Errorf("Stats = %+v", s.Stats())
	}
}

// Two stores on one folder (bantin serve and bantin build) write at once,
// each to its own pack: neither reads the other's half-written records,
// and both sets of entries are whole afterwards.
func TestTwoStoresWriteAtOnce(t *testing.T) {
	dir := t.TempDir()
	a, b := openAt(t, dir), openAt(t, dir)
	big := strings.Repeat("x", bufferBytes/50) // buffers are written while the other reads
	var wg sync.WaitGroup
	for w, s := range []*Store{a, b} {
		for g := range 4 {
			wg.Go(func() {
				for i := range 100 {
					n := g*1000 + i
					mustPut(t, s, "ns", key(n), fmt.Sprint(n, big))              // both write the same entries
					mustPut(t, s, "own", key(w*100000+n), fmt.Sprint(w, n, big)) // and their own
					if i%10 == 0 {
						s.Flush()
						c, err := Open(dir) // a third reader in between
						if err != nil {
							t.Error(err)
							return
						}
						for j := range i {
							if got, ok := c.Get("ns", key(g*1000+j)); ok && string(got) != fmt.Sprint(g*1000+j, big) {
								t.Errorf("read a wrong entry")
							}
						}
						if c.Stats().Rejected != 0 {
							t.Errorf("a reader rejected entries: %+v", c.Stats())
						}
						c.Close()
					}
				}
			})
		}
	}
	wg.Wait()
	if err := errors.Join(a.Close(), b.Close()); err != nil {
		t.Fatal(err)
	}
	c := openAt(t, dir)
	for g := range 4 {
		for i := range 100 {
			n := g*1000 + i
			mustGet(t, c, "ns", key(n), fmt.Sprint(n, big))
			for w := range 2 {
				mustGet(t, c, "own", key(w*100000+n), fmt.Sprint(w, n, big))
			}
		}
	}
	if st := c.Stats(); st.Rejected != 0 {
		t.Errorf("Stats = %+v", st)
	}
}

// A cache that cannot be written (a file where the packs' folder goes)
// answers misses, and each Put says why.
func TestUnwritableCache(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, packsDir), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := openAt(t, dir)
	for i := range 3 {
		if err := s.Put("ns", key(i), []byte("y")); err == nil || !strings.Contains(err.Error(), "not a directory") {
			t.Fatalf("Put: %v", err)
		}
	}
	if _, ok := s.Get("ns", key(0)); ok {
		t.Error("an unwritten entry answered")
	}
	if st := s.Stats(); st.Failed != 3 || !strings.Contains(fmt.Sprint(s.FirstError()), "not a directory") {
		t.Errorf("Stats %+v, FirstError %v", st, s.FirstError())
	}
}

// An entry rewritten by every build (a rendered document whose links
// moved) does not make the folder grow without bound, nor do the packs
// each build adds: Close compacts.
func TestRewritesDoNotGrowTheFolder(t *testing.T) {
	dir := t.TempDir()
	payload := func(round, i int) string { return fmt.Sprint(round, strings.Repeat(" entry", 100), i) }
	var first int64
	for round := range 30 {
		s := openAt(t, dir)
		for i := range 50 {
			if round > 0 {
				mustGet(t, s, "ns", key(i), payload(round-1, i))
			}
			mustPut(t, s, "ns", key(i), payload(round, i))
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		size, packs := folderSize(t, dir)
		if round == 0 {
			first = size
		}
		if size > 3*first || packs > maxPacks {
			t.Fatalf("round %d: %d bytes in %d packs, the first round wrote %d", round, size, packs, first)
		}
	}
}

func folderSize(t *testing.T, dir string) (size int64, packs int) {
	t.Helper()
	des, err := os.ReadDir(filepath.Join(dir, packsDir))
	if err != nil {
		t.Fatal(err)
	}
	for _, de := range des {
		info, err := de.Info()
		if err != nil {
			t.Fatal(err)
		}
		size += info.Size()
		if strings.HasSuffix(de.Name(), packExt) {
			packs++
		}
	}
	return size, packs
}

// Many builds that each add entries leave at most maxPacks packs, and
// every entry is still there.
func TestManyPacksAreMerged(t *testing.T) {
	dir := t.TempDir()
	for round := range 3 * maxPacks {
		s := openAt(t, dir)
		mustPut(t, s, "ns", key(round), fmt.Sprint("payload ", round))
		s.Close()
	}
	if _, packs := folderSize(t, dir); packs > maxPacks {
		t.Errorf("%d packs", packs)
	}
	s := openAt(t, dir)
	for round := range 3 * maxPacks {
		mustGet(t, s, "ns", key(round), fmt.Sprint("payload ", round))
	}
}

// Merging the small packs that builds add leaves the large one, mostly
// live, where it is.
func TestMergingKeepsTheLargePack(t *testing.T) {
	dir := t.TempDir()
	s := openAt(t, dir)
	for i := range 100 {
		mustPut(t, s, "ns", key(i), strings.Repeat("x", 1000))
	}
	s.Close()
	large := Entries(dir)[0].Pack
	for round := range 2 * maxPacks {
		s := openAt(t, dir)
		mustPut(t, s, "stamp", key(round), "a build's stamp")
		s.Close()
	}
	if _, packs := folderSize(t, dir); packs > maxPacks {
		t.Errorf("%d packs", packs)
	}
	if _, err := os.Stat(large); err != nil {
		t.Errorf("the large pack was copied: %v", err)
	}
	s = openAt(t, dir)
	mustGet(t, s, "ns", key(99), strings.Repeat("x", 1000))
	mustGet(t, s, "stamp", key(2*maxPacks-1), "a build's stamp")
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

const sha256Size = sha256.Size

func sumOf(s string) [sha256.Size]byte { return sha256.Sum256([]byte(s)) }

// A store opened while another writes leaves the writer's pack alone
// (the writer holds its lock): it does not cut what lies past the
// writer's index (a write in progress), and does not see what the writer
// still buffers; it finds everything once the writer closed.
func TestLiveWriterTailIsLeftAlone(t *testing.T) {
	dir := t.TempDir()
	a := openAt(t, dir)
	for i := range 8 { // written and published as the buffer fills
		mustPut(t, a, "ns", key(i), bigPayload(i))
	}
	mustPut(t, a, "ns", key(8), "buffered")
	es := Entries(dir)
	if len(es) != 8 {
		t.Fatalf("%d entries published, want 8", len(es))
	}
	f, err := os.OpenFile(es[0].Pack, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.Write(appendRecord(nil, "ns", key(99), sumOf("x"), []byte("x"))[:20]) // a write in progress
	f.Close()
	before, _ := os.Stat(es[0].Pack)
	b := openAt(t, dir)
	mustGet(t, b, "ns", key(7), bigPayload(7))
	if _, ok := b.Get("ns", key(8)); ok {
		t.Error("a buffered entry answered")
	}
	if after, err := os.Stat(es[0].Pack); err != nil || after.Size() != before.Size() {
		t.Errorf("the live writer's pack was changed: %v", err)
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	c := openAt(t, dir)
	for i := range 8 {
		mustGet(t, c, "ns", key(i), bigPayload(i))
	}
	mustGet(t, c, "ns", key(8), "buffered")
	if st := c.Stats(); st.Rejected != 0 {
		t.Errorf("Stats = %+v", st)
	}
}

// An entry unused for maxUnused (the result of a file since edited or
// deleted) counts as dead: once the dead bytes pass half of the folder,
// Close drops it. A hit, at most once a day, records a use that keeps an
// entry.
func TestUnusedEntriesExpire(t *testing.T) {
	dir := t.TempDir()
	const day = 24 * time.Hour
	t0 := time.Now()
	at := func(d time.Duration) *Store {
		s := openAt(t, dir)
		s.now = func() time.Time { return t0.Add(d) }
		return s
	}
	unused := strings.Repeat("unused ", 100)
	s := at(0)
	mustPut(t, s, "ns", key(0), "used")
	mustPut(t, s, "ns", key(1), unused)
	s.Close()
	s = at(20 * day)
	mustGet(t, s, "ns", key(0), "used") // records a use
	s.Close()
	s = at(25 * day)
	s.Close()
	if n := len(Entries(dir)); n != 3 { // two records, one use
		t.Fatalf("%d index entries before the expiry, want 3", n)
	}
	s = at(40 * day) // key 1 unused for 40 days: dead
	s.Close()
	if es := Entries(dir); len(es) != 1 || es[0].Key != key(0) {
		t.Fatalf("after the expiry: %d entries", len(es))
	}
	s = at(45 * day)
	mustGet(t, s, "ns", key(0), "used")
	if _, ok := s.Get("ns", key(1)); ok {
		t.Error("the expired entry answered")
	}
	s.Close()
}
