package build

import (
	"errors"
	"io/fs"
	"path"
	"strings"

	"bantin/internal/diag"
	"bantin/internal/feed"
	"bantin/internal/highlight"
	"bantin/internal/layout"
	"bantin/internal/output"
	"bantin/internal/parallel"
	"bantin/internal/redirect"
	"bantin/internal/site"
	"bantin/internal/sitefs"
	"bantin/internal/sitemap"
)

// StaticDir is the site's folder of files published as they are.
const StaticDir = "static"

// extraFiles returns every output that is not a page and not made before
// the templates (feedsAndSitemap, the QR codes, the search index): 404,
// aliases, robots.txt, the code stylesheet, theme and site static files
// (static, listed with the inputs), and content files (bundle resources
// and assets).
func extraFiles(fsys fs.FS, s *site.Site, tmpls *layout.Templates, static []treeFile, dl *diag.List) []output.File {
	var files []output.File
	add := func(p, source string, data []byte, err error) {
		if err != nil {
			dl.Errorf(diag.Pos{File: source}, "%v", err)
			return
		}
		files = append(files, output.File{Path: p, Data: data, Source: source})
	}
	files = append(files, notFoundPage(s, tmpls, dl)...)
	for _, p := range s.All {
		for _, a := range p.Redirects() {
			add(strings.TrimPrefix(a, "/")+aliasIndex(a), p.Source, redirect.HTML(p.RelPermalink, s.Config.LanguageCode, tmpls.Strings.Translate("redirecting")), nil)
		}
	}
	add("robots.txt", "robots.txt", []byte("User-agent: *\nAllow: /\nSitemap: "+s.Config.AbsURL("/"+sitemap.Path)+"\n"), nil)
	css, err := highlight.Stylesheet(s.Config.Markup.HighlightStyle)
	add(highlight.StylesheetPath, "code stylesheet", css, err)
	files = append(files, lowerThemeScripts(copyTree(layout.Static(), ".", "theme static", dl), dl)...)
	files = overlay(files, readTree(fsys, static, dl))
	files = append(files, contentFiles(fsys, s, dl)...)
	return files
}

func aliasIndex(alias string) string {
	if strings.HasSuffix(alias, "/") {
		return "index.html"
	}
	return ""
}

// notFound is the made-up page that 404.html renders.
func notFound(s *site.Site, tmpls *layout.Templates) *site.Page {
	return &site.Page{Kind: site.KindNotFound, Title: tmpls.Strings.Translate("notFoundTitle"), URL: "/404.html", OutPath: "404.html", Site: s, Params: map[string]any{}}
}

func notFoundPage(s *site.Site, tmpls *layout.Templates, dl *diag.List) []output.File {
	html, problem := tmpls.Execute(notFound(s, tmpls))
	if problem != nil {
		dl.Errorf(problem.Pos, "%s (rendering the 404 page)", problem.Msg)
		return nil
	}
	return []output.File{{Path: "404.html", Data: html, Source: "the 404 page"}}
}

// overlay returns base with every file of top added, top winning on equal
// paths (the site's static/ over the theme's).
func overlay(base, top []output.File) []output.File {
	taken := map[string]bool{}
	for _, f := range top {
		taken[f.Path] = true
	}
	out := top
	for _, f := range base {
		if !taken[f.Path] {
			out = append(out, f)
		}
	}
	return out
}

// copyTree reads every file under root of fsys as an output at its path
// below root. Entries it will not read (a symlink out of the site, a named
// pipe) are errors at their path.
func copyTree(fsys fs.FS, root, source string, dl *diag.List) []output.File {
	return readTree(fsys, listTree(fsys, root, source, dl), dl)
}

// treeFile is a file found under a tree that is published as it is.
type treeFile struct {
	src    string // path in fsys
	out    string // output path
	source string // what to name it by: "static/css/x.css"
}

// listTree finds every file under root of fsys without reading it, so that
// the build can report what it refuses (a symlink out of the site, a named
// pipe) with the other input errors, before any output is made.
func listTree(fsys fs.FS, root, source string, dl *diag.List) []treeFile {
	var files []treeFile
	err := sitefs.Walk(fsys, root, sitefs.Walker{
		Skip: func(name string) bool { return strings.HasPrefix(name, ".") },
		File: func(p string) {
			rel := strings.TrimPrefix(strings.TrimPrefix(p, root), "/")
			files = append(files, treeFile{src: p, out: rel, source: path.Join(source, rel)})
		},
		Refuse: func(p, why string) {
			dl.Errorf(diag.Pos{File: path.Join(source, strings.TrimPrefix(p, root))}, "%s", why)
		},
	})
	if err != nil && !(root == StaticDir && errors.Is(err, fs.ErrNotExist)) {
		dl.Errorf(diag.Pos{File: source}, "read: %v", err)
	}
	return files
}

// readTree reads the files listTree found.
func readTree(fsys fs.FS, tree []treeFile, dl *diag.List) []output.File {
	files := make([]output.File, 0, len(tree))
	for _, f := range tree {
		data, err := fs.ReadFile(fsys, f.src)
		if err != nil {
			dl.Errorf(diag.Pos{File: f.source}, "read: %v", err)
			continue
		}
		files = append(files, output.File{Path: f.out, Data: data, Source: f.source})
	}
	return files
}

func contentFiles(fsys fs.FS, s *site.Site, dl *diag.List) []output.File {
	var files []output.File
	read := func(r site.Resource) {
		data, err := fs.ReadFile(fsys, r.Source)
		if err != nil {
			dl.Errorf(diag.Pos{File: r.Source}, "read: %v", err)
			return
		}
		files = append(files, output.File{Path: r.OutPath, Data: data, Source: r.Source})
	}
	for _, p := range s.Pages {
		for _, r := range p.Resources {
			read(r)
		}
	}
	for _, r := range s.Assets {
		read(r)
	}
	return files
}

// feedsAndSitemap returns the feeds of every list and the sitemap. Both
// need only the site model.
func feedsAndSitemap(s *site.Site, dl *diag.List) []output.File {
	files := feedFiles(s, dl)
	data, err := sitemap.XML(s.All)
	if err != nil {
		dl.Errorf(diag.Pos{File: "sitemap"}, "%v", err)
		return files
	}
	return append(files, output.File{Path: sitemap.Path, Data: data, Source: "sitemap"})
}

// feedFiles returns the RSS and Atom feeds of every list, made on every
// core: a site with taxonomies has hundreds of lists. One feed.Writer
// encodes each page's entry once for every feed that lists it.
func feedFiles(s *site.Site, dl *diag.List) []output.File {
	made := make([][2]output.File, len(s.Lists))
	errs := make([][2]error, len(s.Lists))
	w := feed.NewWriter()
	parallel.For(len(s.Lists), func(i int) {
		p := s.Lists[i]
		rss, err := w.RSS(p)
		made[i][0], errs[i][0] = output.File{Path: feed.RSSPath(p), Data: rss, Source: "feed " + p.URL}, err
		atom, err := w.Atom(p)
		made[i][1], errs[i][1] = output.File{Path: feed.AtomPath(p), Data: atom, Source: "feed " + p.URL}, err
	})
	var files []output.File
	for i, pair := range made {
		for k, f := range pair {
			if errs[i][k] != nil {
				dl.Errorf(diag.Pos{File: f.Source}, "%v", errs[i][k])
				continue
			}
			files = append(files, f)
		}
	}
	return files
}
