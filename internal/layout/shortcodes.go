package layout

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"path"
	"strings"
	"time"

	"bantin/internal/config"
	"bantin/internal/content"
	"bantin/internal/diag"
	"bantin/internal/markdown"
	"bantin/internal/shortcode"
	"bantin/internal/site"
)

// ShortcodeDir holds the shortcode templates, in the theme and the site.
const ShortcodeDir = "shortcodes"

// ShortcodePage is what a shortcode template knows of its page (.Page):
// shortcodes are rendered with the Markdown, before the site is assembled,
// so it holds the front matter and the URLs, not the lists.
type ShortcodePage struct {
	Title, LinkTitle, Section, Kind string
	Date                            time.Time
	Params                          map[string]any
	RelPermalink, Permalink         string
	File                            string          // "content/bai-viet/x.md"
	Resources                       []site.Resource // the files of its bundle

	rel     string
	resolve markdown.Resolver
	images  markdown.ImageFinder // the processed copies of its images; nil: none
}

// NewShortcodePage is the .Page of the shortcodes called in d.
func NewShortcodePage(d *content.Doc, ix *site.Index, cfg *config.Config) *ShortcodePage {
	p := &ShortcodePage{Title: d.Front.Title, LinkTitle: d.Front.LinkTitle, Section: d.Section, Kind: string(d.Kind),
		Date: d.Front.Date, Params: d.Front.Params, File: d.Path, rel: d.Rel, resolve: ix.Resolver(d.Rel)}
	if p.LinkTitle == "" {
		p.LinkTitle = p.Title
	}
	if u := ix.URLOf(d.Rel); u != "" {
		p.RelPermalink, p.Permalink = cfg.RelURL(u), cfg.AbsURL(u)
	}
	p.Resources = ix.Resources(d.Resources)
	return p
}

// ShortcodeSite is .Site in a shortcode template.
type ShortcodeSite struct {
	Title, BaseURL, LanguageCode string
	Params                       map[string]any
	Config                       *config.Config
}

// ShortcodeContext is the data of a shortcode template: Hugo's .Get,
// .Inner, .Page, .Site, .Params, .IsNamedParams, .Position, .Name.
type ShortcodeContext struct {
	Name          string
	Inner         template.HTML
	Page          *ShortcodePage
	Site          *ShortcodeSite
	Position      diag.Pos // prints as content/a.md:12:1
	IsNamedParams bool
	// Parent is the pair the call is in (a figure in a gallery), with
	// .Name, .Get and .Params; nil at the top of the page.
	Parent *ShortcodeContext
	call   *shortcode.Call
	warn   func(msg string)
}

// Warnf reports a warning at the call (the build goes on) and writes
// nothing: {{ .Warnf "figure %s: no alt text" $src }}.
func (c *ShortcodeContext) Warnf(format string, args ...any) string {
	if c.warn != nil {
		c.warn(fmt.Sprintf("shortcode %q: ", c.Name) + fmt.Sprintf(format, args...))
	}
	return ""
}

// Get returns the argument named key, or at index key; "" when absent.
func (c *ShortcodeContext) Get(key any) string {
	v, _ := c.call.Get(key)
	return v
}

// Require is Get for an argument the block cannot do without: its absence
// fails the call, at the call's position.
func (c *ShortcodeContext) Require(key any) (string, error) {
	if v, ok := c.call.Get(key); ok && v != "" {
		return v, nil
	}
	if k, ok := key.(string); ok && !isDigits(k) {
		return "", callErrorf("missing required argument %s=\"…\"", k)
	}
	return "", callErrorf("missing required argument %v (positional, counted from 0)", key)
}

// Params is the arguments: a map of names to values when they are named,
// else the list of values.
func (c *ShortcodeContext) Params() any {
	if c.call.Named {
		m := map[string]string{}
		for _, a := range c.call.Args {
			m[a.Key] = a.Value
		}
		return m
	}
	var list []string
	for _, a := range c.call.Args {
		list = append(list, a.Value)
	}
	return list
}

// CallError is a problem with a call (an argument missing or wrong, a
// file that is not there), reported at the call; errorf in a shortcode
// template makes one.
type CallError struct{ Msg string }

func (e *CallError) Error() string { return e.Msg }

func callErrorf(format string, args ...any) *CallError {
	return &CallError{Msg: fmt.Sprintf(format, args...)}
}

func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// shortcodeRenderer renders the shortcodes called in d with t: the
// template shortcodes/NAME.html of the site's layouts/, else the theme's.
func shortcodeRenderer(t *Templates, d *content.Doc, ix *site.Index, images markdown.ImageFinder) markdown.Shortcodes {
	var page *ShortcodePage // made at the first call: most pages have none
	return func(c markdown.ShortcodeCall) (template.HTML, error) {
		name := path.Join(ShortcodeDir, c.Name+".html")
		ct := t.composed[name]
		if ct == nil {
			if t.broken[name] {
				return "", nil // reported where the template is
			}
			return "", fmt.Errorf("unknown shortcode %q: neither layouts/%s nor the theme has it", c.Name, name)
		}
		usesInner := strings.Contains(t.parsed[name].text, ".Inner")
		if !c.Paired && !c.Closed && usesInner {
			return "", fmt.Errorf("shortcode %q is not closed: its text ends with {{< /%s >}}", c.Name, c.Name)
		}
		if c.Paired && !usesInner {
			return "", fmt.Errorf("shortcode %q takes no text, yet it has a closing tag {{< /%s >}}: the text between would be lost", c.Name, c.Name)
		}
		if page == nil {
			page = NewShortcodePage(d, ix, t.site.Config)
			page.images = images
		}
		ctx := &ShortcodeContext{Name: c.Name, Inner: c.Inner, Page: page, Site: t.site, Position: c.Pos, IsNamedParams: c.Named, call: c.Call, warn: c.Warn}
		if p := c.Parent; p != nil {
			ctx.Parent = &ShortcodeContext{Name: p.Name, Page: page, Site: t.site, IsNamedParams: p.Named, call: p}
		}
		var b bytes.Buffer
		ct.ready()
		if err := ct.set.ExecuteTemplate(&b, ct.exec, ctx); err != nil {
			var ce *CallError
			if errors.As(err, &ce) {
				return "", fmt.Errorf("shortcode %q: %s", c.Name, ce.Msg)
			}
			return "", fmt.Errorf("shortcode %q: %v", c.Name, err)
		}
		return template.HTML(strings.TrimSpace(b.String())), nil
	}
}
