package content

import (
	"bytes"
	"io/fs"
	"path"
	"sort"
	"strings"
	"unicode/utf8"

	"bantin/internal/diag"
	"bantin/internal/shortcode"
)

// resolveRefs replaces each ref and relref call in d's body with the
// path, relative to d, of the content file it names, so that the Markdown
// link around it resolves as any link to a content file does. Hugo looks
// a path up relative to the page first, then from content/; a leading
// slash means content/; the .md, /index.md or /_index.md may be left out.
// A path that names no content file is an error at the call. Calls are
// found by the shortcode parser: not in code, and nested ones too.
func resolveRefs(fsys fs.FS, d *Doc, dl *diag.List) {
	if !bytes.Contains(d.Body, []byte("ref")) {
		return
	}
	var refs []*shortcode.Call
	shortcode.Walk(shortcode.Parse(d.Body).Calls, func(c *shortcode.Call) {
		if (c.Name == "ref" || c.Name == "relref") && !c.Paired {
			refs = append(refs, c)
		}
	})
	if len(refs) == 0 {
		return
	}
	sort.Slice(refs, func(i, j int) bool { return refs[i].Start < refs[j].Start })
	var out []byte
	last := 0
	for _, c := range refs {
		out = append(append(out, d.Body[last:c.Start]...), refPath(fsys, d, c, dl)...)
		last = c.End
	}
	if out != nil {
		d.Body = append(out, d.Body[last:]...)
	}
}

// refPath is the path, relative to d, that ref call c names; after an
// error, "#": a link that goes nowhere, and no second diagnostic.
func refPath(fsys fs.FS, d *Doc, c *shortcode.Call, dl *diag.List) string {
	key := any(0)
	if c.Named {
		key = "path"
	}
	target, _ := c.Get(key)
	if target == "" {
		dl.Errorf(bodyPos(d, c.Start), "%s: the path of a content file is missing ({{< %s \"a.md\" >}})", c.Name, c.Name)
		return "#"
	}
	dir := path.Dir(d.Rel)
	file, frag, _ := strings.Cut(target, "#")
	found := findContent(fsys, dir, file)
	if found == "" {
		dl.Errorf(bodyPos(d, c.Start), "ref %q: no content file has that path (looked from %s/ and from content/)", target, path.Join(Dir, dir))
		return "#"
	}
	rel := relativePath(dir, found)
	if frag != "" {
		rel += "#" + frag
	}
	return rel
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
