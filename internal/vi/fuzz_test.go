package vi

import (
	"regexp"
	"testing"
)

var slugShape = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// FuzzSlug: a slug is empty or lower-case ASCII words joined by single
// hyphens, at most MaxSlug bytes, and a slug of a slug is itself; a
// Slugger never returns one ID twice.
func FuzzSlug(f *testing.F) {
	for _, s := range []string{"Dân vận khéo", "Đường đi", "1.052 hộ", "Łódź", "  --x--  ", "中文", "Nghị quyết 01.2022", "a\u0301"} {
		f.Add(s, "Đường đi")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		s := Slug(a)
		if s != "" && !slugShape.MatchString(s) {
			t.Errorf("Slug(%q) = %q: not lower-case words joined by hyphens", a, s)
		}
		if len(s) > MaxSlug {
			t.Errorf("Slug(%q) = %q: %d bytes, more than %d", a, s, len(s), MaxSlug)
		}
		if again := Slug(s); again != s {
			t.Errorf("Slug(%q) = %q, but Slug(%q) = %q", a, s, s, again)
		}
		var g Slugger
		seen := map[string]bool{}
		for _, in := range []string{a, b, a, s, b + "-1", a} {
			id := g.Unique(in, "h")
			if seen[id] {
				t.Errorf("Slugger returned %q twice", id)
			}
			seen[id] = true
		}
	})
}
