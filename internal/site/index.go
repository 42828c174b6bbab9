package site

import (
	"errors"
	"fmt"
	"path"
	"strings"

	"bantin/internal/config"
	"bantin/internal/content"
	"bantin/internal/diag"
	"bantin/internal/markdown"
	"bantin/internal/vi"
)

// Index knows every page's URL before rendering.
type Index struct {
	cfg    *config.Config
	pages  map[string]*entry    // content-relative .md path → entry
	hidden map[string]string    // content-relative .md path → why it is left out
	files  map[string]*Resource // content-relative path → published file
	assets []Resource           // published files outside page bundles, sorted
}

type entry struct {
	doc     *content.Doc
	url     string
	aliases []string
}

// NewIndex computes the URL of every shown document and of every published
// content file. Problems (bad slugs, urls, aliases; collisions) go to dl.
func NewIndex(cfg *config.Config, set *content.Set, dl *diag.List) *Index {
	ix := &Index{cfg: cfg, pages: map[string]*entry{}, hidden: map[string]string{}, files: map[string]*Resource{}}
	for _, d := range set.Hidden {
		ix.hidden[d.Rel] = d.Hidden
	}
	claimed := map[string]string{} // output path → content path
	for _, d := range set.Docs {
		e := &entry{doc: d, url: ix.pageURL(d, dl)}
		ix.pages[d.Rel] = e
		if d.Taxonomy == "" { // taxonomy and term pages write their taxonomy's pages
			ix.claim(claimed, outPath(e.url), d, d.Pos(urlKey(d)), dl)
		}
		for i, a := range d.Front.Aliases {
			u, err := aliasURL(a, e.url)
			if err != nil {
				dl.Errorf(d.Pos("aliases", fmt.Sprint(i)), "%v", err)
				continue
			}
			e.aliases = append(e.aliases, u)
			ix.claim(claimed, outPath(u), d, d.Pos("aliases", fmt.Sprint(i)), dl)
		}
		if err := checkImage(d.Front.Image); err != nil {
			dl.Errorf(d.Pos("image"), "%v", err)
		}
		for _, r := range d.Resources {
			dir := strings.TrimPrefix(e.url, "/")
			name := strings.TrimPrefix(r, path.Dir(d.Rel)+"/")
			ix.files[r] = ix.resource(name, r, dir+name)
		}
	}
	for _, a := range set.Assets {
		ix.files[a] = ix.resource(a, a, a)
		ix.assets = append(ix.assets, *ix.files[a])
	}
	return ix
}

func (ix *Index) resource(name, rel, out string) *Resource {
	return &Resource{Name: name, Source: path.Join(content.Dir, rel), OutPath: out, RelPermalink: ix.cfg.RelURL("/" + out)}
}

// claim records that d writes out, or reports the page that already does.
func (ix *Index) claim(claimed map[string]string, out string, d *content.Doc, pos diag.Pos, dl *diag.List) {
	if other, taken := claimed[out]; taken {
		dl.Errorf(pos, "%s would be written twice: by %s and by %s", "/"+strings.TrimSuffix(out, "index.html"), other, d.Path)
		return
	}
	claimed[out] = d.Path
}

func urlKey(d *content.Doc) string {
	switch {
	case d.Front.URL != "":
		return "url"
	case d.Front.Slug != "":
		return "slug"
	}
	return ""
}

// pageURL returns the root-relative URL of d.
func (ix *Index) pageURL(d *content.Doc, dl *diag.List) string {
	switch d.Kind {
	case content.KindHome:
		return "/"
	case content.KindSection:
		return "/" + slugPath(d.Section) + "/"
	case content.KindTaxonomy, content.KindTerm:
		return ix.taxonomyURL(d)
	}
	if d.Front.URL != "" {
		u, err := checkURLPath(d.Front.URL, "url")
		if err == nil {
			return u
		}
		dl.Errorf(d.Pos("url"), "%v", err)
	}
	dir, name := path.Split(strings.TrimSuffix(d.Rel, ".md"))
	if d.Bundle {
		dir, name = path.Split(strings.TrimSuffix(dir, "/"))
	}
	last := slugPath(name)
	if d.Front.Slug != "" {
		s, err := checkSlug(d.Front.Slug)
		if err != nil {
			dl.Errorf(d.Pos("slug"), "%v", err)
		} else {
			last = s
		}
	}
	if d := slugPath(strings.TrimSuffix(dir, "/")); d != "" {
		return "/" + d + "/" + last + "/"
	}
	return "/" + last + "/"
}

// taxonomyURL returns the URL of the taxonomy page or term page whose own
// text d is: /SLUG/ or /SLUG/SLUG(TERM)/. A term whose slug clashes with
// another's may end up elsewhere; Assemble matches by term, not by URL.
func (ix *Index) taxonomyURL(d *content.Doc) string {
	t, _ := ix.cfg.Taxonomy(d.Taxonomy)
	if d.Kind == content.KindTerm {
		return "/" + t.Slug + "/" + vi.Slug(d.Term) + "/"
	}
	return "/" + t.Slug + "/"
}

// Publishes reports whether the content file at rel (not a page) is
// published.
func (ix *Index) Publishes(rel string) bool {
	_, ok := ix.files[rel]
	return ok
}

// File returns the published content file (a bundle resource or an
// asset) at rel, the path under content/.
func (ix *Index) File(rel string) (Resource, bool) {
	r, ok := ix.files[rel]
	if !ok {
		return Resource{}, false
	}
	return *r, true
}

// Resolver returns the link resolver for the document at rel.
func (ix *Index) Resolver(rel string) markdown.Resolver {
	dir := path.Dir(rel)
	return func(target string) (string, error) {
		joined := path.Clean(path.Join(dir, target))
		if joined == ".." || strings.HasPrefix(joined, "../") {
			return "", errors.New("it points outside content/")
		}
		if e, ok := ix.pages[joined]; ok {
			return ix.cfg.RelURL(e.url), nil
		}
		if why, ok := ix.hidden[joined]; ok {
			return "", fmt.Errorf("content/%s is left out of this build (%s); %s", joined, why, flagFor(why))
		}
		if f, ok := ix.files[joined]; ok {
			return f.RelPermalink, nil
		}
		return "", fmt.Errorf("content/%s does not exist", joined)
	}
}

func flagFor(reason string) string {
	switch reason {
	case "draft":
		return "publish it or build with --drafts"
	case "future":
		return "its date is in the future; build with --future to include it"
	}
	return "it has expired; build with --expired to include it"
}
