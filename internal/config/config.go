package config

import (
	"io/fs"
	"net/url"
	"sort"
	"strings"
	"time"
	_ "time/tzdata" // time zones work on machines without a zone database

	"bantin/internal/diag"
	"bantin/internal/highlight"
	"bantin/internal/meta"
	"bantin/internal/qr"
)

// File is the config file's usual name at the site root; see [Files] for
// every name bantin reads.
const File = "config.toml"

// Config is the decoded, defaulted and validated config file.
type Config struct {
	Title        string                 `toml:"title"`
	BaseURL      string                 `toml:"baseURL"`
	LanguageCode string                 `toml:"languageCode"`
	TimeZone     string                 `toml:"timeZone"`
	Description  string                 `toml:"description"`
	Copyright    string                 `toml:"copyright"`
	Image        string                 `toml:"image"`
	Feeds        Feeds                  `toml:"feeds"`
	Pagination   Pagination             `toml:"pagination"`
	Markup       Markup                 `toml:"markup"`
	Taxonomies   map[string]string      `toml:"taxonomies"`
	Types        map[string]string      `toml:"types"`
	Related      Related                `toml:"related"`
	QR           QR                     `toml:"qr"`
	Print        Print                  `toml:"print"`
	Images       Images                 `toml:"images"`
	Menus        map[string][]MenuEntry `toml:"menus"`
	Params       map[string]any         `toml:"params"`

	Location *time.Location `toml:"-"` // TimeZone, loaded
	Base     *url.URL       `toml:"-"` // BaseURL, parsed; Path ends in "/"
	// Source is the config file that was read ("hugo.toml"); "" when the
	// site has none.
	Source string `toml:"-"`
	// TaxonomyList is [taxonomies] read in either form, in plural order.
	TaxonomyList []Taxonomy `toml:"-"`

	doc *meta.Document // the file as read, for key positions; nil without one
}

// Pagination configures paged lists.
type Pagination struct {
	PagerSize int `toml:"pagerSize"`
}

// Markup configures Markdown rendering.
type Markup struct {
	Unsafe         bool   `toml:"unsafe"`
	Typographer    *bool  `toml:"typographer"`
	HighlightStyle string `toml:"highlightStyle"`
	LineNumbers    bool   `toml:"lineNumbers"`
}

// Images configures the processing of content images (internal/imaging).
type Images struct {
	// RequireAlt makes an image without alt text an error rather than a
	// warning, for sites bound by the accessibility rules.
	RequireAlt bool `toml:"requireAlt"`
}

// Feeds configures RSS and Atom feeds.
type Feeds struct {
	Limit       int  `toml:"limit"`
	FullContent bool `toml:"fullContent"`
}

// Related configures related-page lists.
type Related struct {
	Count int `toml:"count"`
}

// QR configures the QR codes of pages.
type QR struct {
	Level       qr.Level `toml:"level"`      // parsed once here: upper case, L, M, Q or H
	PrintLevel  qr.Level `toml:"printLevel"` // codes in print editions: Q unless set
	SizeMM      float64  `toml:"sizeMM"`
	DPI         int      `toml:"dpi"`
	Social      string   `toml:"social"`
	SocialLabel string   `toml:"socialLabel"`
}

// MenuEntry is one link of a menu.
type MenuEntry struct {
	Name   string `toml:"name"`
	URL    string `toml:"url"`
	Weight int    `toml:"weight"`
}

// Load reads the config file (the first of [Files] present) from the root
// of fsys; none gives the defaults. baseURL, when not empty, overrides the
// file's.
func Load(fsys fs.FS, baseURL string, dl *diag.List) *Config {
	c := &Config{Source: find(fsys, dl)}
	if c.Source != "" {
		if doc := parse(fsys, c.Source, dl); doc != nil {
			c.decode(doc, dl)
		}
	}
	if baseURL != "" {
		c.BaseURL = baseURL
	}
	c.setDefaults(dl)
	c.TaxonomyList = taxonomyList(c.Taxonomies, c.taxonomyPos, dl)
	return c
}

func (c *Config) decode(doc *meta.Document, dl *diag.List) {
	c.doc = doc
	readHugoSettings(doc, dl)
	doc.Decode(c, time.UTC, dl)
	c.checkRanges(dl)
}

func (c *Config) taxonomyPos(key string) diag.Pos { return c.pos("taxonomies", key) }

// Pos returns the position of a key path of the config file ("qr",
// "level"), of the file when no key is given, or config.toml's when the
// site has no config file.
func (c *Config) Pos(key ...string) diag.Pos { return c.pos(key...) }

