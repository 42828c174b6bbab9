package output

import (
	"fmt"
	"path"
	"sort"
	"strings"
)

// File is one output file.
type File struct {
	Path   string // slash-separated, relative to the site root, no leading slash
	Data   []byte
	Source string // what produced it: a content path, "static/x.css", "sitemap"
}

// ValidPath reports whether p is a clean relative path that stays inside
// the site root.
func ValidPath(p string) bool {
	if p == "" || strings.HasPrefix(p, "/") || strings.Contains(p, "\\") || strings.ContainsRune(p, 0) {
		return false
	}
	if path.Clean(p) != p {
		return false
	}
	return p != ".." && !strings.HasPrefix(p, "../")
}

// Collision is two sources that would write one path.
type Collision struct {
	Path          string
	First, Second string
}

func (c Collision) Error() string {
	return fmt.Sprintf("%s and %s both write %s", c.First, c.Second, c.Path)
}

// Check sorts files by path and returns the paths written twice and the
// paths that are not valid.
func Check(files []File) (collisions []Collision, invalid []File) {
	sort.SliceStable(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	for i, f := range files {
		if !ValidPath(f.Path) {
			invalid = append(invalid, f)
			continue
		}
		if i > 0 && files[i-1].Path == f.Path {
			collisions = append(collisions, Collision{Path: f.Path, First: files[i-1].Source, Second: f.Source})
		}
	}
	return collisions, invalid
}
