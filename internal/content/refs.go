package content

import (
	"bytes"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"unicode/utf8"

	"bantin/internal/diag"
)

// refCall is Hugo's ref or relref shortcode with one path argument:
// {{< ref "posts/x.md#part" >}}, {{< relref "x" >}}, {{% ref "/about" %}}.
var refCall = regexp.MustCompile(`\{\{[<%]\s*(?:rel)?ref\s+"?([^"\s>%}]+)"?\s*[>%]\}\}`)

// resolveRefs replaces each ref and relref call in d's body with the
// path, relative to d, of the content file it names, so that the Markdown
// link around it resolves as any link to a content file does. Hugo looks
// a path up relative to the page first, then from content/; a leading
// slash means content/; the .md, /index.md or /_index.md may be left out.
// A path that names no content file is an error at the call.
func resolveRefs(fsys fs.FS, d *Doc, dl *diag.List) {
	if !bytes.Contains(d.Body, []byte("ref")) || !refCall.Match(d.Body) {
		return
	}
	dir := path.Dir(d.Rel)
	var out []byte
	last := 0
	fenced := fencedRanges(d.Body)
	for _, m := range refCall.FindAllSubmatchIndex(d.Body, -1) {
		if inRanges(m[0], fenced) {
			continue // an example in fenced code
		}
		target := string(d.Body[m[2]:m[3]])
		file, frag, _ := strings.Cut(target, "#")
		found := findContent(fsys, dir, file)
		if found == "" {
			dl.Errorf(bodyPos(d, m[0]), "ref %q: no content file has that path (looked from %s/ and from content/)", target, path.Join(Dir, dir))
			continue
		}
		rel := relativePath(dir, found)
		if frag != "" {
			rel += "#" + frag
		}
		out = append(append(out, d.Body[last:m[0]]...), rel...)
		last = m[1]
	}
	if out != nil {
		d.Body = append(out, d.Body[last:]...)
	}
}

// findContent returns the path under content/ of the file target names,
// looked up from dir, then from content/, or "".
func findContent(fsys fs.FS, dir, target string) string {
	var bases []string
	if strings.HasPrefix(target, "/") {
		bases = []string{path.Clean(strings.TrimPrefix(target, "/"))}
	} else {
		bases = []string{path.Join(dir, target), path.Clean(target)}
	}
	for _, base := range bases {
		if base == ".." || strings.HasPrefix(base, "../") {
			continue
		}
		for _, c := range []string{base, base + ".md", base + "/index.md", base + "/_index.md"} {
			if strings.HasSuffix(c, ".md") {
				if st, err := fs.Stat(fsys, path.Join(Dir, c)); err == nil && !st.IsDir() {
					return c
				}
			}
		}
	}
	return ""
}

// relativePath is the path from folder dir to file, both under content/.
func relativePath(dir, file string) string {
	if dir == "." {
		return file
	}
	from := strings.Split(dir, "/")
	to := strings.Split(file, "/")
	i := 0
	for i < len(from) && i < len(to)-1 && from[i] == to[i] {
		i++
	}
	return strings.Repeat("../", len(from)-i) + strings.Join(to[i:], "/")
}

// bodyPos is the position of byte offset off of d's body in its file.
func bodyPos(d *Doc, off int) diag.Pos {
	before := d.Body[:off]
	line := d.BodyLine + bytes.Count(before, []byte("\n"))
	start := bytes.LastIndexByte(before, '\n') + 1
	return diag.Pos{File: d.Path, Line: line, Col: 1 + utf8.RuneCount(before[start:])}
}

// fencedRanges are the byte ranges of body's fenced code blocks (``` or
// ~~~ to the same fence, or to the end).
func fencedRanges(body []byte) [][2]int {
	var out [][2]int
	fence, start, off := "", 0, 0
	for _, line := range bytes.SplitAfter(body, []byte("\n")) {
		if f := fenceOf(line); f != "" {
			switch {
			case fence == "":
				fence, start = f, off
			case f == fence:
				out = append(out, [2]int{start, off + len(line)})
				fence = ""
			}
		}
		off += len(line)
	}
	if fence != "" {
		out = append(out, [2]int{start, len(body)})
	}
	return out
}

func inRanges(off int, ranges [][2]int) bool {
	for _, r := range ranges {
		if off >= r[0] && off < r[1] {
			return true
		}
	}
	return false
}
