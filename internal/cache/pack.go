package cache

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"
)

// packMagic opens every pack; the last byte is the format version.
var packMagic = []byte("bantin-pack\x00\x00\x00\x00\x01")

const (
	packExt  = ".pack"
	indexExt = ".idx"
	newExt   = ".new" // a pack being made, before its lock is held
)

// errForeign: a file named like a pack that is none.
var errForeign = errors.New("cache: not a pack")

// pack is one pack file, open for reading.
type pack struct {
	stem string       // its path without the extension
	f    *os.File     // held open: a compaction may remove the name
	size atomic.Int64 // the length of its whole, indexed records (and header)
}

// loadPack opens stem.pack and returns it with the entries its index
// names. A pack longer than its index covers is being written by a live
// writer (its lock is held: the tail is left alone) or was left by one
// that died: then its tail's whole records are indexed and the
// half-written rest cut off.
func loadPack(stem string, names *interner) (*pack, []indexEntry, error) {
	f, err := os.Open(stem + packExt)
	if err != nil {
		return nil, nil, err
	}
	head := make([]byte, len(packMagic))
	if _, err := f.ReadAt(head, 0); err != nil || !bytes.Equal(head, packMagic) {
		f.Close()
		return nil, nil, errForeign
	}
	px, size := readIndexFile(stem, names), fileSize(f)
	if size > px.end {
		if locked, _ := tryLock(f); locked {
			px, size = readIndexFile(stem, names), fileSize(f) // as it is now that no one else can change it
			if size > px.end && stillNamed(f, stem+packExt) {  // (not compacted away meanwhile)
				px = recoverTail(f, stem, px, size, names)
			}
			unlock(f)
		}
	}
	p := &pack{stem: stem, f: f}
	p.size.Store(min(px.end, size))
	return p, px.entries, nil
}

func readIndexFile(stem string, names *interner) parsedIndex {
	data, _ := os.ReadFile(stem + indexExt) // missing or unreadable: covers nothing
	return parseIndex(data, names)
}

// stillNamed reports whether path still names the file f.
func stillNamed(f *os.File, path string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Stat(path)
	return err == nil && os.SameFile(a, b)
}

func fileSize(f *os.File) int64 {
	fi, err := f.Stat()
	if err != nil {
		return 0
	}
	return fi.Size()
}

// recoverTail indexes the whole records of a dead writer's pack after
// what its index covers, publishes them, and cuts the pack after them.
// The caller holds the pack's lock. When the index cannot be written the
// records are still used, by this store alone.
func recoverTail(f *os.File, stem string, px parsedIndex, size int64, names *interner) parsedIndex {
	now := time.Now().Unix()
	r := bufio.NewReaderSize(io.NewSectionReader(f, px.end, size-px.end), 1<<20)
	var found []indexEntry
	end := px.end
	for {
		e, err := readRecord(r, end, size)
		if err != nil {
			break
		}
		e.ns, e.used = names.intern([]byte(e.ns)), now
		found = append(found, e)
		end += e.n
	}
	if publishRecovered(stem, px, found, end) == nil {
		os.Truncate(stem+packExt, end)
	}
	px.entries = append(px.entries, found...)
	px.end = end
	return px
}

// publishRecovered cuts stem's index after its whole chunks and appends a
// chunk for the recovered entries.
func publishRecovered(stem string, px parsedIndex, found []indexEntry, end int64) error {
	idx, err := os.OpenFile(stem+indexExt, os.O_WRONLY|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	var data []byte
	if px.good == 0 {
		data = append(data, indexMagic...)
	}
	data = appendChunk(data, found, end)
	err = idx.Truncate(px.good)
	if err == nil {
		_, err = idx.WriteAt(data, px.good)
	}
	return errors.Join(err, idx.Close())
}

// newPackFile makes a pack in dir that no other process knows: it is
// created under a temporary name (O_EXCL), locked, and then renamed, so
// that no reader ever sees it unlocked while its writer lives. Its index
// is created empty beside it, after it (an index without a pack is a
// leftover).
func newPackFile(dir string) (*pack, *os.File, error) {
	stem := filepath.Join(dir, fmt.Sprintf("%016x-%d-%08x", time.Now().UnixNano(), os.Getpid(), rand.Uint32()))
	f, err := os.OpenFile(stem+newExt, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, nil, err
	}
	fail := func(err error) (*pack, *os.File, error) {
		f.Close()
		os.Remove(stem + newExt)
		os.Remove(stem + packExt)
		os.Remove(stem + indexExt)
		return nil, nil, err
	}
	if _, err := tryLock(f); err != nil {
		return fail(err)
	}
	if _, err := f.Write(packMagic); err != nil {
		return fail(err)
	}
	if err := os.Rename(stem+newExt, stem+packExt); err != nil {
		return fail(err)
	}
	idx, err := os.OpenFile(stem+indexExt, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fail(err)
	}
	if _, err := idx.Write(indexMagic); err != nil {
		idx.Close()
		return fail(err)
	}
	p := &pack{stem: stem, f: f}
	p.size.Store(int64(len(packMagic)))
	return p, idx, nil
}

// remove deletes the pack's files. Readers that have it open go on
// reading it.
func (p *pack) remove() {
	os.Remove(p.stem + indexExt)
	os.Remove(p.stem + packExt)
}
