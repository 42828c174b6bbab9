package site

import (
	"slices"
	"sort"

	"bantin/internal/content"
	"bantin/internal/diag"
	"bantin/internal/vi"
)

// Options are the choices of Assemble.
type Options struct {
	Labels Labels
	// NoBrowse leaves out taxonomies, related pages and the archive: with
	// Paginate(s, false), the site without its browsing features, to
	// measure what they cost.
	NoBrowse bool
	// Diags receives the warnings of assembling (a term page's _index.md
	// whose term no page has); nil drops them.
	Diags *diag.List
}

// Assemble builds the site from the shown documents and their rendered
// Markdown, kept in the text store (results[i] belongs to set.Docs[i]).
func Assemble(ix *Index, set *content.Set, results []*Rendered, opts Options) *Site {
	cfg := ix.cfg
	s := &Site{Config: cfg, Title: cfg.Title, Menus: menus(ix)}
	sections := map[string]*Page{}
	own := ownPages{}
	var pages []*Page
	for i, d := range set.Docs {
		p := ix.newPage(d, results[i])
		p.Site = s
		switch d.Kind {
		case content.KindHome:
			s.Home = p
		case content.KindSection:
			sections[d.Section] = p
		case content.KindTaxonomy, content.KindTerm:
			own.add(p)
		default:
			pages = append(pages, p)
		}
	}
	if s.Home == nil {
		s.Home = ix.madeUpPage(KindHome, "", cfg.Title, "/")
		s.Home.Site = s
	}
	for _, p := range pages {
		if p.Section == "" {
			p.Parent = s.Home
			continue
		}
		sec, ok := sections[p.Section]
		if !ok {
			sec = ix.madeUpPage(KindSection, p.Section, p.Section, "/"+slugPath(p.Section)+"/")
			sec.Site = s
			sections[p.Section] = sec
		}
		p.Parent = sec
		sec.Pages = append(sec.Pages, p)
	}
	sortNewestFirst(pages)
	s.Pages = pages
	s.Home.Pages = pages
	for _, sec := range sections {
		sec.Parent = s.Home
		sortNewestFirst(sec.Pages)
		sec.newest = sec.Pages
		if weighted(sec.Pages) {
			sec.Pages = slices.Clone(sec.Pages)
			sortSection(sec.Pages)
		}
		s.Sections = append(s.Sections, sec)
	}
	sort.Slice(s.Sections, func(i, j int) bool {
		a, b := s.Sections[i], s.Sections[j]
		if a.Weight != b.Weight {
			return a.Weight < b.Weight
		}
		return a.Section < b.Section
	})
	for _, sec := range s.Sections {
		linkNeighbours(sec.newest)
	}
	s.All = append(append([]*Page{s.Home}, s.Sections...), pages...)
	s.Lists = append([]*Page{s.Home}, s.Sections...)
	s.Assets = ix.assets
	if opts.NoBrowse {
		return s
	}
	s.Taxonomies = ix.taxonomies(s, pages, own, opts)
	computeRelated(pages, s.Taxonomies, cfg.Related.Count)
	s.Archive = ix.buildArchive(s, pages, opts.Labels)
	for _, t := range s.Taxonomies {
		s.All = append(s.All, t.Page)
		for _, term := range t.Terms {
			s.All = append(s.All, term.Page)
			s.Lists = append(s.Lists, term.Page)
		}
	}
	s.All = append(s.All, archivePages(s.Archive)...)
	return s
}

