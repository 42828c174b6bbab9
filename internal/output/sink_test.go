package output

import (
	"fmt"
	"sync"
	"testing"
)

// A sink writes what can be written, refuses the rest whatever order the
// files come in, and reports the same problems as Check.
func TestSinkRefusesWhatCheckRefuses(t *testing.T) {
	files := []File{ // 0 … 6
		{Path: "a/index.html", Data: []byte("a"), Source: "content/a.md"},
		{Path: "a/index.html", Data: []byte("b"), Source: "content/b.md"},
		{Path: "x", Data: []byte("x"), Source: "static/x"},
		{Path: "x/y.html", Data: []byte("y"), Source: "content/y.md"},
		{Path: "x/z/index.html", Data: []byte("z"), Source: "content/z.md"},
		{Path: Marker, Data: []byte("m"), Source: "static/" + Marker},
		{Path: "ok.html", Data: []byte("ok"), Source: "content/ok.md"},
	}
	for _, order := range [][]int{{0, 1, 2, 3, 4, 5, 6}, {6, 5, 4, 3, 2, 1, 0}, {3, 6, 0, 2, 5, 1, 4}} {
		mem := NewMem()
		s := NewSink(mem)
		for _, i := range order {
			s.Add(files[i])
		}
		col, inv := s.Problems()
		if len(col) != 1 || col[0].Path != "a/index.html" {
			t.Errorf("order %v: collisions %v", order, col)
		}
		if len(inv) != 3 || inv[0].Path != Marker || inv[1].Path != "x/y.html" || inv[1].Reason != `output path "x/y.html" needs a folder x, but static/x writes a file there` ||
			inv[2].Reason != `output path "x/z/index.html" needs a folder x, but static/x writes a file there` {
			t.Errorf("order %v: invalid %+v", order, inv)
		}
		// a/index.html, ok.html, and x or the two under it (whichever came first)
		if written := mem.Files(); len(written) != s.Len() || (s.Len() != 3 && s.Len() != 4) {
			t.Errorf("order %v: Len %d, written %v", order, s.Len(), written)
		}
	}
}

func TestSinkIsSafeForConcurrentUse(t *testing.T) {
	mem := NewMem()
	s := NewSink(mem)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				s.Add(File{Path: fmt.Sprintf("p/%d/index.html", i), Data: []byte{byte(g)}, Source: fmt.Sprint(g)})
			}
		}()
	}
	wg.Wait()
	col, _ := s.Problems()
	if len(mem.Files()) != 200 || len(col) != 7*200 {
		t.Errorf("%d files written, %d collisions; want 200 and 1400", len(mem.Files()), len(col))
	}
}
