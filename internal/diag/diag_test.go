package diag

import (
	"errors"
	"testing"
)

func TestListSortsAndErrs(t *testing.T) {
	var l List
	if l.Err() != nil {
		t.Fatal("empty list must not be an error")
	}
	l.Warnf(Pos{File: "config.toml", Line: 2, Col: 1}, "unknown key %q", "x")
	if l.Err() != nil {
		t.Fatal("warnings alone must not be an error")
	}
	l.Errorf(Pos{File: "content/b.md", Line: 3, Col: 7}, "second")
	l.Errorf(Pos{File: "content/a.md", Line: 10, Col: 1}, "first")
	err := l.Err()
	var le *ListError
	if !errors.As(err, &le) {
		t.Fatalf("Err() = %T, want *ListError", err)
	}
	want := "config.toml:2:1: warning: unknown key \"x\"\n" +
		"content/a.md:10:1: error: first\n" +
		"content/b.md:3:7: error: second"
	if err.Error() != want {
		t.Errorf("got\n%s\nwant\n%s", err, want)
	}
}

func TestPosAtCountsRunes(t *testing.T) {
	src := []byte("dòng một\nĐường đi [x](y.md)")
	off := len("dòng một\nĐường đi ")
	got := PosAt("a.md", src, off)
	if got.String() != "a.md:2:10" {
		t.Errorf("PosAt = %s, want a.md:2:10", got)
	}
}

func TestPosString(t *testing.T) {
	cases := map[Pos]string{
		{File: "a"}:                  "a",
		{File: "a", Line: 3}:         "a:3",
		{File: "a", Line: 3, Col: 4}: "a:3:4",
	}
	for p, want := range cases {
		if p.String() != want {
			t.Errorf("%#v = %q, want %q", p, p.String(), want)
		}
	}
}

func TestLinesAgreesWithPosAt(t *testing.T) {
	src := []byte("a\nĐường đi\n\n  x\nlast")
	l := NewLines(src)
	for off := 0; off <= len(src)+2; off++ {
		if got, want := l.PosAt("f", off), PosAt("f", src, off); got != want {
			t.Errorf("offset %d: %v, want %v", off, got, want)
		}
	}
}