// taxonomies builds every configured taxonomy, in plural order, with its
// index page and a page per term; own holds the pages written for them
// (content/PLURAL/_index.md, content/PLURAL/TERM/_index.md).
func (ix *Index) taxonomies(s *Site, pages []*Page, own ownPages, opts Options) []*Taxonomy {
	collator := vi.NewCollator()
	var out []*Taxonomy
	for _, ct := range ix.cfg.TaxonomyList {
		t := buildTaxonomy(ct.Plural, ct.Name, pages, collator)
		t.Slug = ct.Slug
		t.Page = own.taxonomy[ct.Plural]
		switch {
		case t.Page != nil && t.Page.Title != "":
			t.Name = t.Page.Title
		case t.Name == "":
			t.Name = opts.Labels.taxonomy(ct.Plural)
		}
		t.Page = ix.listPage(t.Page, KindTaxonomy, t.Name, "/"+t.Slug+"/")
		t.Page.Site, t.Page.Parent, t.Page.Taxonomy = s, s.Home, t
		terms := own.terms[ct.Plural]
		for _, term := range t.Terms {
			ownPage := terms[term.Slug]
			delete(terms, term.Slug)
			term.Page = ix.listPage(ownPage, KindTerm, term.Name, "/"+t.Slug+"/"+term.Slug+"/")
			term.Page.Site, term.Page.Parent, term.Page.Taxonomy, term.Page.Term = s, t.Page, t, term
			term.Page.Pages = term.Pages
		}
		for _, p := range terms {
			if opts.Diags != nil {
				opts.Diags.Warnf(p.Doc.Pos(), "no page has the term %q of %s: this page is not published", p.Doc.Term, ct.Plural)
			}
		}
		out = append(out, t)
	}
	return out
}

// ownPages are the pages written for taxonomies and terms, by plural and
// (terms) by the slug of their folder name.
type ownPages struct {
	taxonomy map[string]*Page
	terms    map[string]map[string]*Page
}

func (o *ownPages) add(p *Page) {
	d := p.Doc
	if d.Kind == content.KindTaxonomy {
		if o.taxonomy == nil {
			o.taxonomy = map[string]*Page{}
		}
		o.taxonomy[d.Taxonomy] = p
		return
	}
	if o.terms == nil {
		o.terms = map[string]map[string]*Page{}
	}
	if o.terms[d.Taxonomy] == nil {
		o.terms[d.Taxonomy] = map[string]*Page{}
	}
	o.terms[d.Taxonomy][vi.Slug(d.Term)] = p
}

// listPage returns the list page of a taxonomy or term at url: own, the
// page written for it, with its front matter's title when it has one, or a
// made-up page titled title.
func (ix *Index) listPage(own *Page, kind content.Kind, title, url string) *Page {
	if own == nil {
		return ix.madeUpPage(kind, "", title, url)
	}
	own.Kind, own.Type = kind, ""
	if own.Title == "" {
		own.Title = title
	}
	ix.setURL(own, url)
	return own
}

// Pagination is what Paginate returns: the first pager of every paginated
// list, and the pages of the later pagers (copies of their list).
type Pagination struct {
	First map[*Page]*Pager
	Later []*Page
}

// Paginate splits every list page of s (but taxonomy indexes and archive
// pages with children, which list those) into pagers of the configured
// size; with all, the second and later pagers are returned too, without it
// lists show their first pager only. It changes no page and needs no
// order: the build stores the result in Site.Pagination and Site.Pagers.
func (ix *Index) Paginate(s *Site, all bool) Pagination {
	size := ix.cfg.Pagination.PagerSize
	out := Pagination{First: map[*Page]*Pager{}}
	for _, p := range s.All {
		if !p.IsList() || p.Kind == KindTaxonomy || len(p.Children) > 0 {
			continue // taxonomy indexes list terms; archive index and years list their children
		}
		pagers, pages := ix.paginate(p, size)
		out.First[p] = pagers[0]
		if all {
			out.Later = append(out.Later, pages[1:]...)
		}
	}
	return out
}

func (ix *Index) newPage(d *content.Doc, r *Rendered) *Page {
	e := ix.pages[d.Rel]
	typ := d.Front.Type
	if typ == "" {
		typ = ix.cfg.Types[d.Section]
	}
	if typ == "" {
		typ = d.Section
	}
	if typ == "" {
		typ = "page"
	}
	p := &Page{
		Kind: d.Kind, Type: typ, Section: d.Section, Layout: d.Front.Layout, ID: d.Front.ID,
		Title: d.Front.Title, linkTitle: d.Front.LinkTitle, Date: d.Front.Date, Weight: d.Front.Weight,
		Terms: d.Terms, Source: d.Path, Aliases: e.aliases,
	}
	for _, res := range d.Resources {
		p.Resources = append(p.Resources, *ix.files[res])
	}
	Refresh(p, d, r)
	ix.setURL(p, e.url)
	return p
}

