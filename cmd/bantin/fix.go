package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"bantin/internal/config"
	"bantin/internal/content"
	"bantin/internal/diag"
	"bantin/internal/shortlink"
	"bantin/internal/sitefs"
)

// runFix runs `bantin fix ids`: the one fix there is.
func runFix(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bantin fix", flag.ContinueOnError)
	source := fs.String("source", ".", "the site folder")
	verbose := fs.Bool("verbose", false, "name every file changed")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: bantin fix ids [flags]\n\nWrites an id line into every page whose front matter has none, in the file's own\nsyntax (id = \"…\" in TOML, id: \"…\" in YAML, \"id\": \"…\", in JSON), just below the\nopening +++, --- or {.\nThe id is the one the build already gives the page, so printed QR codes keep\nworking. Nothing else in any file changes.\n\nFlags:")
		fs.PrintDefaults()
	}
	if len(args) == 0 || args[0] != "ids" {
		fs.SetOutput(stderr)
		fs.Usage()
		if len(args) > 0 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help") {
			return exitOK
		}
		return exitUsage
	}
	if status, done := parseFlags(fs, args[1:], stderr); done {
		return status
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return exitUsage
	}
	if !hasContent(*source, stderr) {
		return exitContent
	}
	var dl diag.List
	fsys, err := sitefs.Open(*source)
	if err != nil {
		fmt.Fprintf(stderr, "bantin fix: %v\n", err)
		return exitUsage
	}
	cfg := config.Load(fsys, "", &dl)
	set := content.Scan(fsys, cfg, content.Options{Drafts: true, Future: true, Expired: true, Now: time.Now()}, &dl)
	docs := append(append([]*content.Doc(nil), set.Docs...), set.Hidden...)
	taken := map[string]bool{}
	for _, d := range docs {
		taken[d.Front.ID] = true
	}
	fixed := 0
	for _, d := range docs {
		if d.Kind != content.KindPage || d.Front.ID != "" || d.Format == content.None {
			continue
		}
		id := shortlink.DerivedID(d.Path)
		for taken[id] {
			if id, _ = content.NewID(); id == "" {
				break
			}
		}
		taken[id] = true
		if err := addID(filepath.Join(*source, filepath.FromSlash(d.Path)), d.Format, id); err != nil {
			fmt.Fprintf(stderr, "%s: error: %v\n", d.Path, err)
			continue
		}
		if *verbose {
			fmt.Fprintf(stdout, "%s: added id %q\n", d.Path, id)
		}
		fixed++
	}
	diag.Print(stderr, dl.Items(), diag.Quiet)
	fmt.Fprintf(stdout, "added an id to %d files\n", fixed)
	if dl.HasErrors() {
		return exitContent
	}
	return exitOK
}

// addID inserts the id line below the file's opening delimiter, with the
// file's own line ending; every other byte stays as it was.
func addID(file string, format content.Format, id string) error {
	src, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	end := bytes.IndexByte(src, '\n')
	if end < 0 {
		return fmt.Errorf("no front matter to add the id to")
	}
	first := bytes.TrimSuffix(bytes.TrimPrefix(src[:end], []byte("\xef\xbb\xbf")), []byte("\r"))
	want := "+++"
	line := fmt.Sprintf("id = %q", id)
	switch format {
	case content.YAML:
		want, line = "---", fmt.Sprintf("id: %q", id)
	case content.JSON:
		want, line = "{", fmt.Sprintf("  \"id\": %q,", id) // a page's object has a title after it
	}
	if string(bytes.TrimRight(first, " \t")) != want {
		return fmt.Errorf("the front matter does not start on the first line")
	}
	nl := "\n"
	if end > 0 && src[end-1] == '\r' {
		nl = "\r\n"
	}
	out := make([]byte, 0, len(src)+len(line)+2)
	out = append(out, src[:end+1]...)
	out = append(out, line+nl...)
	out = append(out, src[end+1:]...)
	return replaceFile(file, out)
}

// replaceFile writes data to a temporary file beside file and renames it
// over file, keeping file's permissions: an interrupted run leaves either
// the old file or the new one, never half of one.
func replaceFile(file string, data []byte) error {
	st, err := os.Stat(file)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), ".bantin-fix-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(st.Mode().Perm()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), file)
}
