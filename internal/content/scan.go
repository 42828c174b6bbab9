package content

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"bantin/internal/config"
	"bantin/internal/diag"
	"bantin/internal/meta"
	"bantin/internal/parallel"
	"bantin/internal/sitefs"
	"bantin/internal/textstore"
	"bantin/internal/vi"
)

// Dir is the content folder at the site root.
const Dir = "content"

// Kind says what a document, or a page of the site, is: the one list of
// page kinds (site.Page.Kind is a Kind too; templates compare .Kind with
// these strings, and a layout file may be named after one: term.html).
type Kind string

const (
	KindPage    Kind = "page"
	KindSection Kind = "section"
	KindHome    Kind = "home"
	// KindTaxonomy is content/PLURAL/_index.md of a configured taxonomy:
	// the title, description and text of the taxonomy's page (Hugo's
	// convention).
	KindTaxonomy Kind = "taxonomy"
	// KindTerm is content/PLURAL/TERM/_index.md: a term page's own title,
	// description and text.
	KindTerm Kind = "term"
	// Pages bantin makes up, with no document of their own:
	KindArchive   Kind = "archive"      // the archive's index, a year or a month
	KindPrint     Kind = "print"        // the print edition of a publication
	KindNotFound  Kind = "404"          // 404.html
	KindSearch    Kind = "search"       // the search page
	KindCatalogue Kind = "publications" // the catalogue of publications
)

// Doc is one Markdown file of content/.
type Doc struct {
	Path      string // from the site root: "content/bai-viet/x.md"
	Rel       string // from content/: "bai-viet/x.md"
	Kind      Kind
	Section   string   // first folder of Rel; "" for files at the root of content/ and taxonomy and term pages
	Taxonomy  string   // taxonomy and term pages: the taxonomy's plural
	Term      string   // term pages: the term's folder name
	Format    Format   // the front matter's syntax; None without one
	Bundle    bool     // a page bundle's index.md
	Resources []string // Rel paths of the bundle's other files, sorted
	Front     FrontMatter
	Terms     map[string][]string // taxonomy plural → terms as written
	Meta      *meta.Document      // the front matter, for key positions; nil without one
	Body      []byte              // nil once MoveBody moved it: read it with Text
	BodyLine  int                 // line of the file where Body starts
	Hidden    string              // why the build leaves it out: "draft", "future", "expired"; "" if shown
	stored    storedBody
}

// Pos returns the position of a front-matter key, or of the file's start
// when no key is given or the document has no front matter.
func (d *Doc) Pos(key ...string) diag.Pos {
	if d.Meta == nil || len(key) == 0 || key[0] == "" {
		return diag.Pos{File: d.Path, Line: 1, Col: 1}
	}
	return d.Meta.Pos(key...)
}

// Options chooses which documents a build shows.
type Options struct {
	Drafts, Future, Expired bool
	Now                     time.Time
	// Texts, when set, receives each document's body as soon as the
	// document is read (Doc.MoveBody): the set then holds no source file,
	// and Doc.Text reads the body back. Nil: bodies stay in Doc.Body.
	Texts *textstore.Store
}

// Set is what Scan found.
type Set struct {
	Docs   []*Doc   // shown, sorted by Path
	Hidden []*Doc   // left out by Options, sorted by Path
	Assets []string // Rel paths of non-Markdown files outside page bundles, sorted
}

