package shortlink

import (
	"fmt"
	"hash/fnv"
	"path"
	"regexp"
	"strings"

	"bantin/internal/diag"
	"bantin/internal/output"
	"bantin/internal/parallel"
	"bantin/internal/qr"
	"bantin/internal/redirect"
	"bantin/internal/site"
	"bantin/internal/vi"
)

// Dir is the folder of short links under the site root.
const Dir = "l"

var validID = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{1,31}$`)

// Assign returns the short link of every page of s (print editions and
// later pagers find their publication's and list's through it); it
// changes no page.
func Assign(s *site.Site, dl *diag.List) site.ShortLinks {
	links := make(site.ShortLinks, len(s.All))
	owner := map[string]*site.Page{}
	for _, p := range s.All {
		var l site.ShortLink
		id := idOf(p, dl)
		if id == "" {
			l.URL = p.Permalink
		} else {
			if other, taken := owner[id]; taken {
				dl.Errorf(posOf(p), "id %q is also the id of %s; each page needs its own", id, other.Source)
				continue
			}
			owner[id] = p
			l.ID, l.URL = id, s.Config.AbsURL("/"+Dir+"/"+id+"/")
		}
		if hasFolder(p) {
			l.QR = site.QRFiles{SVG: p.RelPermalink + "qr.svg", PNG: p.RelPermalink + "qr.png"}
		}
		links[p] = l
	}
	return links
}

func idOf(p *site.Page, dl *diag.List) string {
	switch {
	case p.IsHome(), !p.IsSection() && p.IsList() && p.ID == "":
		return "" // the home page, taxonomy, term and made-up lists: their own URL is short and stable
	case p.IsSection():
		return vi.Slug(p.Section)
	case p.ID != "":
		if !validID.MatchString(p.ID) {
			dl.Errorf(posOf(p), "id %q must be 2 to 32 lowercase ASCII letters, digits or hyphens", p.ID)
			return DerivedID(p.Source)
		}
		return p.ID
	}
	id := DerivedID(p.Source)
	dl.Warnf(posOf(p), "no id: the QR code and short link change if this file is renamed; add %s to the front matter (bantin fix ids adds it to every page)", idLine(p, id))
	return id
}

func posOf(p *site.Page) diag.Pos {
	if p.Doc == nil {
		return diag.Pos{File: p.Source}
	}
	if p.ID == "" {
		return p.Doc.Pos()
	}
	return p.Doc.Pos("id")
}

// idLine is the id line in the page's own front-matter syntax.
func idLine(p *site.Page, id string) string {
	if p.Doc == nil {
		return fmt.Sprintf("id = %q", id)
	}
	return p.Doc.KeyLine("id", id)
}

// DerivedID makes an id from a content path: stable while the file stays.
// A page without an id gets it, and `bantin fix ids` writes it, so that
// the codes already printed keep working.
func DerivedID(source string) string {
	h := fnv.New64a()
	h.Write([]byte(source))
	return fmt.Sprintf("p%08x", h.Sum64()&0xffffffff)
}

func hasFolder(p *site.Page) bool {
	return strings.HasSuffix(p.OutPath, "/index.html") || p.OutPath == "index.html"
}

// Files makes the redirect page of every short link and the QR files of
// every page, and hands each to add as soon as it is made (from several
// goroutines at once): none waits in memory for the others. redirectText
// is shown on redirect pages. The error is the first page's, in page
// order.
func Files(s *site.Site, cache *qr.Cache, redirectText string, add func(output.File)) error {
	cfg := s.Config.QR
	for _, p := range s.All {
		if p.ShortID() != "" {
			add(output.File{
				Path:   path.Join(Dir, p.ShortID(), "index.html"),
				Data:   redirect.HTML(p.RelPermalink, s.Config.LanguageCode, redirectText),
				Source: p.Source + " (short link)",
			})
		}
	}
	errs := make([]error, len(s.All))
	parallel.For(len(s.All), func(i int) {
		files, err := pageCode(s.All[i], cache, cfg.Level, cfg.SizeMM, cfg.DPI)
		for _, f := range files {
			add(f)
		}
		errs[i] = err
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func pageCode(p *site.Page, cache *qr.Cache, level qr.Level, sizeMM float64, dpi int) ([]output.File, error) {
	if p.QR().SVG == "" {
		return nil, nil
	}
	code, err := cache.Get(p.ShortURL(), level)
	if err != nil {
		return nil, err
	}
	pngData, err := cache.PNG(code, sizeMM, dpi)
	if err != nil {
		return nil, err
	}
	dir := path.Dir(p.OutPath)
	if dir == "." {
		dir = ""
	}
	source := p.Source
	if source == "" {
		source = "the " + string(p.Kind) + " page " + p.URL
	}
	return []output.File{
		{Path: path.Join(dir, "qr.svg"), Data: code.SVG(sizeMM), Source: source + " (QR code)"},
		{Path: path.Join(dir, "qr.png"), Data: pngData, Source: source + " (QR code)"},
	}, nil
}
