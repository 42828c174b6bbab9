package build

import (
	"cmp"
	"slices"
	"strings"

	"bantin/internal/diag"
	"bantin/internal/output"
)

// AddFiles writes files made from the built site after Into returned (the
// PDFs) through the same collision check as the rest, reporting problems
// in r.Diags. It does nothing after a failed build.
func (r *Result) AddFiles(files []output.File) {
	if r.sink == nil || r.Diags.HasErrors() {
		return
	}
	r.sink.AddAll(files)
	r.report()
	r.Stats.Files = r.sink.Len()
}

// report adds the sink's problems to the diagnostics. It runs once at the
// end of Into and once more in AddFiles, which runs only when the first
// found none.
func (r *Result) report() {
	collisions, invalid := r.sink.Problems()
	checkOutputs(collisions, invalid, r.Diags)
	if err := r.sink.Err(); err != nil {
		r.Diags.Errorf(diag.Pos{File: "output"}, "%v", err)
	}
}

// checkOutputs reports the paths written twice, once per pair of sources
// (a page and its QR code files are one source), at the source file that
// has one, and the paths that leave the site.
func checkOutputs(collisions []output.Collision, invalid []output.Invalid, dl *diag.List) {
	reported := map[[2]string]bool{}
	for _, c := range inOrder(collisions) {
		if fromPage(c.First) && fromPage(c.Second) {
			continue // two pages, or their QR codes: site.NewIndex reported it at its front-matter line
		}
		first, second := strings.TrimSuffix(c.First, " (QR code)"), strings.TrimSuffix(c.Second, " (QR code)")
		if pair := [2]string{first, second}; !reported[pair] {
			reported[pair] = true
			dl.Errorf(collisionPos(first, second), "%s would be written twice: by %s and by %s", c.Path, first, second)
		}
	}
	for _, f := range invalid {
		dl.Errorf(diag.Pos{File: f.Source}, "%s", f.Reason)
	}
}

// fromPage reports whether an output's source is a content page, or a
// file made for one at its URL ("content/a.md (QR code)"): two of those on
// one path are two pages with one URL, which site.NewIndex reports. A PDF
// ("content/a.md (press PDF)") is named by its own path, which NewIndex
// never saw.
func fromPage(source string) bool {
	if strings.HasSuffix(source, "PDF)") {
		return false
	}
	if i := strings.Index(source, ".md ("); i >= 0 && strings.HasSuffix(source, ")") {
		source = source[:i+3]
	}
	return strings.HasSuffix(source, ".md")
}

// collisionPos is where a collision is reported: at the source that is a
// file of the site, rather than a page bantin makes up.
func collisionPos(first, second string) diag.Pos {
	if strings.HasPrefix(second, "the ") && !strings.HasPrefix(first, "the ") {
		return diag.Pos{File: first}
	}
	return diag.Pos{File: second}
}

// inOrder returns collisions with each pair of sources in one order
// whatever order the parallel stages made them in: a file of the site
// before one bantin makes up, else by name; sorted by path, then sources.
func inOrder(collisions []output.Collision) []output.Collision {
	out := make([]output.Collision, len(collisions))
	for i, c := range collisions {
		if fromSite(c.Second) && !fromSite(c.First) || fromSite(c.Second) == fromSite(c.First) && c.Second < c.First {
			c.First, c.Second = c.Second, c.First
		}
		out[i] = c
	}
	slices.SortFunc(out, func(a, b output.Collision) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.First, b.First), cmp.Compare(a.Second, b.Second))
	})
	return out
}

// fromSite reports whether an output's source is a file of the site
// folder rather than something bantin makes up ("the archive page /x/",
// "feed /", "sitemap").
func fromSite(source string) bool {
	for _, dir := range []string{"content/", StaticDir + "/", "layouts/"} {
		if strings.HasPrefix(source, dir) {
			return true
		}
	}
	return false
}
