package serve

import (
	"io/fs"
	"strings"

	"bantin/internal/diag"
)

type report struct {
	Errors []reportItem `json:"errors"`
}

type reportItem struct {
	Pos     string       `json:"pos"`
	Message string       `json:"message"`
	Lines   []sourceLine `json:"lines,omitempty"`
}

type sourceLine struct {
	Number int    `json:"number"`
	Text   string `json:"text"`
	Error  bool   `json:"error,omitempty"`
}

// contextLines is how many lines around an error the overlay shows.
const contextLines = 2

// errorReport describes diagnostics with the source lines around each.
// The files are read through the site's file system (sitefs), so that a
// report can never show a file outside the site.
func errorReport(fsys fs.FS, items []diag.Diagnostic) report {
	r := report{Errors: []reportItem{}}
	for _, d := range items {
		r.Errors = append(r.Errors, reportItem{Pos: d.Pos.String(), Message: d.Msg, Lines: sourceAround(fsys, d.Pos)})
	}
	return r
}

func sourceAround(fsys fs.FS, pos diag.Pos) []sourceLine {
	if pos.Line <= 0 || !fs.ValidPath(pos.File) {
		return nil
	}
	data, err := fs.ReadFile(fsys, pos.File)
	if err != nil {
		return nil
	}
	lines := strings.Split(string(data), "\n")
	var out []sourceLine
	for n := max(1, pos.Line-contextLines); n <= min(len(lines), pos.Line+contextLines); n++ {
		out = append(out, sourceLine{Number: n, Text: strings.TrimRight(lines[n-1], "\r"), Error: n == pos.Line})
	}
	return out
}
