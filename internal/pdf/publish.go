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

// Publish prints the print edition of every publication in s that has a
// PDFURL, from the built files, and returns the PDF files to publish there.
func Publish(s *site.Site, files []output.File, chrome string) ([]output.File, error) {
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
	printer, err := New(chrome)
	if err != nil {
		return nil, err
	}
	defer printer.Close()
	out := make([]output.File, len(jobs))
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
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

func printOne(printer *Printer, base string, edition *site.Page) (output.File, error) {
	data, err := printer.Print(base + edition.URL)
	if err != nil {
		return output.File{}, err
	}
	data, err = SetInfo(data, infoOf(edition.Edition))
	if err != nil {
		return output.File{}, err
	}
	p := edition.Edition
	return output.File{Path: strings.TrimPrefix(p.PDFURL, p.Site.Config.Base.Path), Data: data, Source: p.Source + " (PDF)"}, nil
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
