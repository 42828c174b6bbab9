package meta

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"bantin/internal/diag"
)

// tomlKeyPositions finds where each key of a TOML document stands. It reads
// only what it needs for that (table headers, "key =" lines, multi-line
// strings to skip); the document has already been parsed by the real
// parser, so it never has to judge validity.
func tomlKeyPositions(file string, src []byte, firstLine int) map[string]diag.Pos {
	pos := map[string]diag.Pos{}
	arrayCount := map[string]int{}
	table := ""
	inMultiline := ""
	arrayKey, arrayIndex := "", 0 // a multi-line array being read
	for i, line := range strings.Split(string(src), "\n") {
		lineNo := firstLine + i
		if arrayKey != "" {
			trimmed := strings.TrimSpace(line)
			if strings.HasPrefix(trimmed, "]") {
				arrayKey = ""
				continue
			}
			if trimmed != "" && !strings.HasPrefix(trimmed, "#") {
				indent := utf8.RuneCountInString(line[:len(line)-len(strings.TrimLeft(line, " \t"))])
				items, closed := strings.CutSuffix(trimmed, "]")
				arrayIndex = arrayItems(pos, arrayKey, arrayIndex, items, diag.Pos{File: file, Line: lineNo, Col: indent + 1})
				if closed {
					arrayKey = ""
				}
			}
			continue
		}
		if inMultiline != "" {
			if strings.Contains(line, inMultiline) {
				inMultiline = ""
			}
			continue
		}
		trimmed := strings.TrimSpace(line)
		indent := utf8.RuneCountInString(line[:len(line)-len(strings.TrimLeft(line, " \t"))])
		switch {
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
			continue
		case strings.HasPrefix(trimmed, "[["):
			name := strings.Join(splitKey(strings.TrimSuffix(strings.TrimPrefix(trimmed, "[["), "]]")), ".")
			if end := strings.Index(trimmed, "]]"); end >= 0 {
				name = strings.Join(splitKey(trimmed[2:end]), ".")
			}
			n := arrayCount[name]
			arrayCount[name] = n + 1
			table = name + "." + strconv.Itoa(n)
			setPos(pos, name, diag.Pos{File: file, Line: lineNo, Col: indent + 1})
			pos[table] = diag.Pos{File: file, Line: lineNo, Col: indent + 1}
		case strings.HasPrefix(trimmed, "["):
			end := strings.Index(trimmed, "]")
			if end < 0 {
				continue
			}
			table = resolveArrays(strings.Join(splitKey(trimmed[1:end]), "."), arrayCount)
			setPos(pos, table, diag.Pos{File: file, Line: lineNo, Col: indent + 1})
		default:
			eq := keyEnd(trimmed)
			if eq < 0 {
				continue
			}
			key := joinKey(table, strings.Join(splitKey(trimmed[:eq]), "."))
			setPos(pos, key, diag.Pos{File: file, Line: lineNo, Col: indent + 1})
			value := strings.TrimSpace(trimmed[eq+1:])
			inMultiline = opensMultiline(value)
			if strings.HasPrefix(value, "[") && !strings.Contains(value, "]") {
				arrayKey = key // elements on the lines below, one per line
				arrayIndex = arrayItems(pos, key, 0, value[1:], diag.Pos{File: file, Line: lineNo, Col: indent + 1})
			}
		}
	}
	return pos
}

func setPos(pos map[string]diag.Pos, key string, p diag.Pos) {
	if _, ok := pos[key]; !ok {
		pos[key] = p
	}
}

// resolveArrays rewrites a table name under an array of tables
// ([menus.main.params] after [[menus.main]]) to the latest entry's index.
func resolveArrays(name string, arrayCount map[string]int) string {
	parts := strings.Split(name, ".")
	var out []string
	for i, p := range parts {
		out = append(out, p)
		prefix := strings.Join(parts[:i+1], ".")
		if n, ok := arrayCount[prefix]; ok && i < len(parts)-1 {
			out = append(out, strconv.Itoa(n-1))
		}
	}
	return strings.Join(out, ".")
}

// keyEnd returns the index of the '=' that ends the key of a key/value
// line, or -1.
func keyEnd(line string) int {
	quote := rune(0)
	for i, r := range line {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '"' || r == '\'':
			quote = r
		case r == '=':
			return i
		case r == '[' || r == '{' || r == '#':
			return -1
		}
	}
	return -1
}

// splitKey splits a dotted TOML key into its unquoted parts.
func splitKey(key string) []string {
	var parts []string
	var cur strings.Builder
	quote := rune(0)
	for _, r := range key {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '"' || r == '\'':
			quote = r
		case r == '.':
			parts = append(parts, strings.TrimSpace(cur.String()))
			cur.Reset()
		default:
			cur.WriteRune(r)
		}
	}
	return append(parts, strings.TrimSpace(cur.String()))
}

// opensMultiline returns the delimiter of a multi-line string that value
// opens without closing, or "".
func opensMultiline(value string) string {
	for _, delim := range []string{`"""`, `'''`} {
		if i := strings.Index(value, delim); i >= 0 && !strings.Contains(value[i+3:], delim) {
			return delim
		}
	}
	return ""
}

// arrayItems records the position of each comma-separated element in text
// (a line's part of a multi-line array) as key.N from index n on, and
// returns the next index.
func arrayItems(pos map[string]diag.Pos, key string, n int, text string, at diag.Pos) int {
	for _, item := range strings.Split(text, ",") {
		if item = strings.TrimSpace(item); item != "" && !strings.HasPrefix(item, "#") {
			setPos(pos, key+"."+strconv.Itoa(n), at)
			n++
		}
	}
	return n
}
