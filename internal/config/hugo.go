package config

import (
	"sort"
	"strings"

	"bantin/internal/diag"
	"bantin/internal/meta"
)

// hugoSpellings are Hugo's names for settings bantin has under another
// name: a Hugo config file's value is moved to bantin's key before
// decoding, unless the file sets bantin's key too. Paths are dotted.
var hugoSpellings = map[string]string{
	"menu":                            "menus",
	"paginate":                        "pagination.pagerSize",
	"markup.goldmark.renderer.unsafe": "markup.unsafe",
	"markup.highlight.style":          "markup.highlightStyle",
	"markup.highlight.lineNos":        "markup.lineNumbers",
}

// hugoOnly are Hugo settings bantin does not have. They are dropped with one
// warning each that says so, rather than "unknown key".
var hugoOnly = []string{
	"theme", "themesDir", "enableRobotsTXT", "enableGitInfo", "enableEmoji", "defaultContentLanguage",
	"defaultContentLanguageInSubdir", "languages", "outputs", "outputFormats", "mediaTypes", "permalinks",
	"module", "build", "caches", "imaging", "minify", "security", "server", "services", "privacy", "sitemap",
	"disableKinds", "summaryLength", "canonifyURLs", "relativeURLs", "uglyURLs", "publishDir", "contentDir",
	"staticDir", "layoutDir", "pluralizeListTitles", "enableInlineShortcodes", "googleAnalytics",
	"disqusShortname", "frontmatter", "author", "timeout", "cleanDestinationDir", "buildDrafts",
	"buildFuture", "buildExpired", "markup.goldmark", "markup.highlight", "markup.tableOfContents",
	"markup.defaultMarkdownHandler", "markup.asciidocExt", "markup.pandoc", "markup.rst",
}

// readHugoSettings moves Hugo's spellings to bantin's keys and drops the
// settings bantin does not have, with a warning for each, from doc.
func readHugoSettings(doc *meta.Document, dl *diag.List) {
	from := make([]string, 0, len(hugoSpellings))
	for k := range hugoSpellings {
		from = append(from, k)
	}
	sort.Strings(from)
	for _, k := range from {
		if v, ok := take(doc.Values, k); ok {
			if _, set := lookup(doc.Values, hugoSpellings[k]); !set {
				put(doc.Values, hugoSpellings[k], v)
			}
		}
	}
	for _, k := range hugoOnly {
		pos := doc.Pos(splitKey(k)...)
		if v, ok := take(doc.Values, k); ok && !emptyTables(v) {
			dl.Warnf(pos, "%q is a Hugo setting that bantin does not have; it is ignored", k)
		}
	}
}

// emptyTables reports whether v is a table holding only empty tables:
// what is left of [markup.goldmark.renderer] once unsafe has moved.
func emptyTables(v any) bool {
	m, ok := v.(map[string]any)
	if !ok {
		return false
	}
	for _, x := range m {
		if !emptyTables(x) {
			return false
		}
	}
	return true
}

func splitKey(k string) []string { return strings.Split(k, ".") }

// table returns the table that holds the last part of dotted path k, and
// that part.
func table(m map[string]any, k string) (map[string]any, string, bool) {
	parts := splitKey(k)
	for _, p := range parts[:len(parts)-1] {
		next, ok := m[p].(map[string]any)
		if !ok {
			return nil, "", false
		}
		m = next
	}
	return m, parts[len(parts)-1], true
}

// lookup returns the value at a dotted path of nested tables.
func lookup(m map[string]any, k string) (any, bool) {
	t, last, ok := table(m, k)
	if !ok {
		return nil, false
	}
	v, ok := t[last]
	return v, ok
}

// take removes and returns the value at a dotted path.
func take(m map[string]any, k string) (any, bool) {
	t, last, ok := table(m, k)
	if !ok {
		return nil, false
	}
	v, ok := t[last]
	delete(t, last)
	return v, ok
}

// put sets the value at a dotted path, making tables as needed.
func put(m map[string]any, k string, v any) {
	parts := splitKey(k)
	for _, p := range parts[:len(parts)-1] {
		next, ok := m[p].(map[string]any)
		if !ok {
			next = map[string]any{}
			m[p] = next
		}
		m = next
	}
	m[parts[len(parts)-1]] = v
}
