package config

import (
	"regexp"
	"sort"

	"bantin/internal/diag"
	"bantin/internal/vi"
)

// Taxonomy is one configured way of classifying pages.
type Taxonomy struct {
	Plural   string // the front-matter key and the folder under content/: "tags"
	Singular string // Hugo's singular ("tag"); "" in bantin's own form
	// Name is the display name the config gives (bantin's form); "" in
	// Hugo's form, where it comes from content/PLURAL/_index.md's title,
	// else from the UI strings.
	Name string
	Slug string // the URL segment: /SLUG/ lists the terms
}

// hugoPlural is what a value of [taxonomies] looks like in Hugo's
// `singular = "plural"` form: a front-matter key, lower case, no spaces
// and no marks. Any other value is a display name (bantin's form).
var hugoPlural = regexp.MustCompile(`^[a-z][a-z0-9_-]*$`)

// taxonomyList reads [taxonomies] in either form:
//
//	tag = "tags"         Hugo: singular = plural; URL /tags/
//	topics = "Chủ đề"    bantin: plural = display name; URL /chu-de/
//
// A value that is a lower-case word is Hugo's plural, any other value a
// display name. Two entries with one plural or one URL are errors.
func taxonomyList(raw map[string]string, pos func(string) diag.Pos, dl *diag.List) []Taxonomy {
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []Taxonomy
	byPlural, bySlug := map[string]string{}, map[string]string{}
	for _, k := range keys {
		t := readTaxonomy(k, raw[k])
		if t.Slug == "" {
			dl.Errorf(pos(k), "taxonomy %q has no letters for its URL; write it as singular = \"plural\", like tag = \"tags\"", k)
			continue
		}
		if other, dup := byPlural[t.Plural]; dup {
			dl.Errorf(pos(k), "taxonomies %q and %q both name the front-matter key %q; keep one", other, k, t.Plural)
			continue
		}
		if other, dup := bySlug[t.Slug]; dup {
			dl.Errorf(pos(k), "taxonomies %q and %q would both be published at /%s/; keep one", other, k, t.Slug)
			continue
		}
		byPlural[t.Plural], bySlug[t.Slug] = k, k
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Plural < out[j].Plural })
	return out
}

func readTaxonomy(key, value string) Taxonomy {
	if hugoPlural.MatchString(value) {
		return Taxonomy{Plural: value, Singular: key, Slug: vi.Slug(value)}
	}
	slug := vi.Slug(value)
	if slug == "" {
		slug = vi.Slug(key)
	}
	return Taxonomy{Plural: key, Name: value, Slug: slug}
}

// Taxonomy returns the taxonomy whose front-matter key is plural.
func (c *Config) Taxonomy(plural string) (Taxonomy, bool) {
	for _, t := range c.TaxonomyList {
		if t.Plural == plural {
			return t, true
		}
	}
	return Taxonomy{}, false
}
