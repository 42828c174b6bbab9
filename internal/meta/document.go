package meta

import (
	"errors"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"bantin/internal/diag"
	"bantin/internal/vi"

	"github.com/BurntSushi/toml"
	"gopkg.in/yaml.v3"
)

// Document is a parsed TOML or YAML document.
type Document struct {
	Values map[string]any
	file   string
	pos    map[string]diag.Pos // dotted key path → where the key stands
	first  diag.Pos            // fallback: the document's first line
	yaml   bool
	top    []string // after Forget: the top-level keys, sorted
	keys   []keyPos // after Forget: pos, sorted by key (a map costs three times as much)
}

// keyPos is where a key stands, in the document's file.
type keyPos struct {
	key       string
	line, col int32
}

// Forget drops the decoded values once they are decoded into their
// structure, keeping the positions and which top-level keys were written
// (Has): a build keeps a document per page.
func (d *Document) Forget() {
	if d.Values == nil && d.pos == nil {
		return // forgotten already
	}
	d.top = slices.Sorted(maps.Keys(d.Values))
	d.Values = nil
	d.keys = make([]keyPos, 0, len(d.pos))
	for key, p := range d.pos {
		d.keys = append(d.keys, keyPos{strings.Clone(key), int32(p.Line), int32(p.Col)}) // not a part of the front matter's text
	}
	slices.SortFunc(d.keys, func(a, b keyPos) int { return strings.Compare(a.key, b.key) })
	d.pos = nil
}

// lookup returns the position of the dotted key path.
func (d *Document) lookup(path string) (diag.Pos, bool) {
	if d.pos != nil {
		p, ok := d.pos[path]
		return p, ok
	}
	i, ok := slices.BinarySearchFunc(d.keys, path, func(k keyPos, path string) int { return strings.Compare(k.key, path) })
	if !ok {
		return diag.Pos{}, false
	}
	return diag.Pos{File: d.file, Line: int(d.keys[i].line), Col: int(d.keys[i].col)}, true
}

// Has reports whether the document writes the top-level key.
func (d *Document) Has(key string) bool {
	if d.Values != nil {
		_, ok := d.Values[key]
		return ok
	}
	_, ok := slices.BinarySearch(d.top, key)
	return ok
}

// Pos returns the position of the key at path, or of its nearest positioned
// ancestor, or of the document's start.
func (d *Document) Pos(path ...string) diag.Pos {
	for n := len(path); n > 0; n-- {
		if p, ok := d.lookup(strings.Join(path[:n], ".")); ok {
			return p
		}
	}
	return d.first
}

// ParseTOML parses src, which starts at line firstLine of file. On a syntax
// error it adds it to dl and returns nil.
func ParseTOML(file string, src []byte, firstLine int, dl *diag.List) *Document {
	values := map[string]any{}
	if _, err := toml.Decode(vi.NFC(string(src)), &values); err != nil {
		var pe toml.ParseError
		pos := diag.Pos{File: file, Line: firstLine}
		msg := err.Error()
		if errors.As(err, &pe) {
			// the TOML decoder gives line 0 for an escape cut off by the end
			pos = diag.Pos{File: file, Line: max(pe.Position.Line, 1) + firstLine - 1, Col: max(pe.Position.Col, 1)}
			msg = pe.Message
		}
		dl.Errorf(pos, "invalid TOML: %s", msg)
		return nil
	}
	return &Document{Values: nfcMap(values), file: file, pos: tomlKeyPositions(file, src, firstLine), first: diag.Pos{File: file, Line: firstLine, Col: 1}}
}

// yamlLine finds the line yaml.v3 names in its error text: the library
// exposes no structured position for syntax errors, so this is the one place
// bantin reads a line number out of a message.
var yamlLine = regexp.MustCompile(`(?:^yaml: |\n  )line (\d+): `)

// ParseYAML parses src, which starts at line firstLine of file.
func ParseYAML(file string, src []byte, firstLine int, dl *diag.List) *Document {
	return parseYAML("YAML", file, src, firstLine, dl)
}

