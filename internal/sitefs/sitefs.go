package sitefs

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// ErrOutside is the error of a path whose symbolic link leads out of the
// site folder.
var ErrOutside = errors.New("symlink leads outside the site folder; only relative symlinks that stay inside it are followed")

// ErrSpecial is the error of a path that is neither a regular file nor a
// folder.
var ErrSpecial = errors.New("not a regular file")

// Open returns the site folder dir as a file system that refuses to leave
// it and refuses special files.
func Open(dir string) (fs.FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return guarded{root: root, inner: root.FS().(statReadDirFS)}, nil
}

// statReadDirFS is what os.Root.FS implements.
type statReadDirFS interface {
	fs.StatFS
	fs.ReadDirFS
	fs.ReadLinkFS
}

// guarded checks every file it opens.
type guarded struct {
	root  *os.Root
	inner statReadDirFS
}

// Open opens name without blocking (O_NONBLOCK: a named pipe opens at
// once instead of waiting for a writer), then refuses it unless the file
// it opened is a regular file or a folder. Checking the opened file, not
// the path, leaves no moment in which the path could become a pipe.
func (g guarded) Open(name string) (fs.File, error) {
	f, _, err := g.open(name)
	if err != nil {
		return nil, err
	}
	return f, nil
}

// open is Open that also returns what it learnt of the file.
func (g guarded) open(name string) (*os.File, fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	f, err := g.root.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, explain("open", name, err)
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if !info.Mode().IsRegular() && !info.IsDir() {
		f.Close()
		return nil, nil, &fs.PathError{Op: "open", Path: name, Err: fmt.Errorf("%w (%s)", ErrSpecial, kindOf(info.Mode()))}
	}
	return f, info, nil
}

// ReadFile reads name through Open, into a buffer of the size the file
// had when opened (one read, no regrowing; a file that grew meanwhile is
// still read whole).
func (g guarded) ReadFile(name string) ([]byte, error) {
	f, info, err := g.open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data := make([]byte, 0, info.Size()+1) // +1: the read that sees EOF needs room
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}

// Stat follows symbolic links inside the site; it fails for a link that
// leaves the site and for a special file.
func (g guarded) Stat(name string) (fs.FileInfo, error) {
	info, err := g.inner.Stat(name)
	if err != nil {
		return nil, explain("stat", name, err)
	}
	if !info.Mode().IsRegular() && !info.IsDir() {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fmt.Errorf("%w (%s)", ErrSpecial, kindOf(info.Mode()))}
	}
	return info, nil
}

func (g guarded) ReadDir(name string) ([]fs.DirEntry, error) {
	if _, err := g.Stat(name); err != nil {
		return nil, err
	}
	return g.inner.ReadDir(name)
}

func (g guarded) ReadLink(name string) (string, error) { return g.inner.ReadLink(name) }

func (g guarded) Lstat(name string) (fs.FileInfo, error) { return g.inner.Lstat(name) }

// explain turns os.Root's "path escapes from parent" into ErrOutside.
func explain(op, name string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Err != nil && pe.Err.Error() == "path escapes from parent" {
		return &fs.PathError{Op: op, Path: name, Err: ErrOutside}
	}
	return err
}

// kindOf names a special file's kind for messages.
func kindOf(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "mode " + m.String()
}