// Scan reads every document under content/ in fsys.
func Scan(fsys fs.FS, cfg *config.Config, opts Options, dl *diag.List) *Set {
	files, bundles, err := walk(fsys, Dir, dl)
	if err != nil {
		dl.Errorf(diag.Pos{File: Dir}, "%v", err)
		return &Set{}
	}
	set := &Set{}
	var docPaths []string
	for _, f := range files {
		switch {
		case path.Base(f) == "_index.md" && taxonomyOf(f, cfg) != "":
			docPaths = append(docPaths, f)
		case path.Base(f) == "_index.md" && strings.Count(f, "/") > 1:
			dl.Warnf(diag.Pos{File: path.Join(Dir, f)}, "ignored: sections are the first folder under content/ only")
		case strings.HasSuffix(f, ".md") && bundleOf(f, bundles) == "":
			docPaths = append(docPaths, f)
		case strings.HasSuffix(f, ".md") && path.Base(f) == "index.md" && bundleOf(f, bundles) == path.Dir(f):
			docPaths = append(docPaths, f)
		case strings.HasSuffix(f, ".md"):
			dl.Warnf(diag.Pos{File: path.Join(Dir, f)}, "not a page: it lies inside the page bundle %s/index.md", bundleOf(f, bundles))
		case bundleOf(f, bundles) == "":
			set.Assets = append(set.Assets, f)
		}
	}
	docs := readInOrder(fsys, docPaths, cfg, opts.Texts, dl)
	for _, d := range docs {
		if d.Bundle {
			d.Resources = resourcesOf(path.Dir(d.Rel), files)
		}
		d.Hidden = hiddenReason(d, opts)
		if d.Hidden == "" {
			set.Docs = append(set.Docs, d)
		} else {
			set.Hidden = append(set.Hidden, d)
		}
	}
	return set
}

