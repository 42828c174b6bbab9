package output

import (
	"fmt"
	"path"
	"sort"
	"strings"
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
	dirs       map[string]bool   // folders the files so far need
	collisions []Collision
	invalid    []Invalid
	admitted   int
	err        error
}

// NewSink returns a sink that writes into w.
func NewSink(w Writer) *Sink {
	return &Sink{w: w, files: map[string]string{}, dirs: map[string]bool{}}
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

// Claim checks f's path as Add does and records it, but writes nothing:
// the file is made later, elsewhere (a dev server's deferred pages). It
// reports whether the path may be written.
func (s *Sink) Claim(f File) bool { return s.admit(f) }

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
	if s.dirs[f.Path] { // files came first that need this path as their folder
		s.refuseBelow(f)
		return false
	}
	for dir := path.Dir(f.Path); dir != "."; dir = path.Dir(dir) {
		if s.dirs[dir] {
			break
		}
		s.dirs[dir] = true
	}
	s.admitted++
	return true
}

// refuseBelow reports every file already taken under f's path, which f,
// a file, keeps from being a folder: what Check reports whatever the order
// the files came in. It runs only on such a clash, which fails the build.
func (s *Sink) refuseBelow(f File) {
	prefix := f.Path + "/"
	for p, source := range s.files {
		if strings.HasPrefix(p, prefix) {
			s.invalid = append(s.invalid, Invalid{File: File{Path: p, Source: source}, Reason: folderClash(p, f.Path, f.Source)})
		}
	}
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