func (c *Config) setDefaults(dl *diag.List) {
	if c.Title == "" {
		c.Title = "Bản tin"
	}
	if c.LanguageCode == "" {
		c.LanguageCode = "vi"
	}
	if c.TimeZone == "" {
		c.TimeZone = "Asia/Ho_Chi_Minh"
	}
	loc, err := time.LoadLocation(c.TimeZone)
	if err != nil {
		dl.Errorf(c.pos("timeZone"), "timeZone %q is not a known time zone", c.TimeZone)
		loc = time.UTC
	}
	c.Location = loc
	if c.BaseURL == "" {
		dl.Warnf(c.pos(), "baseURL is not set; using http://localhost:1313/")
		c.BaseURL = "http://localhost:1313/"
	}
	u, err := url.Parse(c.BaseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		dl.Errorf(c.pos("baseURL"), "baseURL %q must be an absolute http(s) URL such as https://danvan.example.vn/", c.BaseURL)
		u, _ = url.Parse("http://localhost:1313/")
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	c.Base = u
	if c.Pagination.PagerSize <= 0 {
		c.Pagination.PagerSize = 10
	}
	if c.Markup.HighlightStyle != "" && !highlight.Known(c.Markup.HighlightStyle) {
		dl.Errorf(c.pos("markup", "highlightStyle"), "markup.highlightStyle %q is not a chroma style (such as github, monokai, dracula, friendly)", c.Markup.HighlightStyle)
		c.Markup.HighlightStyle = ""
	}
	if c.Markup.HighlightStyle == "" {
		c.Markup.HighlightStyle = "github"
	}
	if c.Markup.Typographer == nil {
		on := true
		c.Markup.Typographer = &on
	}
	if c.Feeds.Limit <= 0 {
		c.Feeds.Limit = 20
	}
	if c.Related.Count <= 0 {
		c.Related.Count = 5
	}
	if c.Taxonomies == nil {
		c.Taxonomies = map[string]string{"topics": "Chủ đề", "tags": "Thẻ", "authors": "Tác giả"}
	}
	c.Types = withDefaultTypes(c.Types)
	c.QR.setDefaults(c.pos, dl)
	c.Print.setDefaults(c.pos, dl)
	for name := range c.Menus {
		sortMenu(c.Menus[name])
	}
}

func withDefaultTypes(types map[string]string) map[string]string {
	out := map[string]string{"bai-viet": "article", "to-gap": "leaflet", "so-tay": "handbook", "ban-tin": "bulletin"}
	for k, v := range types {
		out[k] = v
	}
	return out
}

func sortMenu(entries []MenuEntry) {
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].Weight < entries[j].Weight })
}

// RelURL returns the site-relative URL of a root-relative path: with
// baseURL https://x.vn/ban-tin/, "/a/" becomes "/ban-tin/a/".
func (c *Config) RelURL(p string) string {
	if strings.Contains(p, "://") {
		return p
	}
	return strings.TrimSuffix(c.Base.Path, "/") + "/" + strings.TrimPrefix(p, "/")
}

// AbsURL returns the absolute URL of a root-relative path.
func (c *Config) AbsURL(p string) string {
	if strings.Contains(p, "://") {
		return p
	}
	return c.Base.Scheme + "://" + c.Base.Host + c.RelURL(p)
}

func (q *QR) setDefaults(pos func(key ...string) diag.Pos, dl *diag.List) {
	q.Level = qrLevel(q.Level, qr.M, "qr.level", pos("qr", "level"), dl)
	q.PrintLevel = qrLevel(q.PrintLevel, qr.Q, "qr.printLevel", pos("qr", "printLevel"), dl)
	if q.SizeMM <= 0 {
		q.SizeMM = 25
	}
	if q.DPI <= 0 {
		q.DPI = 300
	}
	if q.Social != "" && !strings.HasPrefix(q.Social, "https://") && !strings.HasPrefix(q.Social, "http://") {
		dl.Errorf(pos("qr", "social"), "qr.social %q must be an http(s) URL", q.Social)
		q.Social = ""
	}
}

// qrLevel returns the error-correction level written as level, or def when
// none is; anything but L, M, Q or H is an error at key.
func qrLevel(level, def qr.Level, key string, pos diag.Pos, dl *diag.List) qr.Level {
	if level == "" {
		return def
	}
	l, err := qr.ParseLevel(string(level))
	if err != nil {
		dl.Errorf(pos, "%s %q must be L, M, Q or H", key, level)
		return def
	}
	return l
}