// ParseJSON parses src, a JSON object that starts at line firstLine of
// file. JSON is read as the YAML it is a subset of, which gives every key
// its position.
func ParseJSON(file string, src []byte, firstLine int, dl *diag.List) *Document {
	return parseYAML("JSON", file, src, firstLine, dl)
}

func parseYAML(syntax, file string, src []byte, firstLine int, dl *diag.List) *Document {
	var root yaml.Node
	text := vi.NFC(string(src))
	if err := yaml.Unmarshal([]byte(text), &root); err != nil {
		yamlError(syntax, file, text, firstLine, err, dl)
		return nil
	}
	values := map[string]any{}
	if err := yaml.Unmarshal([]byte(text), &values); err != nil {
		yamlError(syntax, file, text, firstLine, err, dl)
		return nil
	}
	d := &Document{Values: values, file: file, pos: map[string]diag.Pos{}, first: diag.Pos{File: file, Line: firstLine, Col: 1}, yaml: true}
	if len(root.Content) > 0 {
		yamlKeyPositions(d, root.Content[0], "", firstLine)
	}
	return d
}

// yamlError reports a YAML (or JSON, read as YAML) error at the line yaml.v3 names, at the column
// of that line's first character (the library gives no column), or at the
// document's first line when it names none.
func yamlError(syntax, file, text string, firstLine int, err error, dl *diag.List) {
	pos := diag.Pos{File: file, Line: firstLine, Col: 1}
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if m := yamlLine.FindStringSubmatchIndex(err.Error()); m != nil {
		n, _ := strconv.Atoi(err.Error()[m[2]:m[3]])
		// yaml.v3 also breaks lines at a lone \r; bantin, like the
		// editors it is used with, counts \n: keep the line inside the text
		n = min(n, strings.Count(text, "\n")+1)
		pos.Line = n + firstLine - 1
		pos.Col = firstColumn(text, n)
		msg = strings.TrimSpace(strings.TrimPrefix(err.Error()[m[1]:], "yaml: "))
	}
	msg = yamlAtLine.ReplaceAllStringFunc(msg, func(m string) string {
		n, _ := strconv.Atoi(strings.TrimPrefix(m, "at line "))
		return "at line " + strconv.Itoa(n+firstLine-1)
	})
	dl.Errorf(pos, "invalid %s: %s", syntax, msg)
}

// yamlAtLine is a line named inside a YAML message, counted from the
// document's start.
var yamlAtLine = regexp.MustCompile(`at line \d+`)

// firstColumn returns the column of the first non-blank character of line
// n (1-based) of text, or 1.
func firstColumn(text string, n int) int {
	lines := strings.Split(text, "\n")
	if n < 1 || n > len(lines) {
		return 1
	}
	line := lines[n-1]
	return 1 + utf8.RuneCountInString(line[:len(line)-len(strings.TrimLeft(line, " \t"))])
}

func yamlKeyPositions(d *Document, n *yaml.Node, prefix string, firstLine int) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			path := joinKey(prefix, k.Value)
			d.pos[path] = diag.Pos{File: d.file, Line: k.Line + firstLine - 1, Col: k.Column}
			yamlKeyPositions(d, n.Content[i+1], path, firstLine)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			path := joinKey(prefix, strconv.Itoa(i))
			d.pos[path] = diag.Pos{File: d.file, Line: c.Line + firstLine - 1, Col: c.Column}
			yamlKeyPositions(d, c, path, firstLine)
		}
	}
}

func joinKey(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

func nfcMap(m map[string]any) map[string]any {
	for k, v := range m {
		m[k] = nfcValue(v)
	}
	return m
}

func nfcValue(v any) any {
	switch x := v.(type) {
	case string:
		return vi.NFC(x)
	case []any:
		for i := range x {
			x[i] = nfcValue(x[i])
		}
	case []map[string]any:
		for i := range x {
			nfcMap(x[i])
		}
	case map[string]any:
		nfcMap(x)
	}
	return v
}
