package site

import (
	"html/template"
	"time"

	"bantin/internal/config"
	"bantin/internal/content"
	"bantin/internal/markdown"
)

// Page kinds.
const (
	KindHome    = "home"
	KindSection = "section"
	KindPage    = "page"
)

// Page is one rendered page of the site.
type Page struct {
	Kind        string
	Type        string // content type: article, leaflet, handbook, bulletin, or the section
	Section     string
	Layout      string
	ID          string
	Title       string
	Description string
	Summary     string
	Content     template.HTML
	TOC         []markdown.Heading
	Plain       string
	WordCount   int
	Date        time.Time
	Lastmod     time.Time
	Weight      int
	Image       string
	Params      map[string]any
	Terms       map[string][]string

	URL          string // root-relative path: "/bai-viet/a/"
	RelPermalink string // with the baseURL's path
	Permalink    string // absolute
	OutPath      string // "bai-viet/a/index.html"
	Source       string // "content/bai-viet/a.md"; "" for made-up pages
	Aliases      []string
	Resources    []Resource

	ShortID  string // the page's short code ("dvk001")
	ShortURL string // absolute short link that redirects here; what the QR code holds
	QR       QRFiles

	Pages  []*Page // a list page's pages, newest first
	Parent *Page
	Site   *Site
	Doc    *content.Doc // the source document; nil for made-up pages
}

// QRFiles are the site-relative URLs of a page's QR code files.
type QRFiles struct {
	SVG, PNG string
}

// Resource is a file published with a page or on its own.
type Resource struct {
	Name         string // path inside the bundle ("anh.png")
	Source       string // "content/bai-viet/goi/anh.png"
	OutPath      string
	RelPermalink string
}

// IsPage, IsSection and IsHome report the page's kind, for templates.
func (p *Page) IsPage() bool    { return p.Kind == KindPage }
func (p *Page) IsSection() bool { return p.Kind == KindSection }
func (p *Page) IsHome() bool    { return p.Kind == KindHome }

// ReadingTime is the reading time in whole minutes (200 words a minute,
// at least 1).
func (p *Page) ReadingTime() int {
	return max(1, (p.WordCount+199)/200)
}

// Recent returns up to n of the newest other pages of p's section ("Tin
// khác").
func (p *Page) Recent(n int) []*Page {
	if p.Parent == nil {
		return nil
	}
	var out []*Page
	for _, q := range p.Parent.Pages {
		if len(out) == n {
			break
		}
		if q != p && q.Kind == KindPage {
			out = append(out, q)
		}
	}
	return out
}

// Ancestors returns the pages above p, the home page first (breadcrumbs).
func (p *Page) Ancestors() []*Page {
	var out []*Page
	for a := p.Parent; a != nil; a = a.Parent {
		out = append([]*Page{a}, out...)
	}
	return out
}

// Site is the whole site.
type Site struct {
	Config   *config.Config
	Title    string
	Home     *Page
	Sections []*Page // sorted by weight, then title
	Pages    []*Page // regular pages, newest first
	All      []*Page // every page to render: home, sections, pages
	Menus    map[string][]MenuEntry
	Assets   []Resource // non-Markdown content files outside bundles
}

// MenuEntry is a menu link with its URL made site-relative.
type MenuEntry struct {
	Name   string
	URL    string
	Weight int
}

// Params returns the site's free-form params.
func (s *Site) Params() map[string]any { return s.Config.Params }

// Section returns the section page of that name, or nil.
func (s *Site) Section(name string) *Page {
	for _, p := range s.Sections {
		if p.Section == name {
			return p
		}
	}
	return nil
}
