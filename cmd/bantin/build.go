package main

import (
	"flag"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"bantin/internal/build"
	"bantin/internal/cache"
	"bantin/internal/diag"
	"bantin/internal/output"
	"bantin/internal/pdf"
	"bantin/internal/shrink"
	"bantin/internal/sitefs"
)

type buildFlags struct {
	source, destination, baseURL string
	drafts, future, expired      bool
	pdf, press                   bool
	chrome                       string
	only                         map[string]bool
	verbose, quiet               bool
	minify                       bool
	cacheDir                     string
	noCache                      bool
	force                        bool // build even when the up-to-date check says nothing changed
	profiles                     profiles
	memory                       memoryLimit
}

func (f *buildFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.source, "source", ".", "the site folder (holding content/, and optionally hugo.toml or config.toml, layouts/, static/)")
	fs.StringVar(&f.baseURL, "baseURL", "", "publish at this URL instead of the config file's baseURL")
	fs.BoolVar(&f.drafts, "drafts", false, "include pages marked draft = true")
	fs.BoolVar(&f.future, "future", false, "include pages whose date is in the future")
	fs.BoolVar(&f.expired, "expired", false, "include pages past their expiryDate")
	registerHugoNames(fs, f)
	fs.BoolVar(&f.verbose, "verbose", false, "print every warning (by default, warnings of one kind are one line with a count)")
	fs.BoolVar(&f.quiet, "quiet", false, "print no warnings, only errors")
	fs.StringVar(&f.cacheDir, "cacheDir", "", "the build cache folder, kept between builds; a relative path is taken from the current folder (default: bantin/SITE-HASH in the user cache folder, outside the site)")
	fs.BoolVar(&f.noCache, "noCache", false, "neither read nor write the build cache: render everything")
	fs.BoolVar(&f.noCache, "ignoreCache", false, "Hugo's name for --noCache")
}

// openCache opens the build cache the flags ask for; nil with --noCache.
func (f *buildFlags) openCache() (*cache.Store, error) {
	if f.noCache {
		return nil, nil
	}
	dir := f.cacheDir
	if dir == "" {
		var err error
		if dir, err = cache.DefaultDir(f.source); err != nil {
			return nil, err
		}
	}
	if err := outsideSourceDirs(f.source, dir, "--cacheDir"); err != nil {
		return nil, err
	}
	return cache.Open(dir)
}

// outsideSourceDirs refuses a folder bantin writes (what names it) inside
// a folder the build reads (content/, static/, layouts/).
func outsideSourceDirs(source, dir, what string) error {
	absDir, err := realPath(dir)
	if err != nil {
		return err
	}
	absSource, err := realPath(source)
	if err != nil {
		return err
	}
	for _, d := range sourceDirs {
		if within(absDir, filepath.Join(absSource, d)) {
			return fmt.Errorf("%s %s lies inside the site's %s/ folder: the build would read its own cache; choose a folder outside %s/", what, dir, d, d)
		}
	}
	return nil
}

// verbosity is how much of the diagnostics the flags ask to print.
func (f *buildFlags) verbosity() diag.Verbosity {
	switch {
	case f.quiet:
		return diag.Quiet
	case f.verbose:
		return diag.Verbose
	}
	return diag.Grouped
}

// registerHugoNames adds Hugo's names for the same flags: -D, -F, -E,
// --buildDrafts, --buildFuture, --buildExpired, -s and -b.
func registerHugoNames(fs *flag.FlagSet, f *buildFlags) {
	for _, n := range []struct {
		names []string
		v     *bool
		long  string
	}{{[]string{"D", "buildDrafts"}, &f.drafts, "drafts"}, {[]string{"F", "buildFuture"}, &f.future, "future"}, {[]string{"E", "buildExpired"}, &f.expired, "expired"}} {
		for _, name := range n.names {
			fs.BoolVar(n.v, name, false, "Hugo's name for --"+n.long)
		}
	}
	fs.StringVar(&f.source, "s", ".", "Hugo's name for --source")
	fs.StringVar(&f.baseURL, "b", "", "Hugo's name for --baseURL")
}

// registerOutput adds the flags of commands that write the site.
func (f *buildFlags) registerOutput(fs *flag.FlagSet) {
	fs.StringVar(&f.destination, "destination", "public", "the output folder; a relative path is taken from --source")
	fs.StringVar(&f.destination, "d", "public", "Hugo's name for --destination")
	fs.StringVar(&f.chrome, "chrome", "", "the Chromium or Chrome to print PDFs with (default $BANTIN_CHROME, else chromium on PATH)")
	fs.BoolVar(&f.press, "press", false, "with PDFs, also print for the press: x-nha-in.pdf with 3 mm bleed, TrimBox, BleedBox and crop marks, and for handbooks x-dong-ghim.pdf imposed for saddle stitching (A4, two A5 pages a side)")
}

// options are the build options of the flags, the cache opened.
func (f *buildFlags) options() (build.Options, error) {
	c, err := f.openCache()
	if err != nil {
		return build.Options{}, err
	}
	return build.Options{BaseURL: f.baseURL, Drafts: f.drafts, Future: f.future, Expired: f.expired, PDF: f.pdf, PDFOnly: f.only, Press: f.press, Cache: c}, nil
}

