package output

import (
	"sort"
	"sync"
)

// Mem is a [Writer] that keeps a site in memory: for the dev server, and
// for tests that look at a build's files.
type Mem struct {
	mu    sync.Mutex
	files map[string]File
}

// NewMem returns an empty Mem.
func NewMem() *Mem { return &Mem{files: map[string]File{}} }

// Write keeps f (a later file on the same path replaces it; a [Sink] in
// front lets none through).
func (m *Mem) Write(f File) error {
	m.mu.Lock()
	m.files[f.Path] = f
	m.mu.Unlock()
	return nil
}

// Files returns the files kept, sorted by path.
func (m *Mem) Files() []File {
	m.mu.Lock()
	out := make([]File, 0, len(m.files))
	for _, f := range m.files {
		out = append(out, f)
	}
	m.mu.Unlock()
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}
