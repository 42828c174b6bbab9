package output

import (
	"fmt"
	"path"
	"sort"
	"sync"
)

// Writer stores the files of a build as they are made: [Dir] on disk,
// [Mem] in memory. A Writer may keep f.Data; callers must not change it
// afterwards. Implementations are safe for concurrent use.
type Writer interface {
	Write(f File) error
}

// Sink passes each file it is given to a [Writer] unless the file cannot
// be written beside the ones before it ([Check]'s rules: a path that
// leaves the site or replaces [Marker], a name or path too long, a second
// file on one path, a file where another needs a folder). It remembers
// paths and sources, never bytes, so a build that streams its files
// through it holds the site model but not the site. It is safe for
// concurrent use; problems come out sorted by path whatever the order the
// files came in.
type Sink struct {
	w Writer

	mu         sync.Mutex
	files      map[string]string // path → source
	dirs       map[string]File   // folder → the first file that needs it (no Data)
	collisions []Collision
	invalid    []Invalid
	admitted   int
	err        error
}

// NewSink returns a sink that writes into w.
func NewSink(w Writer) *Sink {
	return &Sink{w: w, files: map[string]string{}, dirs: map[string]File{}}
}

// Add checks f and writes it when it can be written. A write failure is
// kept for [Sink.Err]; the files after it are still checked.
func (s *Sink) Add(f File) {
	if !s.admit(f) {
		return
	}
	if err := s.w.Write(f); err != nil {
		s.mu.Lock()
		if s.err == nil {
			s.err = fmt.Errorf("write %s: %w", f.Path, err)
		}
		s.mu.Unlock()
	}
}

// AddAll adds files in order.
func (s *Sink) AddAll(files []File) {
	for _, f := range files {
		s.Add(f)
	}
}

// admit records f's path and reports whether it may be written.
func (s *Sink) admit(f File) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if first, ok := s.files[f.Path]; ok {
		s.collisions = append(s.collisions, Collision{Path: f.Path, First: first, Second: f.Source})
		return false
	}
	if reason := unwritable(f.Path, s.files); reason != "" {
		s.invalid = append(s.invalid, Invalid{File: File{Path: f.Path, Source: f.Source}, Reason: reason})
		return false
	}
	s.files[f.Path] = f.Source
	if below, ok := s.dirs[f.Path]; ok { // a file came first that needs this path as its folder
		s.invalid = append(s.invalid, Invalid{File: below, Reason: folderClash(below.Path, f.Path, f.Source)})
		return false
	}
	for dir := path.Dir(f.Path); dir != "."; dir = path.Dir(dir) {
		if _, ok := s.dirs[dir]; ok {
			break
		}
		s.dirs[dir] = File{Path: f.Path, Source: f.Source}
	}
	s.admitted++
	return true
}

// Problems returns the collisions and unwritable files so far, sorted by
// path.
func (s *Sink) Problems() ([]Collision, []Invalid) {
	s.mu.Lock()
	defer s.mu.Unlock()
	col := append([]Collision(nil), s.collisions...)
	inv := append([]Invalid(nil), s.invalid...)
	sort.SliceStable(col, func(i, j int) bool { return col[i].Path < col[j].Path })
	sort.SliceStable(inv, func(i, j int) bool { return inv[i].Path < inv[j].Path })
	return col, inv
}

// Err is the first write failure, or nil.
func (s *Sink) Err() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

// Len is the number of files passed to the Writer.
func (s *Sink) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.admitted
}
