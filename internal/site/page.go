package site

import (
	"html/template"
	"strings"
	"time"

	"bantin/internal/config"
	"bantin/internal/content"
	"bantin/internal/imaging"
)

// Page kinds: content.Kind, the one list of them.
const (
	KindHome      = content.KindHome
	KindSection   = content.KindSection
	KindPage      = content.KindPage
	KindTaxonomy  = content.KindTaxonomy  // the list of a taxonomy's terms
	KindTerm      = content.KindTerm      // the pages of one term
	KindPrint     = content.KindPrint     // the print edition of a publication
	KindArchive   = content.KindArchive   // the archive's index, a year or a month
	KindNotFound  = content.KindNotFound  // 404.html
	KindSearch    = content.KindSearch    // the search page
	KindCatalogue = content.KindCatalogue // the catalogue of publications
)

// PrintDir is the URL segment of print editions: /to-gap/x/ban-in/.
const PrintDir = "ban-in"

// Page is one rendered page of the site.
type Page struct {
	Kind        content.Kind
	Type        string // content type: article, leaflet, handbook, bulletin, or the section
	Section     string
	Layout      string
	ID          string
	Title       string
	Keywords    []string
	Description string
	Summary     string
	// ContentText and PlainText are the page's HTML and text in the text
	// store; templates read them with .Content and .Plain.
	ContentText Text
	toc         Text // read with .TOC
	PlainText   Text
	WordCount   int
	HasCode     bool // the content has highlighted code (see UsesCode)
	Date        time.Time
	Lastmod     time.Time
	Weight      int
	Image       string
	// Images are the planned copies of the page's images (internal/imaging),
	// by path relative to the page's folder ("anh.jpg"): its bundle's
	// images, the Markdown images it shows and its front-matter image.
	Images map[string]*imaging.Set
	// SharingImage is the 1200×630 copy of the front-matter image (without
	// one, of the first image the page's Markdown shows), for Open Graph;
	// nil when there is no such file bantin processes.
	SharingImage *imaging.Copy
	Params       map[string]any
	Terms        map[string][]string

	URL          string // root-relative path: "/bai-viet/a/"
	RelPermalink string // with the baseURL's path
	Permalink    string // absolute
	OutPath      string // "bai-viet/a/index.html"
	Source       string // "content/bai-viet/a.md"; "" for made-up pages
	Aliases      []string
	Resources    []Resource

	Pages    []*Page // a list page's pages, newest first
	Children []*Page // the archive's years, a year's months
	Year     int     // archive pages: the year shown
	Month    int     // archive pages: the month shown
	Taxonomy *Taxonomy
	Term     *Term

	sections sectionsRecord // read with .Sections
	// A publication's panels, questions, articles and print and PDF URLs
	// are Site.Publishing's: methods of the same names (publishing.go).
	Edition *Page // on a print edition: the page it prints

	Related       []*Page // "Bài liên quan": pages sharing topics and tags
	PrevInSection *Page   // the next older page of the section
	NextInSection *Page   // the next newer page of the section

	Parent *Page
	Site   *Site
	Doc    *content.Doc // the source document; nil for made-up pages

	terms     map[string][]*Term // taxonomy plural → the page's terms, set with the taxonomies
	linkTitle string             // front matter linkTitle
	pagerOf   *Page              // a later pager: the list it is a page of
	pager     *Pager             // a later pager: which one
	// newest: a section's pages newest first, when Pages is in another
	// order (weights); "Tin khác" and previous/next follow dates.
	newest []*Page
}

// Panel is one panel of a leaflet.
type Panel struct {
	Name        string // bia, vat, trong-1, trong-2, trong-3, sau
	Title       string
	Line        int  // the panel heading's line in the source file
	ContentText Text // read with .Content
}

// Content is the panel's HTML.
func (p *Panel) Content() template.HTML { return p.ContentText.HTML() }

// Question is one question of a handbook with its answer.
type Question struct {
	Number     int
	ID         string // "cau-3"
	Text       string // without its "Câu 3." prefix
	AnswerText Text   // the answer's HTML, read with .Answer
	PlainText  Text   // the answer as text, read with .Plain
}

// Answer is the answer's HTML.
func (q Question) Answer() template.HTML { return q.AnswerText.HTML() }

// Plain is the answer as text.
func (q Question) Plain() string { return q.PlainText.String() }

// Content is the page's HTML: its rendered Markdown.
func (p *Page) Content() template.HTML { return p.ContentText.HTML() }

// Plain is the page's text, without markup.
func (p *Page) Plain() string { return p.PlainText.String() }

