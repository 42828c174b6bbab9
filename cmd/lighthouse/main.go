// Command lighthouse builds the sample site, serves it on loopback with
// gzip (as a static host would) and runs Lighthouse (npm lighthouse, mobile
// defaults) with the system Chromium on one page of each kind the theme's
// issue lists, several times each, and prints the median scores. It also
// measures, in headless Chromium, the bytes of a first visit to an article
// and of a second article after it. It is slow (about 15 s a run) and is
// not part of CI.
//
//	npm install -g lighthouse
//	go run ./cmd/lighthouse [-runs 3] [-source .]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"bantin/internal/build"
	"bantin/internal/output"
	"bantin/internal/pdf"
	"bantin/internal/sitefs"
)

// pages are the page kinds measured, by path on the sample site.
var pages = []struct{ kind, path string }{
	{"home", "/"},
	{"article", "/bai-viet/dan-van-kheo/"},
	{"handbook", "/so-tay/hoi-dap-dan-chu-o-co-so/"},
	{"leaflet", "/to-gap/quyen-cua-nguoi-lao-dong/"},
	{"bulletin issue", "/ban-tin/so-12-thang-11-2026/"},
	{"term", "/the/dan-van-kheo/"},
	{"search with results", "/tim-kiem/?q=dan+van"},
}

func main() {
	runs := flag.Int("runs", 3, "Lighthouse runs per page; the median is shown")
	source := flag.String("source", ".", "the site to build")
	flag.Parse()
	if err := run(*source, *runs); err != nil {
		fmt.Fprintln(os.Stderr, "lighthouse:", err)
		os.Exit(1)
	}
}

func run(source string, runs int) error {
	chrome, err := pdf.Find("")
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "bantin-lighthouse-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	site, err := sitefs.Open(source)
	if err != nil {
		return err
	}
	res := build.Build(site, build.Options{})
	if err := res.Diags.Err(); err != nil {
		return err
	}
	public := filepath.Join(dir, "public")
	if err := output.WriteDir(public, res.Files); err != nil {
		return err
	}
	srv := serveGzip(public)
	defer srv.Close()
	fmt.Printf("Lighthouse, mobile defaults, median of %d runs (gzip, loopback)\n\n", runs)
	fmt.Printf("%-20s %5s %5s %5s %5s %7s %9s\n", "page", "perf", "a11y", "best", "seo", "CLS", "KB")
	for _, p := range pages {
		var all []report
		for i := 0; i < runs; i++ {
			r, err := lighthouse(chrome, srv.URL+p.path)
			if err != nil {
				return fmt.Errorf("%s: %w", p.path, err)
			}
			all = append(all, r)
		}
		m := median(all)
		fmt.Printf("%-20s %5.0f %5.0f %5.0f %5.0f %7.3f %9.1f\n", p.kind, m.Performance, m.Accessibility, m.BestPractices, m.SEO, m.CLS, m.Bytes/1024)
	}
	first, second, err := articleBytes(chrome, srv.URL+pages[1].path, srv.URL+"/bai-viet/hoa-giai-tranh-chap-dat-dai/")
	if err != nil {
		return err
	}
	fmt.Printf("\nBytes on the wire (gzip, headers included), headless Chromium:\n")
	fmt.Printf("first visit of an article  %6.1f KB\n", first/1024)
	fmt.Printf("a second article after it %6.1f KB\n", second/1024)
	return nil
}
