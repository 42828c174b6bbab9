package layout

import (
	"fmt"
	"io/fs"
	"maps"
	"sort"
	"strings"

	"bantin/internal/diag"
	"bantin/internal/meta"
)

// Strings is the UI-string table for one language.
type Strings struct {
	lang   string
	table  map[string]string
	backup map[string]string // Vietnamese, for keys the language lacks
}

// DefaultLanguage is the language whose table every other falls back to.
const DefaultLanguage = "vi"

// loadStrings merges theme and site tables for lang. A language code with
// a region ("en-us", Hugo's default) reads its language's table ("en"),
// then the region's own, if any, over it.
func loadStrings(files *fileSet, lang string, dl *diag.List) *Strings {
	table := map[string]string{}
	code := strings.ToLower(lang)
	if primary, _, regional := strings.Cut(code, "-"); regional {
		maps.Copy(table, readTable(files, primary, dl))
	}
	maps.Copy(table, readTable(files, code, dl))
	return &Strings{lang: lang, table: table, backup: readTable(files, DefaultLanguage, dl)}
}

func readTable(files *fileSet, lang string, dl *diag.List) map[string]string {
	out := map[string]string{}
	for _, src := range files.sources("i18n/" + lang + ".toml") {
		data, err := fs.ReadFile(src.fsys, src.path)
		if err != nil {
			continue
		}
		doc := meta.ParseTOML(src.display, data, 1, dl)
		if doc == nil {
			continue
		}
		for k, v := range doc.Values {
			str, ok := v.(string)
			if !ok {
				dl.Errorf(doc.Pos(k), "UI string %q must be a string", k)
				continue
			}
			out[k] = str
		}
	}
	return out
}

// Translate returns the string for key, with args filling its %v verbs.
// A missing key gives the key itself, so a page shows what is missing.
func (s *Strings) Translate(key string, args ...any) string {
	str, ok := s.table[key]
	if !ok {
		str, ok = s.backup[key]
	}
	if !ok {
		return key
	}
	if len(args) > 0 {
		return fmt.Sprintf(str, args...)
	}
	return str
}

// Keys returns the keys of the language's own table, sorted.
func (s *Strings) Keys() []string {
	out := make([]string, 0, len(s.table))
	for k := range s.table {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
