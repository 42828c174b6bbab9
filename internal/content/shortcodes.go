package content

import (
	"bytes"
	"fmt"
	"regexp"

	"bantin/internal/diag"
	"unicode/utf8"
)

// shortcodeCall finds a Hugo shortcode call: {{< name … >}} or {{% name … %}},
// and closing tags ({{< /name >}}).
var shortcodeCall = regexp.MustCompile(`\{\{[<%]\s*/?\s*([A-Za-z0-9_./-]+)`)

// shortcodes collects the Hugo shortcodes the documents call. bantin has
// none: a call is shown as written, so each shortcode is reported once for
// the whole site.
type shortcodes struct{ sightings }

// find records the shortcodes of d's body, outside fenced code blocks,
// once per name for the file.
func (s *shortcodes) find(d *Doc) {
	if !bytes.Contains(d.Body, []byte("{{")) {
		return
	}
	seen := map[string]bool{}
	fence := ""
	for i, line := range bytes.Split(d.Body, []byte("\n")) {
		if f := fenceOf(line); f != "" {
			switch {
			case fence == "":
				fence = f
			case bytes.HasPrefix(bytes.TrimLeft(line, " "), []byte(fence)):
				fence = ""
			}
			continue
		}
		if fence != "" {
			continue
		}
		for _, m := range shortcodeCall.FindAllSubmatchIndex(line, -1) {
			name := string(line[m[2]:m[3]])
			if seen[name] || name == "ref" || name == "relref" { // refs: resolveRefs
				continue
			}
			seen[name] = true
			col := 1 + utf8.RuneCount(line[:m[0]])
			s.add(name, diag.Pos{File: d.Path, Line: d.BodyLine + i, Col: col})
		}
	}
}

// fenceOf returns the fence a line opens or closes (``` or ~~~), or "".
func fenceOf(line []byte) string {
	t := bytes.TrimLeft(line, " ")
	for _, f := range []string{"```", "~~~"} {
		if bytes.HasPrefix(t, []byte(f)) {
			return f
		}
	}
	return ""
}

func (s *shortcodes) report(dl *diag.List) {
	s.sightings.report(dl, func(name string, files int) string {
		return fmt.Sprintf("Hugo shortcode %q: bantin has no shortcodes, so the call is shown as written (in %s); write Markdown or HTML instead", name, inFiles(files))
	})
}
