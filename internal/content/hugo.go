package content

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"

	"bantin/internal/config"
	"bantin/internal/diag"
)

// hugoOnlyKeys are front-matter keys Hugo reads and bantin does not use.
// A Hugo site's content carries them on many pages: they are reported once
// per key for the whole build, not once per page.
var hugoOnlyKeys = []string{
	"outputs", "markup", "resources", "build", "_build", "sitemap", "menu", "menus",
	"headless", "isCJKLanguage", "translationKey", "author",
}

// sightings counts, for each key, the files something was seen in and the
// first place (in path order) it was seen: what a warning given once for
// the whole site names. Safe for concurrent use.
type sightings struct {
	mu    sync.Mutex
	first map[string]diag.Pos
	count map[string]int
}

// add records that key was seen at pos; call it once per file.
func (s *sightings) add(key string, pos diag.Pos) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.first == nil {
		s.first, s.count = map[string]diag.Pos{}, map[string]int{}
	}
	if old, seen := s.first[key]; !seen || pos.File < old.File {
		s.first[key] = pos
	}
	s.count[key]++
}

// report adds one warning per key to dl, at its first place, with the
// message msg writes for the key and its number of files.
func (s *sightings) report(dl *diag.List, msg func(key string, files int) string) {
	keys := make([]string, 0, len(s.first))
	for k := range s.first {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		dl.Warnf(s.first[k], "%s", msg(k, s.count[k]))
	}
}

// unusedKeys collects the Hugo-only keys of every document read.
type unusedKeys struct{ sightings }

// take removes the Hugo-only keys (and taxonomy-looking keys of taxonomies
// the site does not configure) from d's front matter and records them.
func (u *unusedKeys) take(d *Doc, cfg *config.Config) {
	if d.Meta == nil {
		return
	}
	authorAsAuthors(d, cfg)
	for _, k := range hugoOnlyKeys {
		u.takeKey(d, k)
	}
	for _, k := range []string{"categories", "series"} {
		if _, configured := cfg.Taxonomy(k); !configured {
			u.takeKey(d, k)
		}
	}
}

// authorAsAuthors reads a Hugo page's author (a name or a list) as its
// authors terms when the site has an authors taxonomy and the page does
// not set authors itself.
func authorAsAuthors(d *Doc, cfg *config.Config) {
	v, ok := d.Meta.Values["author"]
	if !ok {
		return
	}
	if _, configured := cfg.Taxonomy("authors"); !configured {
		return
	}
	if _, set := d.Meta.Values["authors"]; !set {
		d.Meta.Values["authors"] = v
	}
	delete(d.Meta.Values, "author")
}

func (u *unusedKeys) takeKey(d *Doc, key string) {
	if _, ok := d.Meta.Values[key]; !ok {
		return
	}
	pos := d.Pos(key)
	delete(d.Meta.Values, key)
	u.add(key, pos)
}

// report adds one warning per key to dl.
func (u *unusedKeys) report(dl *diag.List) { u.sightings.report(dl, unusedMessage) }

// inFiles says how many files something is in, from the first one's view.
func inFiles(files int) string {
	switch {
	case files == 2:
		return "this file and 1 other"
	case files > 2:
		return fmt.Sprintf("this file and %d others", files-1)
	}
	return "this file"
}

func unusedMessage(key string, files int) string {
	where := inFiles(files)
	switch key {
	case "categories", "series":
		return fmt.Sprintf("front-matter key %q is not a taxonomy of this site (in %s); to use it, add %s = %q under [taxonomies] in the config", key, where, singularOf(key), key)
	}
	return fmt.Sprintf("front-matter key %q is Hugo's; bantin does not use it (ignored in %s)", key, where)
}

func singularOf(plural string) string {
	if plural == "categories" {
		return "category"
	}
	return plural
}

// frontKeys maps the lower-case form of every FrontMatter key to its
// spelling: Hugo reads keys in any case ("linktitle", "publishdate").
var frontKeys = func() map[string]string {
	out := map[string]string{}
	t := reflect.TypeOf(FrontMatter{})
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("toml"), ",")
		out[strings.ToLower(name)] = name
	}
	return out
}()

// canonicalCase renames keys written in another case than bantin's
// ("publishdate" → "publishDate"), as Hugo reads them, unless the file
// also has the key in bantin's spelling.
func canonicalCase(d *Doc) {
	if d.Meta == nil {
		return
	}
	for k, v := range d.Meta.Values {
		want, known := frontKeys[strings.ToLower(k)]
		if !known || want == k {
			continue
		}
		if _, both := d.Meta.Values[want]; both {
			continue
		}
		d.Meta.Values[want] = v
		delete(d.Meta.Values, k)
	}
}

// cascades are the values that content/_index.md (for every page) and
// content/SECTION/_index.md (for the section's pages) hand down with their
// cascade table, by section ("" for the home page's).
type cascades map[string]map[string]any

// collect records the cascade of an _index.md document.
func (c cascades) collect(d *Doc) {
	if len(d.Front.Cascade) == 0 {
		return
	}
	switch d.Kind {
	case KindHome:
		c[""] = d.Front.Cascade
	case KindSection:
		c[d.Section] = d.Front.Cascade
	}
}

// apply gives d's front matter every cascaded key it does not set itself:
// the section's first, then the home page's.
func (c cascades) apply(d *Doc) {
	if d.Meta == nil || d.Kind != KindPage {
		return
	}
	for _, from := range []map[string]any{c[d.Section], c[""]} {
		for k, v := range from {
			if _, set := d.Meta.Values[k]; !set {
				d.Meta.Values[k] = v
			}
		}
	}
}
