package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"bantin/internal/content"
)

// hasContent reports whether source is a site (it has a content/ folder),
// and says what to do when it is not.
func hasContent(source string, stderr io.Writer) bool {
	if st, err := os.Stat(filepath.Join(source, content.Dir)); err == nil && st.IsDir() {
		return true
	}
	where := "here"
	if source != "." {
		where = "in " + source
	}
	fmt.Fprintf(stderr, "bantin: no content/ %s: run `bantin new site DIR` to start a site, or point --source at one\n", where)
	return false
}