// clock is the time a build filters drafts, future and expired pages by,
// and the up-to-date check compares with (tests set it).
var clock = time.Now

func runBuild(args []string, stdout, stderr io.Writer) int {
	var f buildFlags
	fs := flag.NewFlagSet("bantin build", flag.ContinueOnError)
	f.register(fs)
	f.registerOutput(fs)
	f.memory.register(fs, "the build")
	fs.BoolVar(&f.pdf, "pdf", false, "also print every leaflet, handbook and bulletin issue to PDF (needs Chromium)")
	fs.BoolVar(&f.minify, "minify", false, "minify the HTML, CSS and JavaScript written")
	fs.BoolVar(&f.force, "force", false, "build even when nothing changed since the last build into --destination (without it, such a build prints \"up to date\" and leaves the folder as it is)")
	fs.StringVar(&f.profiles.cpu, "cpuprofile", "", "write a CPU profile of the build to this file (for go tool pprof); the build runs even when up to date")
	fs.StringVar(&f.profiles.mem, "memprofile", "", "write a heap profile, taken when the site is built and before it is committed, to this file; the build runs even when up to date")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: bantin build [flags]\n\nBuilds the site into --destination. The folder is replaced only when the whole build succeeds.\n\nFlags:")
		fs.PrintDefaults()
	}
	if status, done := parseFlags(fs, args, stderr); done {
		return status
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "bantin build: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	if u, err := url.Parse(f.baseURL); f.baseURL != "" && (err != nil || u.Host == "") {
		fmt.Fprintf(stderr, "bantin build: --baseURL %q must be an absolute URL such as https://danvan.example.vn/danvan/ (a path alone is for bantin serve)\n", f.baseURL)
		return exitUsage
	}
	return buildAndWrite(&f, stdout, stderr)
}

// runPDF builds the site and prints its publications (or the named ones).
func runPDF(args []string, stdout, stderr io.Writer) int {
	f := buildFlags{pdf: true, only: map[string]bool{}}
	fs := flag.NewFlagSet("bantin pdf", flag.ContinueOnError)
	f.register(fs)
	f.registerOutput(fs)
	f.memory.register(fs, "the build")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: bantin pdf [flags] [PATH…]\n\nBuilds the site and prints the print edition of every leaflet, handbook and bulletin issue\n(or of the content files named, such as content/to-gap/x.md) to a PDF beside its page.\n\nFlags:")
		fs.PrintDefaults()
	}
	if status, done := parseFlags(fs, args, stderr); done {
		return status
	}
	for _, p := range fs.Args() {
		p = filepath.ToSlash(filepath.Clean(p))
		if !strings.HasPrefix(p, "content/") {
			p = "content/" + p
		}
		f.only[p] = true
	}
	return buildAndWrite(&f, stdout, stderr)
}

func buildAndWrite(f *buildFlags, stdout, stderr io.Writer) int {
	if !hasContent(f.source, stderr) {
		return exitContent
	}
	chrome := ""
	if f.pdf {
		var err error
		if chrome, err = pdf.Find(f.chrome); err != nil {
			fmt.Fprintf(stderr, "bantin: %v\n", err)
			return exitContent
		}
	}
	dest, err := destinationPath(f.source, f.destination)
	if err != nil {
		fmt.Fprintf(stderr, "bantin build: %v\n", err)
		return exitUsage
	}
	site, err := sitefs.Open(f.source)
	if err != nil {
		fmt.Fprintf(stderr, "bantin build: %v\n", err)
		return exitUsage
	}
	opts, err := f.options()
	if err != nil {
		fmt.Fprintf(stderr, "bantin build: %v (or build with --noCache)\n", err)
		return exitUsage
	}
	defer closeCache(opts.Cache, stderr, "bantin build")
	if err := f.memory.apply(defaultBuildMemory); err != nil {
		fmt.Fprintf(stderr, "bantin build: %v\n", err)
		return exitUsage
	}
	check, err := newUpToDate(f, site, dest, opts)
	if err != nil {
		fmt.Fprintf(stderr, "bantin build: %v\n", err)
		return exitUsage
	}
	opts.Now = clock()
	if skipIfUpToDate(f, check, dest, opts.Now, stdout, stderr) {
		return exitOK
	}
	if check != nil {
		site = check.guard
	}
	if err := f.profiles.start(); err != nil {
		fmt.Fprintf(stderr, "bantin build: %v\n", err)
		return exitUsage
	}
	defer f.profiles.stop()
	defer f.profiles.closeMem()
	out, err := output.NewDir(dest)
	if err != nil {
		fmt.Fprintf(stderr, "bantin build: %v\n", err)
		return exitContent
	}
	var w output.Writer = out
	if f.minify {
		w = shrink.Writer(out)
	}
	res := build.Into(site, opts, w)
	f.profiles.stop()
	if err := f.profiles.heap(); err != nil {
		fmt.Fprintf(stderr, "bantin build: %v\n", err)
	}
	status := publish(f, res, out, dest, chrome, check, stdout, stderr)
	if status == exitOK && opts.Cache != nil {
		fmt.Fprintln(stdout, cacheLine(res.Stats.Cache, opts.Cache.Dir()))
	}
	return status
}

