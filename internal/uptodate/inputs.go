package uptodate

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"hash"
	"io"
	"io/fs"
	"strings"
	"sync"

	"bantin/internal/config"
	"bantin/internal/parallel"
	"bantin/internal/sitefs"
)

// Folders are the folders of a site whose every file a build may read.
var Folders = []string{"content", "layouts", "static"}

// rootNames are the other paths a build looks at: the config files it
// may find at the root, and Hugo's config folder, which it warns about.
var rootNames = append(append([]string(nil), config.Files...), "config/_default")

// Covers reports whether the fingerprint of [Inputs] covers what a build
// reads at name (a path of the site's file system).
func Covers(name string) bool {
	for _, dir := range Folders {
		if name == dir || strings.HasPrefix(name, dir+"/") {
			return true
		}
	}
	for _, n := range rootNames {
		if name == n {
			return true
		}
	}
	return false
}

// entry is one line of the fingerprint: a folder, a file (its bytes are
// hashed later), a refused entry or a root name's state.
type entry struct {
	kind, path, detail string
	file               bool
}

// Inputs is the fingerprint of every input of a build in fsys (a site
// opened with sitefs.Open): the state of every root name (config files
// hashed), and under each of Folders every folder's path, every file's
// path, bytes and change stamp (inode and ctime, where the file system
// has them), and every entry a walk refuses, with why. Files are hashed
// on every core.
func Inputs(fsys fs.FS) (d Digest) {
	var entries []entry
	for _, name := range rootNames {
		entries = append(entries, rootEntry(fsys, name))
	}
	for _, dir := range Folders {
		entries = append(entries, folderEntries(fsys, dir)...)
	}
	parallel.For(len(entries), func(i int) {
		if entries[i].file {
			entries[i].detail = fileSum(fsys, entries[i].path)
		}
	})
	h := sha256.New()
	for _, e := range entries {
		writeFields(h, e.kind, e.path, e.detail)
	}
	h.Sum(d[:0])
	return d
}

// rootEntry is the state of a root name: missing, a folder, a file with
// its bytes, or the error that stats it.
func rootEntry(fsys fs.FS, name string) entry {
	info, err := fs.Stat(fsys, name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return entry{kind: "missing", path: name}
	case err != nil:
		return entry{kind: "unreadable", path: name, detail: err.Error()}
	case info.IsDir():
		return entry{kind: "folder", path: name}
	}
	return entry{kind: "file", path: name, file: true}
}

// folderEntries walks dir as the build's walkers do (sitefs.Walk), but
// skipping nothing.
func folderEntries(fsys fs.FS, dir string) []entry {
	var out []entry
	err := sitefs.Walk(fsys, dir, sitefs.Walker{
		Dir:    func(p string) { out = append(out, entry{kind: "folder", path: p}) },
		File:   func(p string) { out = append(out, entry{kind: "file", path: p, file: true}) },
		Refuse: func(p, why string) { out = append(out, entry{kind: "refused", path: p, detail: why}) },
	})
	if errors.Is(err, fs.ErrNotExist) {
		return []entry{{kind: "missing", path: dir}}
	}
	if err != nil {
		return []entry{{kind: "unreadable", path: dir, detail: err.Error()}}
	}
	return out
}

// buffers are the read buffers of fileSum, one per worker at a time.
var buffers = sync.Pool{New: func() any { b := make([]byte, 256<<10); return &b }}

// fileSum is the SHA-256 of the file's bytes and its change stamp, or the
// error that reading it gave.
func fileSum(fsys fs.FS, name string) string {
	f, err := fsys.Open(name)
	if err != nil {
		return "error: " + err.Error()
	}
	defer f.Close()
	h := sha256.New()
	buf := buffers.Get().(*[]byte)
	defer buffers.Put(buf)
	if _, err := io.CopyBuffer(onlyWriter{h}, onlyReader{f}, *buf); err != nil {
		return "error: " + err.Error()
	}
	if info, err := f.Stat(); err == nil {
		h.Write([]byte(changeStamp(info)))
	}
	return string(h.Sum(nil))
}

// onlyReader and onlyWriter hide ReadFrom and WriteTo, so that
// io.CopyBuffer uses the pooled buffer.
type onlyReader struct{ r io.Reader }

func (o onlyReader) Read(p []byte) (int, error) { return o.r.Read(p) }

type onlyWriter struct{ w io.Writer }

func (o onlyWriter) Write(p []byte) (int, error) { return o.w.Write(p) }

// writeFields writes each field length-prefixed, so that ("ab", "c") and
// ("a", "bc") differ.
func writeFields(h hash.Hash, fields ...string) {
	var n [8]byte
	for _, f := range fields {
		binary.LittleEndian.PutUint64(n[:], uint64(len(f)))
		h.Write(n[:])
		h.Write([]byte(f))
	}
}
