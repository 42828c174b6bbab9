package uptodate

import (
	"crypto/sha256"
	"encoding/binary"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"

	"golang.org/x/sys/unix"
)

// rootRecord is the stat of the folder itself.
func rootRecord(real string) (string, error) {
	var st unix.Stat_t
	if err := unix.Stat(real, &st); err != nil {
		return "", &os.PathError{Op: "stat", Path: real, Err: err}
	}
	return string(statRecord(nil, &st)), nil
}

// statRecord appends what the manifest keeps of a stat.
func statRecord(b []byte, st *unix.Stat_t) []byte {
	b = binary.LittleEndian.AppendUint32(b, st.Mode)
	for _, n := range []uint64{uint64(st.Size), uint64(st.Mtim.Nano()), uint64(st.Dev), uint64(st.Ino), uint64(st.Ctim.Nano())} {
		b = binary.LittleEndian.AppendUint64(b, n)
	}
	return b
}

// folderLister lists the folders of a tree on every core: a folder's
// subfolders go to a new goroutine while one is free, else are listed in
// place.
type folderLister struct {
	wg    sync.WaitGroup
	slots chan struct{}
	mu    sync.Mutex
	out   []folderSum
	err   error
}

func listFolders(real string) ([]folderSum, error) {
	l := &folderLister{slots: make(chan struct{}, max(runtime.GOMAXPROCS(0)-1, 0))}
	l.wg.Add(1)
	l.visit(real, "")
	l.wg.Wait()
	return l.out, l.err
}

func (l *folderLister) visit(abs, rel string) {
	defer l.wg.Done()
	sum, subs, err := l.folder(abs, rel)
	l.mu.Lock()
	l.out = append(l.out, sum)
	if err != nil && l.err == nil {
		l.err = err
	}
	l.mu.Unlock()
	if err != nil {
		return
	}
	for _, sub := range subs {
		l.wg.Add(1)
		select {
		case l.slots <- struct{}{}:
			go func() {
				defer func() { <-l.slots }()
				l.visit(filepath.Join(abs, sub), rel+"/"+sub)
			}()
		default:
			l.visit(filepath.Join(abs, sub), rel+"/"+sub)
		}
	}
}

// folder digests one folder's entries, in name order, and returns its
// subfolders.
func (l *folderLister) folder(abs, rel string) (folderSum, []string, error) {
	out := folderSum{rel: rel}
	f, err := os.Open(abs)
	if err != nil {
		return out, nil, err
	}
	defer f.Close()
	names, err := f.Readdirnames(-1)
	if err != nil {
		return out, nil, err
	}
	slices.Sort(names)
	fd := int(f.Fd())
	h := sha256.New()
	var subs []string
	buf := make([]byte, 0, 64)
	for _, name := range names {
		var st unix.Stat_t
		if err := unix.Fstatat(fd, name, &st, unix.AT_SYMLINK_NOFOLLOW); err != nil {
			return out, nil, &os.PathError{Op: "lstat", Path: filepath.Join(abs, name), Err: err}
		}
		writeFields(h, name, string(statRecord(buf[:0], &st)))
		switch st.Mode & unix.S_IFMT {
		case unix.S_IFDIR:
			subs = append(subs, name)
		case unix.S_IFREG:
			out.files++
		}
	}
	h.Sum(out.sum[:0])
	return out, subs, nil
}