// publish prints the PDFs when asked, then swaps the built folder in and
// records the build for the up-to-date check (check may be nil), or
// throws the folder away when something failed.
func publish(f *buildFlags, res *build.Result, out *output.Dir, dest, chrome string, check *upToDate, stdout, stderr io.Writer) int {
	if failed := printPDFs(f, chrome, res, out, stdout, stderr); failed != "" {
		out.Abort()
		diag.Print(stderr, res.Diags.Items(), f.verbosity())
		fmt.Fprintf(stderr, "%s; %s was left as it was\n", failed, dest)
		return exitContent
	}
	diag.Print(stderr, res.Diags.Items(), f.verbosity())
	if err := out.Commit(); err != nil {
		fmt.Fprintf(stderr, "bantin build: %v\n", err)
		return exitContent
	}
	if check != nil {
		check.record(res, dest, stderr)
	}
	fmt.Fprintln(stdout, summary(res.Stats, dest))
	return exitOK
}

// closeCache closes the build cache (it publishes what the build put, and
// compacts the folder when it is due); a failure is a warning: the site is
// written already.
func closeCache(c *cache.Store, stderr io.Writer, cmd string) {
	if err := c.Close(); err != nil {
		fmt.Fprintf(stderr, "%s: warning: build cache %s: %v\n", cmd, c.Dir(), err)
	}
}

// cacheLine is the line that says what the build cache answered.
func cacheLine(st cache.Stats, dir string) string {
	line := fmt.Sprintf("cache: %d hits, %d misses", st.Hits, st.Misses)
	if st.Rejected > 0 {
		line += fmt.Sprintf(" (%d damaged entries rebuilt)", st.Rejected)
	}
	return line + " in " + dir
}

// printPDFs prints the publications' PDFs, when asked, from the files
// written so far, and adds them through the build's collision check. It
// returns what failed ("build failed"), or "".
func printPDFs(f *buildFlags, chrome string, res *build.Result, out *output.Dir, stdout, stderr io.Writer) string {
	if res.Diags.HasErrors() {
		return "build failed"
	}
	if !f.pdf {
		return ""
	}
	start := time.Now()
	published, err := pdf.PublishFS(res.Site, out.FS(), pdf.Options{Chrome: chrome})
	if err != nil {
		fmt.Fprintf(stderr, "bantin: %v\n", err)
		return "PDFs failed"
	}
	for _, r := range published.Reports {
		fmt.Fprintln(stdout, r)
	}
	res.Diags.Merge(published.Diags)
	if published.Diags.HasErrors() {
		return "preflight failed; no PDF was written"
	}
	res.AddFiles(published.Files)
	if res.Diags.HasErrors() {
		return "build failed"
	}
	fmt.Fprintf(stdout, "printed %d PDFs in %s\n", len(published.Files), time.Since(start).Round(time.Millisecond))
	return ""
}

// sourceDirs are the folders of a site that a build reads; the output may
// not lie inside them, or every build would publish the last one again.
var sourceDirs = []string{"content", "static", "layouts"}

// destinationPath resolves dest against source and refuses a destination
// that would replace the source itself or lie inside a folder the build
// reads (content/, static/, layouts/), symbolic links resolved.
func destinationPath(source, dest string) (string, error) {
	if !filepath.IsAbs(dest) {
		dest = filepath.Join(source, dest)
	}
	absDest, err := realPath(dest)
	if err != nil {
		return "", err
	}
	absSource, err := realPath(source)
	if err != nil {
		return "", err
	}
	if within(absSource, absDest) {
		return "", fmt.Errorf("destination %s would replace the site folder %s", dest, source)
	}
	for _, dir := range sourceDirs {
		if within(absDest, filepath.Join(absSource, dir)) {
			return "", fmt.Errorf("destination %s lies inside the site's %s/ folder: the next build would read its own output; choose a folder outside %s/", dest, dir, dir)
		}
	}
	return dest, nil
}

// within reports whether p is dir or lies inside it.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && (rel == "." || (rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))))
}

// realPath is p made absolute with the symbolic links of its longest
// existing part resolved.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string
	for dir := abs; ; dir = filepath.Dir(dir) {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(append([]string{real}, rest...)...), nil
		}
		if filepath.Dir(dir) == dir {
			return abs, nil
		}
		rest = append([]string{filepath.Base(dir)}, rest...)
	}
}

// summary is the one line a successful build prints.
func summary(st build.Stats, dest string) string {
	types := make([]string, 0, len(st.PagesByType))
	total := 0
	for t, n := range st.PagesByType {
		types = append(types, fmt.Sprintf("%d %s", n, t))
		total += n
	}
	sort.Strings(types)
	return fmt.Sprintf("built %d pages (%s) and %d lists: %d files in %s → %s",
		total, strings.Join(types, ", "), st.Lists, st.Files, st.Duration.Round(time.Millisecond), dest)
}
