package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"bantin/internal/config"
	"bantin/internal/content"
	"bantin/internal/diag"
	"bantin/internal/sitefs"
	"bantin/internal/vi"
)

// kindSections maps a `bantin new` KIND to its section folder.
var kindSections = map[string]string{"article": "bai-viet", "leaflet": "to-gap", "handbook": "so-tay", "bulletin": "ban-tin"}

const newUsage = `Usage: bantin new KIND "Tiêu đề"   start a page from its title: the file name is the title's slug
       bantin new KIND PATH         start a page at content/[SECTION/]PATH
       bantin new [content] PATH    (Hugo's form) start a page at content/PATH, of its folder's kind
       bantin new site DIR          start a new site in DIR

KIND: article (bai-viet/), leaflet (to-gap/), handbook (so-tay/), bulletin (ban-tin/).
A title or a PATH without a folder goes into the kind's section; a page put in
another folder keeps its kind (the scaffold says type = "KIND"). The page starts
as a draft: build or serve with -D to see it. Nothing is ever overwritten.

Flags:`

func runNew(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bantin new", flag.ContinueOnError)
	source := fs.String("source", ".", "the site folder")
	fs.Usage = func() {
		fmt.Fprintln(stderr, newUsage)
		fs.PrintDefaults()
	}
	if status, done := parseFlags(fs, args, stderr); done {
		return status
	}
	var dl diag.List
	site, err := sitefs.Open(*source)
	if err != nil {
		fmt.Fprintf(stderr, "bantin new: %v\n", err)
		return exitUsage
	}
	cfg := config.Load(site, "", &dl)
	kind, arg, ok := newArgs(fs.Args())
	switch {
	case !ok:
		fs.Usage()
		return exitUsage
	case kind == "site":
		return newSite(arg, stdout, stderr)
	}
	section, known := kindSections[kind]
	if kind != "" && !known {
		fmt.Fprintf(stderr, "bantin new: unknown kind %q; use article, leaflet, handbook, bulletin or site\n", kind)
		return exitUsage
	}
	if strings.HasSuffix(arg, "/") || strings.HasSuffix(arg, "\\") {
		fmt.Fprintf(stderr, "bantin new: %q is a folder; give the page's file name (%sten-bai.md) or its title in quotes\n", arg, arg)
		return exitUsage
	}
	rel, title := newTarget(arg, section)
	if rel == "" || strings.HasPrefix(path.Base(rel), ".") {
		fmt.Fprintf(stderr, "bantin new: %q has no letters or digits to make a file name from\n", arg)
		return exitUsage
	}
	if kind == "" { // Hugo's form: the folder says what the page is
		if k := cfg.Types[sectionOf(rel)]; kindSections[k] != "" {
			kind = k
		}
	}
	if strings.Contains("/"+rel+"/", "/../") || filepath.IsAbs(rel) || strings.HasPrefix(rel, "/") {
		fmt.Fprintf(stderr, "bantin new: %s leaves content/\n", rel)
		return exitUsage
	}
	id, err := content.NewID()
	if err != nil {
		fmt.Fprintf(stderr, "bantin new: %v\n", err)
		return exitContent
	}
	page := content.Page{Kind: kind, ID: id, Title: title, SetType: kind != "" && cfg.Types[sectionOf(rel)] != kind, Now: time.Now().In(cfg.Location)}
	for _, t := range cfg.TaxonomyList {
		page.Taxonomies = append(page.Taxonomies, t.Plural)
	}
	if err := writeNew(filepath.Join(*source, content.Dir, filepath.FromSlash(rel)), content.Scaffold(page)); err != nil {
		fmt.Fprintf(stderr, "bantin new: %v\n", err)
		return exitContent
	}
	fmt.Fprintf(stdout, "wrote %s\n", filepath.Join(content.Dir, filepath.FromSlash(rel)))
	return exitOK
}

// newArgs reads the arguments of `bantin new`: KIND ARG, site DIR, or
// Hugo's forms, content PATH and PATH alone (a path with a folder or .md),
// whose kind ("") comes from the folder.
func newArgs(args []string) (kind, arg string, ok bool) {
	switch {
	case len(args) == 2 && args[0] == "content":
		return "", args[1], true
	case len(args) == 2:
		return args[0], args[1], true
	case len(args) == 1 && (strings.Contains(args[0], "/") || strings.HasSuffix(args[0], ".md")):
		return "", args[0], true
	}
	return "", "", false
}

// newTarget reads the argument of `bantin new KIND ARG`: a path (it has a
// folder, ends in .md, or is a file name already: lower-case ASCII words
// joined by hyphens) or a title, whose slug is the file name. It returns
// the file's path under content/ and the title ("" for a path).
func newTarget(arg, section string) (rel, title string) {
	arg = strings.TrimPrefix(filepath.ToSlash(arg), content.Dir+"/")
	isPath := strings.Contains(arg, "/") || strings.HasSuffix(arg, ".md") || vi.Slug(arg) == arg
	if !isPath {
		title = strings.Join(strings.Fields(vi.NFC(arg)), " ")
		arg = vi.Slug(title)
		if arg == "" {
			return "", ""
		}
	}
	if !strings.Contains(arg, "/") && section != "" {
		arg = section + "/" + arg
	}
	if !strings.HasSuffix(arg, ".md") {
		arg += ".md"
	}
	return path.Clean(arg), title
}

func sectionOf(rel string) string {
	dir, _, _ := strings.Cut(rel, "/")
	return dir
}

// writeNew creates the file at full with text; it never overwrites.
func writeNew(full, text string) error {
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.WriteString(f, text); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