// Refresh sets the fields of p that come from content.Inputs, the parts of
// a document no other page's shape depends on (its body, summary,
// description, lastmod, keywords), and its image and params, which an
// update in place never changes (they reach everything): Assemble uses it,
// and a dev-server session uses it to update a page in place after an
// edit whose content.Changed reach is less than Everything.
func Refresh(p *Page, d *content.Doc, r *Rendered) {
	p.Doc = d
	p.ContentText, p.toc, p.PlainText, p.WordCount, p.HasCode = r.Content, r.toc, r.Plain, r.WordCount, r.HasCode
	p.sections = r.sections
	p.Summary, p.Description = d.Front.Summary, d.Front.Description
	if p.Summary == "" {
		p.Summary = r.Summary
	}
	if p.Description == "" {
		p.Description = p.Summary
	}
	p.Lastmod, p.Image, p.Params = d.Front.Lastmod, d.Front.Image, d.Front.Params
	if p.Image == "" && len(d.Front.Images) > 0 {
		p.Image = d.Front.Images[0]
	}
	p.Keywords = d.Front.Keywords
	if p.Params == nil {
		p.Params = map[string]any{}
	}
}

func (ix *Index) madeUpPage(kind content.Kind, section, title, url string) *Page {
	p := &Page{Kind: kind, Type: ix.cfg.Types[section], Section: section, Title: title, Params: map[string]any{}, Terms: map[string][]string{}}
	if p.Type == "" {
		p.Type = section
	}
	ix.setURL(p, url)
	return p
}

func (ix *Index) setURL(p *Page, url string) {
	p.URL = url
	p.RelPermalink = ix.cfg.RelURL(url)
	p.Permalink = ix.cfg.AbsURL(url)
	p.OutPath = outPath(url)
}

// sortNewestFirst orders pages by date (newest first), then weight, then
// source path, so that every build orders them the same way.
func sortNewestFirst(pages []*Page) {
	sort.SliceStable(pages, func(i, j int) bool {
		a, b := pages[i], pages[j]
		if !a.Date.Equal(b.Date) {
			return a.Date.After(b.Date)
		}
		if a.Weight != b.Weight {
			return a.Weight < b.Weight
		}
		return a.Source < b.Source
	})
}

func weighted(pages []*Page) bool {
	for _, p := range pages {
		if p.Weight != 0 {
			return true
		}
	}
	return false
}

// sortSection orders a section's pages as Hugo orders a list: pages with a
// weight first, lighter first; then the others newest first (then by
// source path). Without weights it is sortNewestFirst's order.
func sortSection(pages []*Page) {
	sort.SliceStable(pages, func(i, j int) bool {
		a, b := pages[i], pages[j]
		if (a.Weight != 0) != (b.Weight != 0) {
			return a.Weight != 0
		}
		if a.Weight != b.Weight {
			return a.Weight < b.Weight
		}
		if !a.Date.Equal(b.Date) {
			return a.Date.After(b.Date)
		}
		return a.Source < b.Source
	})
}

func menus(ix *Index) map[string][]MenuEntry {
	out := map[string][]MenuEntry{}
	for name, entries := range ix.cfg.Menus {
		for _, e := range entries {
			out[name] = append(out[name], MenuEntry{Name: e.Name, URL: ix.cfg.RelURL(e.URL), Weight: e.Weight})
		}
	}
	return out
}

// MadeUp returns a list page that has no source file, at url.
func (ix *Index) MadeUp(s *Site, kind content.Kind, title, url string) *Page {
	p := ix.madeUpPage(kind, "", title, url)
	p.Site, p.Parent = s, s.Home
	return p
}

// PrintEdition returns the print edition of p, at p's URL + "ban-in/":
// a copy of p of kind "print" that links back to p through Edition.
func (ix *Index) PrintEdition(p *Page) *Page {
	e := *p
	ix.setURL(&e, p.URL+PrintDir+"/")
	e.Kind, e.Edition, e.Aliases, e.pager = KindPrint, p, nil, nil
	return &e
}
