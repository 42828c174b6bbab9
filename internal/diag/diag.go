package diag

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// Pos is a place in a source file. Line and Col are 1-based; Col counts runes.
type Pos struct {
	File string
	Line int
	Col  int
}

func (p Pos) String() string {
	switch {
	case p.Line <= 0:
		return p.File
	case p.Col <= 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Shift returns p moved down by lines, for positions found in a part of a
// file (front matter, body) that starts below the file's first line.
func (p Pos) Shift(lines int) Pos {
	if p.Line > 0 {
		p.Line += lines
	}
	return p
}

// PosAt returns the position of byte offset off in src, in file.
func PosAt(file string, src []byte, off int) Pos {
	if off > len(src) {
		off = len(src)
	}
	line := 1 + strings.Count(string(src[:off]), "\n")
	lineStart := strings.LastIndexByte(string(src[:off]), '\n') + 1
	return Pos{File: file, Line: line, Col: 1 + utf8.RuneCount(src[lineStart:off])}
}

// Severity says whether a diagnostic fails the build.
type Severity int

const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one positioned problem.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Msg      string
}

func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s: %s", d.Pos, d.Severity, d.Msg)
}

// List collects diagnostics. The zero value is ready to use.
type List struct {
	mu    sync.Mutex
	items []Diagnostic
}

// Errorf adds an error at pos.
func (l *List) Errorf(pos Pos, format string, args ...any) {
	l.Add(Diagnostic{Pos: pos, Severity: Error, Msg: fmt.Sprintf(format, args...)})
}

// Warnf adds a warning at pos.
func (l *List) Warnf(pos Pos, format string, args ...any) {
	l.Add(Diagnostic{Pos: pos, Severity: Warning, Msg: fmt.Sprintf(format, args...)})
}

// Add appends d.
func (l *List) Add(d Diagnostic) {
	l.mu.Lock()
	l.items = append(l.items, d)
	l.mu.Unlock()
}

// Merge appends every diagnostic of other.
func (l *List) Merge(other *List) {
	for _, d := range other.Items() {
		l.Add(d)
	}
}

// Items returns the diagnostics, sorted.
func (l *List) Items() []Diagnostic {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := append([]Diagnostic(nil), l.items...)
	sort.SliceStable(out, func(i, j int) bool { return less(out[i], out[j]) })
	return out
}

func less(a, b Diagnostic) bool {
	if a.Pos.File != b.Pos.File {
		return a.Pos.File < b.Pos.File
	}
	if a.Pos.Line != b.Pos.Line {
		return a.Pos.Line < b.Pos.Line
	}
	if a.Pos.Col != b.Pos.Col {
		return a.Pos.Col < b.Pos.Col
	}
	return a.Msg < b.Msg
}

// HasErrors reports whether any diagnostic is an error.
func (l *List) HasErrors() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, d := range l.items {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Err returns nil when the list holds no error, else an error listing every
// diagnostic, sorted, one per line.
func (l *List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return &ListError{Items: l.Items()}
}

// ListError is the error form of a List with at least one error.
type ListError struct {
	Items []Diagnostic
}

func (e *ListError) Error() string {
	lines := make([]string, len(e.Items))
	for i, d := range e.Items {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}

// Lines finds positions in one source by binary search over its line
// starts, for callers that need many positions in a long file (PosAt
// counts from the start each time).
type Lines struct {
	src    []byte
	starts []int // byte offset where each line starts
}

// NewLines indexes src's lines.
func NewLines(src []byte) *Lines {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &Lines{src: src, starts: starts}
}

// PosAt returns the position of byte offset off, as PosAt(file, src, off)
// would.
func (l *Lines) PosAt(file string, off int) Pos {
	off = max(0, min(off, len(l.src)))
	line := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > off }) // 1-based line
	start := l.starts[line-1]
	return Pos{File: file, Line: line, Col: 1 + utf8.RuneCount(l.src[start:off])}
}
