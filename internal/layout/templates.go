package layout

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"text/template/parse"
	"unicode/utf8"

	"bantin/internal/config"
	"bantin/internal/content"
	"bantin/internal/diag"
	"bantin/internal/markdown"
	"bantin/internal/qr"
	"bantin/internal/site"
)

// Templates is a loaded layout set. It is safe for concurrent use.
type Templates struct {
	Strings  *Strings
	cached   *fragments // partialCached and partialCachedEach
	files    *fileSet
	funcs    template.FuncMap
	parsed   map[string]*parsedFile
	composed map[string]*composedTemplate
	broken   map[string]bool // templates that failed to parse or compose
	fused    bool            // funcs holds the fused escapers (escapers.go)
	site     *ShortcodeSite  // .Site in shortcode templates
}

type parsedFile struct {
	name  string
	text  string
	src   source
	trees map[string]*parse.Tree
}

func (p *parsedFile) definesMain() bool { _, ok := p.trees["main"]; return ok }

type composedTemplate struct {
	set  *template.Template
	exec string // the template to execute

	roots  []string  // what set can execute: exec and every partial
	fold   bool      // prepareFold made set ready to fold
	fuse   bool      // fold fuses escapers too
	folded sync.Once // folding runs before set first runs
}

// ready folds the set's constant actions (fold.go) the first time it is
// about to run, so that a set no page uses costs nothing. Every execution
// of the set passes here first.
func (c *composedTemplate) ready() {
	c.folded.Do(func() {
		if c.fold {
			foldConstants(c.set, c.roots, c.fuse)
		}
	})
}

// Load reads the theme and the site's layouts/ from fsys and parses every
// template. Problems go to dl.
func Load(fsys fs.FS, cfg *config.Config, codes *qr.Cache, dl *diag.List) *Templates {
	files, err := loadFiles(fsys, dl)
	if err != nil {
		dl.Errorf(diag.Pos{File: SiteDir}, "read layouts: %v", err)
		return nil
	}
	strs := loadStrings(files, cfg.LanguageCode, dl)
	t := &Templates{Strings: strs, files: files, funcs: funcMap(cfg, strs, codes), cached: newFragments(), parsed: map[string]*parsedFile{}, composed: map[string]*composedTemplate{}, broken: map[string]bool{}}
	t.site = &ShortcodeSite{Title: cfg.Title, BaseURL: cfg.BaseURL, LanguageCode: cfg.LanguageCode, Params: cfg.Params, Config: cfg}
	for name, f := range fileFuncs(fsys, cfg) {
		t.funcs[name] = f
	}
	if fused, ok := fusedEscapers(); ok {
		maps.Copy(t.funcs, fused)
		t.fused = true
	}
	for _, name := range files.templateNames() {
		t.parse(name, dl)
	}
	for name, pf := range t.parsed {
		if !strings.HasPrefix(name, "partials/") && path.Base(name) != "baseof.html" {
			t.compose(name, pf, dl)
		}
	}
	return t
}

func (t *Templates) parse(name string, dl *diag.List) {
	src, _ := t.files.winner(name)
	text, err := fs.ReadFile(src.fsys, src.path)
	if err != nil {
		dl.Errorf(diag.Pos{File: src.display}, "read: %v", err)
		return
	}
	tmpl, err := template.New(name).Funcs(t.funcs).Parse(string(text))
	if err != nil {
		t.broken[name] = true
		dl.Add(templateDiagnostic(err, t.displayName, func(string) string { return string(text) }))
		return
	}
	pf := &parsedFile{name: name, text: string(text), src: src, trees: map[string]*parse.Tree{}}
	for _, sub := range tmpl.Templates() {
		if sub.Tree != nil {
			pf.trees[sub.Name()] = sub.Tree
		}
	}
	t.parsed[name] = pf
}