// walk lists every file under root, a folder of content/ (paths relative to
// content/, sorted), and the folders that are page bundles. Entries it
// will not read (a symlink out of the site, a named pipe) are errors in dl.
func walk(fsys fs.FS, root string, dl *diag.List) (files []string, bundles map[string]bool, err error) {
	bundles = map[string]bool{}
	err = sitefs.Walk(fsys, root, sitefs.Walker{
		Skip: func(name string) bool { return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") },
		File: func(p string) {
			rel := strings.TrimPrefix(p, Dir+"/")
			files = append(files, rel)
			if path.Base(rel) == "index.md" {
				bundles[path.Dir(rel)] = true
			}
		},
		Refuse: func(p, why string) { dl.Errorf(diag.Pos{File: p}, "%s", why) },
	})
	sort.Strings(files)
	return files, bundles, err
}

// bundleOf returns the page-bundle folder that holds rel, or "".
func bundleOf(rel string, bundles map[string]bool) string {
	for dir := path.Dir(rel); dir != "." && dir != "/"; dir = path.Dir(dir) {
		if bundles[dir] {
			return dir
		}
	}
	return ""
}

func resourcesOf(dir string, files []string) []string {
	var out []string
	for _, f := range files {
		if strings.HasPrefix(f, dir+"/") && !strings.HasSuffix(f, ".md") {
			out = append(out, f)
		}
	}
	return out
}

// readEnv is what reading a document needs besides the file: the values
// handed down by _index.md files and the collector of Hugo-only keys.
type readEnv struct {
	cfg      *config.Config
	cascades cascades
	unused   *unusedKeys
	texts    *textstore.Store // where bodies go once read; nil: they stay
}

// readInOrder reads the _index.md files first, for the values they hand
// down, then every other document; it returns them sorted by path and
// reports each Hugo-only key once.
func readInOrder(fsys fs.FS, rels []string, cfg *config.Config, texts *textstore.Store, dl *diag.List) []*Doc {
	env := &readEnv{cfg: cfg, cascades: cascades{}, unused: &unusedKeys{}, texts: texts}
	var indexes, others []string
	for _, rel := range rels {
		if path.Base(rel) == "_index.md" {
			indexes = append(indexes, rel)
		} else {
			others = append(others, rel)
		}
	}
	docs := readAll(fsys, indexes, env, dl)
	for _, d := range docs {
		env.cascades.collect(d)
	}
	docs = append(docs, readAll(fsys, others, env, dl)...)
	sort.Slice(docs, func(i, j int) bool { return docs[i].Path < docs[j].Path })
	env.unused.report(dl)
	return docs
}

// readAll reads and parses the documents on every core.
func readAll(fsys fs.FS, rels []string, env *readEnv, dl *diag.List) []*Doc {
	docs := make([]*Doc, len(rels))
	parallel.For(len(rels), func(i int) { docs[i] = read(fsys, rels[i], env, dl) })
	out := docs[:0]
	for _, d := range docs {
		if d != nil {
			out = append(out, d)
		}
	}
	return out
}

// Read parses the one document at rel (relative to content/), as Scan
// does, and says why a build would leave it out. It returns nil when the
// file cannot be used; the reasons are in dl.
func Read(fsys fs.FS, rel string, cfg *config.Config, opts Options, dl *diag.List) *Doc {
	env := &readEnv{cfg: cfg, cascades: cascadesOf(fsys, rel, cfg), unused: &unusedKeys{}, texts: opts.Texts}
	d := read(fsys, rel, env, dl)
	env.unused.report(dl)
	if d == nil {
		return nil
	}
	if d.Bundle {
		files, _, err := walk(fsys, path.Join(Dir, path.Dir(rel)), &diag.List{})
		if err == nil {
			d.Resources = resourcesOf(path.Dir(d.Rel), files)
		}
	}
	d.Hidden = hiddenReason(d, opts)
	return d
}

// cascadesOf reads the values handed down to the document at rel by
// content/_index.md and its section's _index.md. Their own problems are
// not reported here: the build that reads them reports them.
func cascadesOf(fsys fs.FS, rel string, cfg *config.Config) cascades {
	c := cascades{}
	if path.Base(rel) == "_index.md" {
		return c
	}
	env := &readEnv{cfg: cfg, cascades: cascades{}, unused: &unusedKeys{}}
	for _, idx := range []string{"_index.md", path.Join(sectionOf(rel), "_index.md")} {
		if _, err := fs.Stat(fsys, path.Join(Dir, idx)); err != nil {
			continue
		}
		if d := read(fsys, idx, env, &diag.List{}); d != nil {
			c.collect(d)
		}
	}
	return c
}

// read parses one document; it returns nil when the file cannot be used.
func read(fsys fs.FS, rel string, env *readEnv, dl *diag.List) *Doc {
	cfg := env.cfg
	p := path.Join(Dir, rel)
	raw, err := fs.ReadFile(fsys, p)
	if err != nil {
		dl.Errorf(diag.Pos{File: p}, "read: %v", err)
		return nil
	}
	raw = normalizeNewlines(raw)
	src, ok := vi.ValidNFC(raw) // raw itself when it is NFC already
	if !ok {
		dl.Errorf(diag.PosAt(p, raw, firstInvalid(raw)), "the file is not valid UTF-8 text; save it as UTF-8")
		return nil
	}
	d := &Doc{Path: p, Rel: rel, Kind: kindOf(rel), Section: sectionOf(rel), Bundle: path.Base(rel) == "index.md"}
	if plural := taxonomyOf(rel, cfg); plural != "" {
		d.Kind, d.Section, d.Taxonomy = KindTaxonomy, "", plural
		if dir := path.Dir(rel); strings.Contains(dir, "/") {
			d.Kind, d.Term = KindTerm, path.Base(dir)
		}
	}
	format, fm, fmLine, body, bodyLine, unclosed := split(src)
	d.Format = format
	if unclosed {
		dl.Errorf(diag.Pos{File: p, Line: 1, Col: 1}, "front matter is opened here but never closed")
		return nil
	}
	d.Body, d.BodyLine = body, bodyLine
	switch format {
	case TOML:
		d.Meta = meta.ParseTOML(p, fm, fmLine, dl)
	case YAML:
		d.Meta = meta.ParseYAML(p, fm, fmLine, dl)
	case JSON:
		d.Meta = meta.ParseJSON(p, fm, fmLine, dl)
	}
	if format != None && d.Meta == nil {
		return nil
	}
	canonicalCase(d)
	env.cascades.apply(d)
	env.unused.take(d, cfg)
	resolveRefs(fsys, d, dl)
	d.decodeFront(cfg, dl)
	if d.Meta != nil {
		d.Meta.Forget() // decoded into Front; the positions stay, for messages
	}
	if env.texts != nil {
		d.MoveBody(env.texts) // the file's bytes can go now
	}
	return d
}

func (d *Doc) decodeFront(cfg *config.Config, dl *diag.List) {
	d.Terms = map[string][]string{}
	if d.Meta != nil {
		for _, t := range cfg.TaxonomyList {
			plural := t.Plural
			var terms []string
			if d.Meta.DecodeKey(plural, &terms, cfg.Location, dl) {
				d.Terms[plural] = cleanTerms(terms)
			}
		}
		d.Meta.Decode(&d.Front, cfg.Location, dl)
	}
	if d.Front.Title == "" && !d.hasKey("title") {
		switch d.Kind {
		case KindPage:
			dl.Errorf(d.Pos(), "title is missing: add %s to the front matter", d.KeyLine("title", "…"))
		case KindSection:
			d.Front.Title = d.Section
		}
	}
	if d.Front.Lastmod.IsZero() {
		d.Front.Lastmod = d.Front.Date
	}
	if d.Front.PublishDate.IsZero() {
		d.Front.PublishDate = d.Front.Date
	}
}

// KeyLine is a front-matter line setting key to the string value, in the
// document's own syntax: title = "…" in TOML, title: "…" in YAML. Hints
// use it so that an editor can copy them as they are.
func (d *Doc) KeyLine(key, value string) string {
	switch d.Format {
	case YAML:
		return fmt.Sprintf("%s: %q", key, value)
	case JSON:
		return fmt.Sprintf("%q: %q,", key, value)
	}
	return fmt.Sprintf("%s = %q", key, value)
}

func (d *Doc) hasKey(key string) bool {
	if d.Meta == nil {
		return false
	}
	return d.Meta.Has(key)
}

func cleanTerms(terms []string) []string {
	out := terms[:0]
	for _, t := range terms {
		if t = strings.Join(strings.Fields(t), " "); t != "" {
			out = append(out, t)
		}
	}
	return out
}

func hiddenReason(d *Doc, opts Options) string {
	switch {
	case d.Front.Draft && !opts.Drafts:
		return "draft"
	case !opts.Future && d.Front.PublishDate.After(opts.Now):
		return "future"
	case !opts.Expired && !d.Front.ExpiryDate.IsZero() && d.Front.ExpiryDate.Before(opts.Now):
		return "expired"
	}
	return ""
}

// taxonomyOf returns the plural of the taxonomy whose own page (PLURAL/_index.md)
// or term page (PLURAL/TERM/_index.md) rel is, or "". The folder is the
// taxonomy's plural or its URL segment.
func taxonomyOf(rel string, cfg *config.Config) string {
	if path.Base(rel) != "_index.md" {
		return ""
	}
	parts := strings.Split(rel, "/")
	if len(parts) != 2 && len(parts) != 3 {
		return ""
	}
	for _, t := range cfg.TaxonomyList {
		if parts[0] == t.Plural || parts[0] == t.Slug {
			return t.Plural
		}
	}
	return ""
}

func kindOf(rel string) Kind {
	switch {
	case rel == "_index.md":
		return KindHome
	case path.Base(rel) == "_index.md":
		return KindSection
	}
	return KindPage
}

func sectionOf(rel string) string {
	if dir, _, ok := strings.Cut(rel, "/"); ok {
		return dir
	}
	return ""
}

// firstInvalid returns the offset of the first byte that is not part of
// valid UTF-8.
func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

func normalizeNewlines(b []byte) []byte {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if !bytes.Contains(b, []byte("\r")) {
		return b
	}
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(b, []byte("\r"), []byte("\n"))
}
