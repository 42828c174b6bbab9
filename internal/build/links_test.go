package build

import (
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var linkAttr = regexp.MustCompile(`(?:href|src)="([^"]*)"`)

// No page of the sample site links to a file the build did not write.
func TestSampleSiteHasNoBrokenLinks(t *testing.T) {
	res := Build(os.DirFS(filepath.Join("..", "..")), Options{Now: fixedNow})
	if err := res.Diags.Err(); err != nil {
		t.Fatal(err)
	}
	written := map[string]bool{}
	for _, f := range res.Files {
		written[f.Path] = true
	}
	base := res.Site.Config.Base.String() // https://danvan.example.vn/
	checked := 0
	for _, f := range res.Files {
		if !strings.HasSuffix(f.Path, ".html") {
			continue
		}
		for _, m := range linkAttr.FindAllStringSubmatch(string(f.Data), -1) {
			target := strings.ReplaceAll(m[1], "&amp;", "&")
			switch {
			case strings.HasPrefix(target, base):
				target = "/" + strings.TrimPrefix(target, base)
			case !strings.HasPrefix(target, "/") || strings.HasPrefix(target, "//"):
				continue // fragment, external, mailto
			}
			target, _, _ = strings.Cut(target, "#")
			target, _, _ = strings.Cut(target, "?")
			file := strings.TrimPrefix(target, "/")
			if file == "" || strings.HasSuffix(file, "/") {
				file = path.Join(file, "index.html")
			}
			if !written[file] {
				t.Errorf("%s links to %s, which the build did not write", f.Path, m[1])
			}
			checked++
		}
	}
	if checked < 1000 {
		t.Errorf("only %d links checked", checked)
	}
}
