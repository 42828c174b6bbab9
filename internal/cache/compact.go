package cache

import (
	"cmp"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// maxPacks is how many packs a folder holds before a store's Close
// merges them (each build that put something adds one).
const maxPacks = 8

// maxUnused is how long an entry stays unused before its bytes count as
// dead: the result of a file since edited or deleted, of options no
// longer used.
const maxUnused = 30 * 24 * time.Hour

// needsCompaction reports whether more than half of the packs' record
// bytes are dead (superseded by a later record of the same entry,
// rejected, or unused for maxUnused), or there are more than maxPacks
// packs.
func (s *Store) needsCompaction() bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var total, live int64
	for _, p := range s.packs {
		total += p.size.Load() - int64(len(packMagic))
	}
	for _, loc := range s.entries {
		if !s.expired(loc) {
			live += loc.n
		}
	}
	dead := total - live
	return len(s.packs) > maxPacks || (dead > 0 && 2*dead > total)
}

// expired reports whether the entry at loc was last used more than
// maxUnused ago.
func (s *Store) expired(loc location) bool {
	return s.now().Unix()-loc.used > int64(maxUnused/time.Second)
}

// compact copies the live records of every pack no writer holds (the
// store's own included: its writer is done) into one new pack, and
// removes them. Packs that live writers hold are left alone, and so is the
// largest pack while at least half of it is live: merging the small packs
// that builds add (a few entries and a stamp each) does not copy the bulk
// of the cache every time. Only one store at a time compacts a folder;
// another skips it. Readers that have a removed pack open go on reading
// it.
func (s *Store) compact() error {
	dir := filepath.Join(s.dir, packsDir)
	lock, err := os.OpenFile(filepath.Join(dir, "compact.lock"), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	defer lock.Close()
	if ok, _ := tryLock(lock); !ok {
		return nil
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	order := map[*pack]int{}
	for i, p := range s.packs {
		if ok, _ := tryLock(p.f); ok {
			order[p] = i
		}
	}
	s.keepLargestIfLive(order)
	if len(order) == 0 {
		return nil
	}
	out, err := newWriter(dir, func(int, error) {})
	if err != nil {
		return err
	}
	if err := copyLive(out, s.liveIn(order)); err != nil {
		out.p.f.Close()
		out.idx.Close()
		out.p.remove()
		return err
	}
	for p := range order {
		p.remove()
	}
	removeLeftovers(dir)
	return out.p.f.Close()
}

// keepLargestIfLive takes the largest of the packs in order out of it
// when at least half of its bytes are live.
func (s *Store) keepLargestIfLive(order map[*pack]int) {
	var largest *pack
	for p := range order {
		if largest == nil || p.size.Load() > largest.size.Load() {
			largest = p
		}
	}
	if largest == nil {
		return
	}
	var live int64
	for _, loc := range s.entries {
		if loc.p == largest && !s.expired(loc) {
			live += loc.n
		}
	}
	if live > 0 && 2*live >= largest.size.Load()-int64(len(packMagic)) {
		delete(order, largest)
	}
}

// liveIn lists the entries held by the packs in order and used within
// maxUnused, in the order they lie on disk.
func (s *Store) liveIn(order map[*pack]int) []entryAt {
	var live []entryAt
	for id, loc := range s.entries {
		if _, ok := order[loc.p]; ok && !s.expired(loc) {
			live = append(live, entryAt{id, loc})
		}
	}
	slices.SortFunc(live, func(a, b entryAt) int {
		return cmp.Or(cmp.Compare(order[a.loc.p], order[b.loc.p]), cmp.Compare(a.loc.off, b.loc.off))
	})
	return live
}

type entryAt struct {
	id  entryID
	loc location
}

// copyLive appends each entry's record to out, checked: a damaged record
// is left behind.
func copyLive(out *writer, live []entryAt) error {
	for _, e := range live {
		raw, err := readAt(e.loc.p.f, e.loc)
		if err != nil {
			continue
		}
		if _, ok := decodeRecord(raw, e.id.ns, e.id.key); !ok {
			continue
		}
		if err := out.addRecord(e.id.ns, e.id.key, raw, e.loc.used); err != nil {
			return err
		}
	}
	return out.close()
}

// removeLeftovers removes what killed processes left in dir: packs never
// renamed into place (no one holds them, and they are more than a minute
// old) and indexes without a pack.
func removeLeftovers(dir string) {
	des, _ := os.ReadDir(dir)
	for _, de := range des {
		name := filepath.Join(dir, de.Name())
		switch {
		case strings.HasSuffix(name, newExt):
			info, err := de.Info()
			if err != nil || time.Since(info.ModTime()) < time.Minute {
				continue
			}
			if f, err := os.Open(name); err == nil {
				if ok, _ := tryLock(f); ok {
					os.Remove(name)
				}
				f.Close()
			}
		case strings.HasSuffix(name, indexExt):
			if _, err := os.Stat(strings.TrimSuffix(name, indexExt) + packExt); os.IsNotExist(err) {
				os.Remove(name)
			}
		}
	}
}