// compose builds the template set that renders the entry file name.
func (t *Templates) compose(name string, pf *parsedFile, dl *diag.List) {
	var set *template.Template
	partial := func(partial string, data any) (template.HTML, error) {
		b := renderBuffers.Get().(*bytes.Buffer)
		defer renderBuffers.Put(b)
		b.Reset()
		err := set.ExecuteTemplate(b, "partials/"+partial, data)
		return template.HTML(b.String()), err // a copy at its size
	}
	cachedPartial := func(name string, data any, key string) (template.HTML, error) {
		if html, ok := t.cached.get(name, key); ok {
			return html, nil
		}
		html, err := partial(name, data)
		if err == nil {
			t.cached.put(name, key, html)
		}
		return html, err
	}
	funcs := template.FuncMap{
		"partial":       partial,
		"partialCached": cachedPartial,
		"partialCachedEach": func(name string, list any) (template.HTML, error) {
			return t.cached.eachCached(name, list, func(item any) (template.HTML, error) { return partial(name, item) })
		},
	}
	set = template.New(name).Funcs(t.funcs).Funcs(funcs)
	for pname, p := range t.parsed {
		if strings.HasPrefix(pname, "partials/") {
			addTrees(set, p)
		}
	}
	exec := name
	if pf.definesMain() {
		base := t.baseFor(name)
		if base == nil {
			t.broken[name] = true
			dl.Errorf(diag.Pos{File: pf.src.display}, "defines \"main\" but there is no %s or _default/baseof.html to put it in", path.Join(path.Dir(name), "baseof.html"))
			return
		}
		addTrees(set, base)
		exec = base.name
	}
	addTrees(set, pf)
	roots := []string{exec}
	for pname := range t.parsed {
		if strings.HasPrefix(pname, "partials/") {
			roots = append(roots, pname)
		}
	}
	t.composed[name] = &composedTemplate{set: set, exec: exec, roots: roots, fold: prepareFold(set, roots) == nil, fuse: t.fused}
}

func addTrees(set *template.Template, pf *parsedFile) {
	for name, tree := range pf.trees {
		// Each set escapes its own copy: html/template rewrites trees.
		set.AddParseTree(name, tree.Copy())
	}
}

func (t *Templates) baseFor(name string) *parsedFile {
	for _, candidate := range []string{path.Join(path.Dir(name), "baseof.html"), "_default/baseof.html"} {
		if pf, ok := t.parsed[candidate]; ok {
			return pf
		}
	}
	return nil
}

// Shortcodes returns the renderer of the shortcodes called in d (see
// shortcodes.go): the template shortcodes/NAME.html of the site's
// layouts/, else the theme's. images finds the processed copies of the
// images d names (blockImage); nil offers the files as they are.
func (t *Templates) Shortcodes(d *content.Doc, ix *site.Index, images markdown.ImageFinder) markdown.Shortcodes {
	return shortcodeRenderer(t, d, ix, images)
}

// ForgetCached drops every partialCached fragment made with key (a page's
// URL), so that the next render makes it anew.
func (t *Templates) ForgetCached(key string) {
	t.cached.forget(key)
}

// Lookup returns the name of the template file that renders p, following
// the documented lookup order, or "" when none exists.
func (t *Templates) Lookup(p *site.Page) string {
	for _, name := range candidates(p) {
		if _, ok := t.composed[name]; ok {
			return name
		}
	}
	return ""
}

// brokenFor reports whether a template that would have rendered p failed
// to parse or compose.
func (t *Templates) brokenFor(p *site.Page) bool {
	for _, name := range candidates(p) {
		if t.broken[name] {
			return true
		}
	}
	return false
}

func candidates(p *site.Page) []string {
	var out []string
	add := func(dirs []string, file string) {
		for _, d := range dirs {
			if d != "" {
				out = append(out, d+"/"+file)
			}
		}
	}
	switch p.Kind {
	case site.KindHome:
		return []string{"index.html", "_default/home.html", "_default/list.html"}
	case site.KindSection:
		add([]string{p.Type, p.Section}, "list.html")
		return append(out, "_default/section.html", "_default/list.html")
	case site.KindTaxonomy:
		return []string{"taxonomy/" + p.Taxonomy.Plural + ".html", "_default/taxonomy.html", "_default/list.html"}
	case site.KindTerm:
		return []string{"term/" + p.Taxonomy.Plural + ".html", "_default/term.html", "_default/list.html"}
	case site.KindArchive:
		return []string{"_default/archive.html", "_default/list.html"}
	case site.KindPrint:
		return []string{p.Type + "/print.html", "_default/print.html"}
	case site.KindCatalogue:
		return []string{"_default/publications.html", "_default/list.html"}
	case site.KindSearch:
		return []string{"_default/search.html"}
	case site.KindPage:
		if p.Layout != "" {
			add([]string{p.Type, p.Section, "_default"}, p.Layout+".html")
		}
		add([]string{p.Type, p.Section, "_default"}, "single.html")
		return out
	}
	return []string{string(p.Kind) + ".html"}
}

