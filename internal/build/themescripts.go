package build

import (
	"fmt"
	"io/fs"
	"strings"
	"sync"

	"bantin/internal/diag"
	"bantin/internal/layout"
	"bantin/internal/output"
	"bantin/internal/script"
)

// printCheckScript is pdf.CheckScript (pdf's tests import this package, so
// it cannot be imported here; a test checks that the two agree).
const printCheckScript = "js/print-check.js"

// themeScripts are the default theme's scripts for readers' browsers
// lowered to ES2015 and minified (script.Lower), by path. The theme is
// compiled into bantin, so this is done once per process. The print check
// (pdf.CheckScript) runs in the Chromium that prints and is published as it
// is, as are a site's own static/ scripts.
var themeScripts = sync.OnceValues(func() (map[string][]byte, error) {
	out := map[string][]byte{}
	err := fs.WalkDir(layout.Static(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".js") || p == printCheckScript {
			return err
		}
		src, err := fs.ReadFile(layout.Static(), p)
		if err != nil {
			return err
		}
		js, err := script.Lower("internal/layout/theme/static/"+p, src)
		if err != nil {
			return err
		}
		out[p] = js
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("theme scripts: %w", err)
	}
	return out, nil
})

// lowerThemeScripts replaces the theme's scripts among files with their
// lowered form; a script that cannot be lowered is a build error.
func lowerThemeScripts(files []output.File, dl *diag.List) []output.File {
	lowered, err := themeScripts()
	if err != nil {
		dl.Errorf(diag.Pos{File: "internal/layout/theme/static"}, "%v", err)
		return files
	}
	for i, f := range files {
		if js, ok := lowered[f.Path]; ok {
			files[i].Data = js
		}
	}
	return files
}