// SourceLine returns the line of a front-matter key in the page's source
// file, or 1: print templates mark their fixed-size boxes with it so that
// bantin pdf can say where a box that overflows comes from.
func (p *Page) SourceLine(key string) int {
	if p.Doc == nil {
		return 1
	}
	if line := p.Doc.Pos(key).Line; line > 0 {
		return line
	}
	return 1
}

// PrintRule returns the imprint rule of the page's content type (config
// print.rules): which imprint keys it needs, and whether it prints "Tài
// liệu không bán".
func (p *Page) PrintRule() config.PrintRule {
	return p.Site.Config.Print.Rules[p.Type]
}

// Imprint returns the printed publication's imprint.
func (p *Page) Imprint() content.Imprint {
	if p.Doc == nil {
		return content.Imprint{}
	}
	return p.Doc.Front.Print
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

// ImageURL returns the absolute URL of the page's sharing image: the
// 1200×630 copy of its front-matter image when bantin made one, else that
// key as written (a file of its bundle, a site path or a URL), else the
// site's image from config, else "".
func (p *Page) ImageURL() string {
	cfg := p.Site.Config
	switch img := p.Image; {
	case p.SharingImage != nil:
		return cfg.AbsURL("/" + p.SharingImage.Path)
	case img == "":
		if cfg.Image == "" {
			return ""
		}
		return cfg.AbsURL(cfg.Image)
	case strings.Contains(img, "://"):
		return img
	case strings.HasPrefix(img, "/"):
		return cfg.AbsURL(img)
	default:
		return cfg.AbsURL(p.URL + img)
	}
}

// IsList reports whether the page lists other pages.
// LinkTitle is the page's title in lists, menus and breadcrumbs: its front
// matter's linkTitle (Hugo's key), else its title.
func (p *Page) LinkTitle() string {
	if p.linkTitle != "" {
		return p.linkTitle
	}
	return p.Title
}

func (p *Page) IsList() bool { return p.Kind != KindPage }

// TermsOf returns the page's terms of a taxonomy, with their pages and
// URLs, in the order the front matter gives them.
func (p *Page) TermsOf(plural string) []*Term {
	return p.terms[plural]
}

// IsPage, IsSection and IsHome report the page's kind, for templates.
func (p *Page) IsPage() bool    { return p.Kind == KindPage }
func (p *Page) IsSection() bool { return p.Kind == KindSection }
func (p *Page) IsHome() bool    { return p.Kind == KindHome }

// UsesCode reports whether the page shows highlighted code: its own
// content's, or a bulletin issue's articles'. The theme links the code
// stylesheet only then.
func (p *Page) UsesCode() bool {
	if p.HasCode {
		return true
	}
	for _, a := range p.Articles() {
		if a.HasCode {
			return true
		}
	}
	return false
}

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
	siblings := p.Parent.Pages
	if p.Parent.newest != nil {
		siblings = p.Parent.newest
	}
	var out []*Page
	for _, q := range siblings {
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
	Config       *config.Config
	Title        string
	Home         *Page
	Sections     []*Page // sorted by weight, then title
	Pages        []*Page // regular pages, newest first
	All          []*Page // every page once: home, sections, pages, taxonomies, terms, archive
	Pagers       []*Page // the second and later pages of paginated lists
	Lists        []*Page // list pages that have feeds: home, sections, terms
	Taxonomies   []*Taxonomy
	Archive      *Page
	Prints       []*Page // print editions of leaflets, handbooks and bulletin issues (Publishing.Prints)
	Publications *Page   // the catalogue of printed publications (Publishing.Catalogue)
	Publishing   *Publishing
	Menus        map[string][]MenuEntry
	Assets       []Resource // non-Markdown content files outside bundles
	ShortLinks   ShortLinks // every page's short link: shortlink.Assign's result
	// Pagination is the first pager of every paginated list (Paginate's
	// result); later pagers are copies of their list in Pagers.
	Pagination map[*Page]*Pager
}

// MenuEntry is a menu link with its URL made site-relative.
type MenuEntry struct {
	Name   string
	URL    string
	Weight int
}

// Params returns the site's free-form params.
func (s *Site) Params() map[string]any { return s.Config.Params }

// Taxonomy returns the taxonomy of that plural key, or nil.
func (s *Site) Taxonomy(plural string) *Taxonomy {
	for _, t := range s.Taxonomies {
		if t.Plural == plural {
			return t
		}
	}
	return nil
}

// Section returns the section page of that name, or nil.
func (s *Site) Section(name string) *Page {
	for _, p := range s.Sections {
		if p.Section == name {
			return p
		}
	}
	return nil
}
