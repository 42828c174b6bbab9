package pdf

import (
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"bantin/internal/diag"
	"bantin/internal/output"
	"bantin/internal/site"
)

// skipPreflight turns the preflight off, for BenchmarkPreflight alone:
// bantin never prints without it.
var skipPreflight = false

// Tabs is how many pages print at once.
const Tabs = 2

// Options are the choices of a Publish run.
type Options struct {
	Chrome string // the browser
}

// Result is what a Publish run made: the PDF files, the preflight report
// of each, and every problem found, at its source line. A publication
// with an error gets no PDF at all.
type Result struct {
	Files   []output.File
	Reports []Report
	Diags   *diag.List
}

// Publish prints the print edition of every publication in s that has a
// PDFURL, from the built files, checks each as it prints and again when
// written (the preflight), and returns the PDF files to publish there:
// also, where the page has their URLs, its press copy (bleed, TrimBox and
// BleedBox, crop and fold marks) and its booklet imposed for saddle
// stitching. The error is for failures of the machinery (no browser, a
// page that never loaded), not for problems of the publications.
func Publish(s *site.Site, files []output.File, opts Options) (Result, error) {
	return PublishFS(s, output.NewMemFS(files), opts)
}

// PublishFS is Publish for a built site read from built (the temporary
// folder a build streams into, or a MemFS).
func PublishFS(s *site.Site, built fs.FS, opts Options) (Result, error) {
	res := Result{Diags: &diag.List{}}
	var jobs []*site.Page
	for _, e := range s.Prints {
		if e.Edition.PDFURL() != "" {
			jobs = append(jobs, e)
		}
	}
	if len(jobs) == 0 {
		return res, nil
	}
	script := checkScript(built)
	if script == "" {
		return res, fmt.Errorf("the site has no %s: bantin pdf checks every print edition with it (a site that replaces the theme's static files must keep it)", CheckScript)
	}
	base, stop, err := serveFiles(s, built)
	if err != nil {
		return res, err
	}
	defer stop()
	printer, err := New(opts.Chrome)
	if err != nil {
		return res, err
	}
	defer printer.Close()
	run := runEnv{printer: printer, base: base, public: publicOrigin(s), script: script}
	made := make([]edition, len(jobs))
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < Tabs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				made[i], errs[i] = run.printOne(jobs[i])
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return res, err
		}
		res.Diags.Merge(made[i].diags)
		res.Files = append(res.Files, made[i].files...)
		res.Reports = append(res.Reports, made[i].reports...)
	}
	return res, nil
}

// runEnv is what every print of a run shares.
type runEnv struct {
	printer *Printer
	base    string // the printing server, with the site's base path
	public  string // the site's public origin, for links in PDFs
	script  string // the theme's print check
}

// edition is what one publication made.
type edition struct {
	files   []output.File
	reports []Report
	diags   *diag.List
}

// printOne prints one publication's reading copy and, for the press, its
// press copy and (handbooks) its imposed booklet; nothing when its print
// edition has a problem.
func (r runEnv) printOne(e *site.Page) (edition, error) {
	out := edition{diags: &diag.List{}}
	p := e.Edition
	job := Job{URL: r.base + e.URL, Public: r.public, Check: r.script}
	if skipPreflight {
		job.Check = ""
	}
	got, err := r.printer.Print(job)
	if err != nil {
		return out, err
	}
	checkPage(e, got.Check, got.Refused, out.diags)
	if out.diags.HasErrors() {
		return out, nil
	}
	look := finishing{info: infoOf(p), date: printDate(p), headings: got.Check.Headings}
	reading, err := look.finish(got.PDF, nil, nil)
	if err != nil {
		return out, err
	}
	r.add(&out, e, p.PDFURL(), "PDF", reading, got.Check, false)
	if p.PressPDFURL() != "" {
		job.Press = true
		pressed, err := r.printer.Print(job)
		if err != nil {
			return out, err
		}
		press, err := look.finishPress(pressed.PDF, foldsOf(p.Type))
		if err != nil {
			return out, err
		}
		r.add(&out, e, p.PressPDFURL(), "press PDF", press, pressed.Check, true)
	}
	if p.BookletPDFURL() != "" {
		booklet, err := Booklet(reading)
		if err == nil {
			booklet, err = reproducible(booklet, look.date)
		}
		if err != nil {
			return out, err
		}
		out.files = append(out.files, output.File{Path: r.relPath(e, p.BookletPDFURL()), Data: booklet, Source: p.Source + " (booklet PDF)"})
	}
	return out, nil
}

