package uptodate

import (
	"io/fs"
	"sync/atomic"
)

// Guard is a site's file system that notes the first path a build reads
// outside what [Inputs] fingerprints. A build run through a guard whose
// Outside is not empty may depend on an input the check cannot see: its
// stamp is not recorded, and the next build runs in full.
type Guard struct {
	fsys    fs.FS
	outside atomic.Pointer[string]
}

// NewGuard wraps fsys (a site opened with sitefs.Open, or any fs.FS).
func NewGuard(fsys fs.FS) *Guard { return &Guard{fsys: fsys} }

// Outside is the first path read outside the fingerprint, or "".
func (g *Guard) Outside() string {
	if p := g.outside.Load(); p != nil {
		return *p
	}
	return ""
}

func (g *Guard) note(name string) {
	if !Covers(name) {
		g.outside.CompareAndSwap(nil, &name)
	}
}

func (g *Guard) Open(name string) (fs.File, error) { g.note(name); return g.fsys.Open(name) }

func (g *Guard) ReadFile(name string) ([]byte, error) { g.note(name); return fs.ReadFile(g.fsys, name) }

func (g *Guard) Stat(name string) (fs.FileInfo, error) { g.note(name); return fs.Stat(g.fsys, name) }

func (g *Guard) ReadDir(name string) ([]fs.DirEntry, error) {
	g.note(name)
	return fs.ReadDir(g.fsys, name)
}

func (g *Guard) ReadLink(name string) (string, error) { g.note(name); return fs.ReadLink(g.fsys, name) }

func (g *Guard) Lstat(name string) (fs.FileInfo, error) { g.note(name); return fs.Lstat(g.fsys, name) }
