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

// NameMax and PathMax are the longest file name (one path segment, in
// bytes) and the longest output path Check accepts: what ext4, XFS, btrfs
// and NTFS allow for a name, and well below PATH_MAX with the destination
// folder in front.
const (
	NameMax = 255
	PathMax = 1024
)

// Invalid is an output that cannot be written, and why.
type Invalid struct {
	File
	Reason string
}

// Check sorts files by path and returns the paths written twice and the
// files that cannot be written: a path that leaves the site, one that would
// replace the output marker, a file where another output needs a folder,
// and names too long for the file system. It is a [Sink] that writes
// nowhere.
func Check(files []File) (collisions []Collision, invalid []Invalid) {
	sort.SliceStable(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	s := NewSink(discard{})
	s.AddAll(files)
	return s.Problems()
}

// discard is a Writer that keeps nothing.
type discard struct{}

func (discard) Write(File) error { return nil }

// unwritable says why the output path p cannot be written beside the
// others, or "".
func unwritable(p string, byPath map[string]string) string {
	switch {
	case !ValidPath(p):
		return fmt.Sprintf("output path %q leaves the site", p)
	case p == Marker || strings.HasPrefix(p, Marker+"/"):
		return fmt.Sprintf("output path %q would replace %s, the file that marks bantin's output folder", p, Marker)
	case len(p) > PathMax:
		return fmt.Sprintf("output path %.40q… is %d bytes long; at most %d are written", p, len(p), PathMax)
	}
	for dir := p; ; {
		name := path.Base(dir)
		if len(name) > NameMax {
			return fmt.Sprintf("output path %.40q… has a %d-byte name; file systems allow %d", p, len(name), NameMax)
		}
		if dir = path.Dir(dir); dir == "." {
			break
		}
		if src, ok := byPath[dir]; ok {
			return folderClash(p, dir, src)
		}
	}
	return ""
}

// folderClash is why p cannot be written: source writes a file at dir,
// the folder p needs.
func folderClash(p, dir, source string) string {
	return fmt.Sprintf("output path %q needs a folder %s, but %s writes a file there", p, dir, source)
}
