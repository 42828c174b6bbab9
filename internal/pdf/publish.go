package pdf

import (
	"net"
	"net/http"
	"strings"
	"sync"

	"bantin/internal/output"
	"bantin/internal/site"
)

// Tabs is how many pages print at once.
const Tabs = 2

// Options are the choices of a Publish run.
type Options struct {
	Chrome string // the browser
}

// Publish prints the print edition of every publication in s that has a
// PDFURL, from the built files, and returns the PDF files to publish there:
// also, where the page has their URLs, its press copy (bleed, TrimBox and
// BleedBox, crop marks) and its booklet imposed for saddle stitching.
func Publish(s *site.Site, files []output.File, opts Options) ([]output.File, error) {
	var jobs []*site.Page
	for _, e := range s.Prints {
		if e.Edition.PDFURL != "" {
			jobs = append(jobs, e)
		}
	}
	if len(jobs) == 0 {
		return nil, nil
	}
	base, stop, err := serveFiles(s, files)
	if err != nil {
		return nil, err
	}
	defer stop()
	printer, err := New(opts.Chrome)
	if err != nil {
		return nil, err
	}
	defer printer.Close()
	out := make([][]output.File, len(jobs))
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < Tabs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i], errs[i] = printOne(printer, base, jobs[i])
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	var all []output.File
	for i, err := range errs {
		if err != nil {
			return nil, err
		}
		all = append(all, out[i]...)
	}
	return all, nil
}

// printOne prints one publication's reading copy and, for the press, its
// press copy and (handbooks) its imposed booklet.
func printOne(printer *Printer, base string, edition *site.Page) ([]output.File, error) {
	p := edition.Edition
	info := infoOf(p)
	var files []output.File
	// add makes one file at url: made's PDF, passed through then (if any),
	// with the document information set.
	add := func(url, what string, made []byte, err error, then func([]byte) ([]byte, error)) ([]byte, error) {
		if err == nil && then != nil {
			made, err = then(made)
		}
		if err == nil {
			made, err = SetInfo(made, info)
		}
		if err == nil {
			files = append(files, output.File{Path: strings.TrimPrefix(url, p.Site.Config.Base.Path), Data: made, Source: p.Source + " (" + what + ")"})
		}
		return made, err
	}
	reading, err := printer.Print(base+edition.URL, false)
	if reading, err = add(p.PDFURL, "PDF", reading, err, nil); err != nil || p.PressPDFURL == "" {
		return files, err
	}
	press, err := printer.Print(base+edition.URL, true)
	if _, err = add(p.PressPDFURL, "press PDF", press, err, Press); err != nil || p.BookletPDFURL == "" {
		return files, err
	}
	_, err = add(p.BookletPDFURL, "booklet PDF", reading, nil, Booklet)
	return files, err
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

// serveFiles serves the built site from memory on a loopback port, under
// the base URL's path, and returns its address.
func serveFiles(s *site.Site, files []output.File) (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	prefix := strings.TrimSuffix(s.Config.Base.Path, "/")
	handler := http.StripPrefix(prefix, http.FileServer(http.FS(output.NewMemFS(files))))
	srv := &http.Server{Handler: handler}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String() + prefix, func() { srv.Close() }, nil
}