// Execute renders p. A failure comes back as one positioned diagnostic.
func (t *Templates) Execute(p *site.Page) ([]byte, *diag.Diagnostic) {
	name := t.Lookup(p)
	if name == "" && t.brokenFor(p) {
		return nil, nil // the template's own error says it all; one line, not one per page
	}
	if name == "" {
		file := p.Source
		if file == "" {
			file = SiteDir
		}
		return nil, &diag.Diagnostic{Pos: diag.Pos{File: file}, Msg: fmt.Sprintf("no layout for this %s page: looked for %s", p.Kind, strings.Join(candidates(p), ", "))}
	}
	c := t.composed[name]
	c.ready()
	b := renderBuffers.Get().(*bytes.Buffer)
	defer renderBuffers.Put(b)
	b.Reset()
	if err := c.set.ExecuteTemplate(b, c.exec, p); err != nil {
		d := templateDiagnostic(err, t.displayName, t.sourceText)
		return nil, &d
	}
	return bytes.Clone(b.Bytes()), nil
}

// renderBuffers are the buffers pages and partials render into: grown once
// to the size of the largest page, then reused, so that an output is
// allocated once, at its size, rather than doubled up to it.
var renderBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func (t *Templates) sourceText(name string) string {
	if pf, ok := t.parsed[name]; ok {
		return pf.text
	}
	return ""
}

func (t *Templates) displayName(name string) string {
	if src, ok := t.files.winner(name); ok {
		return src.display
	}
	return name
}

// templatePos matches the position that text/template and html/template
// put at the start of their messages. The template packages return errors
// as text only, so this is where bantin reads a position out of a message.
var templatePos = regexp.MustCompile(`^(?:html/)?template: ?([^:]+):(\d+):(?:(\d+):)? ?(.*)$`)

func templateDiagnostic(err error, display, text func(string) string) diag.Diagnostic {
	msg := err.Error()
	m := templatePos.FindStringSubmatch(msg)
	if m == nil {
		return diag.Diagnostic{Pos: diag.Pos{File: SiteDir}, Msg: msg}
	}
	line, _ := strconv.Atoi(m[2])
	col := 0
	if m[3] != "" {
		byteCol, _ := strconv.Atoi(m[3])
		col = runeColumn(text(m[1]), line, byteCol)
	} else {
		col = guessColumn(text(m[1]), line, m[4])
	}
	return diag.Diagnostic{Pos: diag.Pos{File: display(m[1]), Line: line, Col: col}, Msg: strings.TrimSpace(m[4])}
}

// quotedToken is the first quoted token of a parse error ("unexpected
// \"}\" in operand").
var quotedToken = regexp.MustCompile(`"([^"]+)"|<([^>]+)>`)

// guessColumn finds the column of a parse error, which text/template
// reports by line only: the token the message quotes, inside the line's
// first action that holds it, else the first action left unclosed, else
// the line's first action, else 0.
func guessColumn(text string, line int, msg string) int {
	lines := strings.SplitN(text, "\n", line+1)
	if line < 1 || line > len(lines) {
		return 0
	}
	l := lines[line-1]
	tok := ""
	if m := quotedToken.FindStringSubmatch(msg); m != nil {
		tok = m[1] + m[2]
	}
	col := func(off int) int { return utf8.RuneCountInString(l[:off]) + 1 }
	unclosed := -1
	for a := 0; ; {
		i := strings.Index(l[a:], "{{")
		if i < 0 {
			break
		}
		start := a + i + 2
		end := strings.Index(l[start:], "}}")
		inner := l[start:]
		if end >= 0 {
			inner = l[start : start+end]
		} else if unclosed < 0 {
			unclosed = start - 2
		}
		if j := strings.Index(inner, tok); tok != "" && j >= 0 {
			return col(start + j)
		}
		if end < 0 {
			break
		}
		a = start + end + 2
	}
	if unclosed >= 0 {
		return col(unclosed)
	}
	if i := strings.Index(l, "{{"); i >= 0 {
		return col(i)
	}
	return 0
}

// runeColumn turns text/template's 0-based byte column on line into a
// 1-based rune column.
func runeColumn(text string, line, byteCol int) int {
	lines := strings.SplitN(text, "\n", line+1)
	if line < 1 || line > len(lines) || byteCol > len(lines[line-1]) {
		return byteCol + 1
	}
	return utf8.RuneCountInString(lines[line-1][:byteCol]) + 1
}
