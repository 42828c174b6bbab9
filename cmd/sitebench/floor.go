package main

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"bantin/internal/highlight"
	"bantin/internal/parallel"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

// floorResult is what the floor did: how many files, how many bytes, and
// how long reading and converting took.
type floorResult struct {
	Files, Bytes  int
	Read, Convert time.Duration
	HTMLBytes     int64
}

func (r floorResult) String() string {
	return fmt.Sprintf("floor: %d files, %d bytes read in %s, converted in %s to %d bytes of HTML",
		r.Files, r.Bytes, r.Read.Round(time.Millisecond), r.Convert.Round(time.Millisecond), r.HTMLBytes)
}

// floorMarkdown is goldmark with the extensions bantin's renderer uses
// (internal/markdown): GFM, footnotes, definition lists, the typographer,
// chroma highlighting with classes, heading ids and attributes. Nothing
// of bantin's own work: no link resolution, no sections, no plain text.
func floorMarkdown() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList,
			extension.Typographer, highlight.Extender("github", false)),
		goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithAttribute()),
	)
}

// floor reads every .md file under dir/content on all cores, then converts
// each body (the text after the front matter) to HTML on all cores, and
// throws the HTML away: the least any generator built on goldmark must do.
func floor(dir string) (floorResult, error) {
	var res floorResult
	start := time.Now()
	paths, err := markdownFiles(filepath.Join(dir, "content"))
	if err != nil {
		return res, err
	}
	srcs := make([][]byte, len(paths))
	errs := make([]error, len(paths))
	parallel.For(len(paths), func(i int) { srcs[i], errs[i] = os.ReadFile(paths[i]) })
	for _, err := range errs {
		if err != nil {
			return res, err
		}
	}
	res.Read = time.Since(start)
	start = time.Now()
	md := floorMarkdown()
	var html atomic.Int64
	parallel.For(len(srcs), func(i int) {
		var buf bytes.Buffer
		if err := md.Convert(body(srcs[i]), &buf); err != nil {
			errs[i] = fmt.Errorf("%s: %w", paths[i], err)
		}
		html.Add(int64(buf.Len()))
	})
	res.Convert = time.Since(start)
	for i, err := range errs {
		if err != nil {
			return res, err
		}
		res.Bytes += len(srcs[i])
	}
	res.Files, res.HTMLBytes = len(paths), html.Load()
	return res, nil
}

// markdownFiles lists the .md files under root.
func markdownFiles(root string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			out = append(out, p)
		}
		return err
	})
	return out, err
}

// body drops a +++ or --- front matter block.
func body(src []byte) []byte {
	for _, delim := range []string{"+++\n", "---\n"} {
		if bytes.HasPrefix(src, []byte(delim)) {
			if end := bytes.Index(src[len(delim):], []byte("\n"+delim)); end >= 0 {
				return src[len(delim)+end+len(delim)+1:]
			}
		}
	}
	return src
}

// runFloor is the floor subcommand: sitebench floor DIR.
func runFloor(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintln(stderr, "usage: sitebench floor DIR")
		return 2
	}
	res, err := floor(args[0])
	if err != nil {
		fmt.Fprintln(stderr, "sitebench floor:", err)
		return 1
	}
	fmt.Fprintln(stdout, res)
	return 0
}
