package output

import (
	"bytes"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"
)

// MemFS is a built site held in memory. It implements fs.FS; it is
// immutable once made, so it is safe for concurrent use.
type MemFS struct {
	files map[string]*File
	dirs  map[string][]string // dir → sorted child names
}

// NewMemFS indexes files (which must have passed Check).
func NewMemFS(files []File) *MemFS {
	m := &MemFS{files: make(map[string]*File, len(files)), dirs: map[string][]string{".": nil}}
	children := map[string]map[string]bool{}
	for i := range files {
		f := &files[i]
		m.files[f.Path] = f
		child := f.Path
		for dir := path.Dir(child); ; dir = path.Dir(dir) {
			if children[dir] == nil {
				children[dir] = map[string]bool{}
			}
			children[dir][path.Base(child)] = true
			if dir == "." {
				break
			}
			child = dir
		}
	}
	for dir, set := range children {
		names := make([]string, 0, len(set))
		for n := range set {
			names = append(names, n)
		}
		sort.Strings(names)
		m.dirs[dir] = names
	}
	return m
}

// Open implements fs.FS.
func (m *MemFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if f, ok := m.files[name]; ok {
		return &memFile{info: memInfo{name: path.Base(name), size: int64(len(f.Data))}, r: bytes.NewReader(f.Data)}, nil
	}
	if names, ok := m.dirs[name]; ok {
		return &memDir{fs: m, dir: name, names: names}, nil
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

type memInfo struct {
	name string
	size int64
	dir  bool
}

func (i memInfo) Name() string { return i.name }
func (i memInfo) Size() int64  { return i.size }
func (i memInfo) Mode() fs.FileMode {
	if i.dir {
		return fs.ModeDir | 0o555
	}
	return 0o444
}
func (i memInfo) ModTime() time.Time { return time.Time{} }
func (i memInfo) IsDir() bool        { return i.dir }
func (i memInfo) Sys() any           { return nil }

type memFile struct {
	info memInfo
	r    *bytes.Reader
}

func (f *memFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *memFile) Read(p []byte) (int, error) { return f.r.Read(p) }
func (f *memFile) Seek(off int64, whence int) (int64, error) {
	return f.r.Seek(off, whence)
}
func (f *memFile) Close() error { return nil }

type memDir struct {
	fs    *MemFS
	dir   string
	names []string
	next  int
}

func (d *memDir) Stat() (fs.FileInfo, error) {
	return memInfo{name: path.Base(d.dir), dir: true}, nil
}
func (d *memDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.dir, Err: fs.ErrInvalid}
}
func (d *memDir) Close() error { return nil }

func (d *memDir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.names[d.next:]
	if n > 0 && len(rest) == 0 {
		return nil, io.EOF
	}
	if n > 0 && n < len(rest) {
		rest = rest[:n]
	}
	out := make([]fs.DirEntry, len(rest))
	for i, name := range rest {
		full := strings.TrimPrefix(path.Join(d.dir, name), "./")
		info := memInfo{name: name}
		if f, ok := d.fs.files[full]; ok {
			info.size = int64(len(f.Data))
		} else {
			info.dir = true
		}
		out[i] = fs.FileInfoToDirEntry(info)
	}
	d.next += len(rest)
	return out, nil
}