// add preflights a written PDF and keeps it with its report.
func (r runEnv) add(out *edition, e *site.Page, url, what string, pdf []byte, c Check, press bool) {
	path := r.relPath(e, url)
	if skipPreflight {
		out.files = append(out.files, output.File{Path: path, Data: pdf, Source: e.Edition.Source + " (" + what + ")"})
		return
	}
	facts, err := ReadFacts(pdf)
	if err != nil {
		out.diags.Errorf(editionPos(e, ""), "%s: %v", path, err)
		return
	}
	var found diag.List
	checkFacts(e, path, facts, c, press, serverOrigin(r.base), &found)
	out.diags.Merge(&found)
	if found.HasErrors() {
		return // a PDF that fails its preflight is not published
	}
	out.reports = append(out.reports, Report{Path: path, Facts: facts})
	out.files = append(out.files, output.File{Path: path, Data: pdf, Source: e.Edition.Source + " (" + what + ")"})
}

func (r runEnv) relPath(e *site.Page, url string) string {
	return strings.TrimPrefix(url, e.Site.Config.Base.Path)
}

// finishing is what every PDF of a publication gets after printing.
type finishing struct {
	info     Info
	date     time.Time
	headings []string
}

// finish names the outline's bookmarks as the headings read, pads the
// document to an even number of pages (a sheet has two sides), passes it
// through then (if any), sets its information, passes it through
// afterInfo (if any) and makes it reproducible.
func (f finishing) finish(pdf []byte, then, afterInfo func([]byte) ([]byte, error)) ([]byte, error) {
	pdf, err := withHeadingTitles(pdf, f.headings)
	if err == nil {
		pdf, err = padToEven(pdf)
	}
	if err == nil && then != nil {
		pdf, err = then(pdf)
	}
	if err == nil {
		pdf, err = SetInfo(pdf, f.info)
	}
	if err == nil && afterInfo != nil {
		pdf, err = afterInfo(pdf)
	}
	if err == nil {
		pdf, err = reproducible(pdf, f.date)
	}
	return pdf, err
}

// finishPress finishes a press copy: marks and boxes (Press), colours
// converted to the press condition's CMYK (toPressColour), and the PDF/X-4
// keys, output intent and metadata (markPDFX).
func (f finishing) finishPress(pdf []byte, folds [][]float64) ([]byte, error) {
	toPress := func(pdf []byte) ([]byte, error) {
		return rewrite(pdf, "press", func(ctx *model.Context) error { return pressPages(ctx, folds) }, convertColours)
	}
	return f.finish(pdf, toPress, func(pdf []byte) ([]byte, error) { return markPDFX(pdf, f.date) })
}

// printDate is the date a publication's PDFs carry: its imprint's print
// date, else its own date, else its last change.
func printDate(p *site.Page) time.Time {
	for _, t := range []time.Time{p.Imprint().Date, p.Date, p.Lastmod} {
		if !t.IsZero() {
			return t
		}
	}
	return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
}

func infoOf(p *site.Page) Info {
	author := strings.Join(p.Terms["authors"], ", ")
	if author == "" {
		author = p.Imprint().Publisher
	}
	if author == "" {
		author = p.Site.Title
	}
	var keywords []string
	keywords = append(keywords, p.Terms["topics"]...)
	keywords = append(keywords, p.Terms["tags"]...)
	return Info{Title: p.Title, Author: author, Subject: p.Description, Keywords: keywords}
}

// publicOrigin is the scheme and host of the site's baseURL (config
// validated it as an absolute http(s) URL).
func publicOrigin(s *site.Site) string {
	return s.Config.Base.Scheme + "://" + s.Config.Base.Host
}

// checkScript is the built site's print check script.
func checkScript(built fs.FS) string {
	data, err := fs.ReadFile(built, CheckScript)
	if err != nil {
		return ""
	}
	return string(data)
}

// serveFiles serves the built site on a loopback port, under the base
// URL's path, and returns its address.
func serveFiles(s *site.Site, built fs.FS) (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	prefix := strings.TrimSuffix(s.Config.Base.Path, "/")
	handler := http.StripPrefix(prefix, http.FileServer(http.FS(built)))
	srv := &http.Server{Handler: handler}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String() + prefix, func() { srv.Close() }, nil
}
