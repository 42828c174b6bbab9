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
var pages = []page{
	{"home", "/"},
	{"article", "/bai-viet/dan-van-kheo/"},
	{"handbook", "/so-tay/hoi-dap-dan-chu-o-co-so/"},
	{"leaflet", "/to-gap/quyen-cua-nguoi-lao-dong/"},
	{"bulletin", "/ban-tin/so-12-thang-11-2026/"},
	{"term", "/the/dan-van-kheo/"},
	{"search", "/tim-kiem/?q=dan+van"},
}

// page is one page kind and its path on the sample site.
type page struct{ kind, path string }

func main() {
	runs := flag.Int("runs", 3, "Lighthouse runs per page; the median is shown")
	source := flag.String("source", ".", "the site to build")
	only := flag.String("pages", "", "comma-separated page kinds to measure (home, article, handbook, leaflet, bulletin, term, search); all when empty")
	flag.Parse()
	chosen, err := choosePages(*only)
	if err != nil {
		fmt.Fprintln(os.Stderr, "lighthouse:", err)
		os.Exit(2)
	}
	if err := run(*source, *runs, chosen); err != nil {
		fmt.Fprintln(os.Stderr, "lighthouse:", err)
		os.Exit(1)
	}
}

func run(source string, runs int, chosen []page) error {
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
	fmt.Printf("Lighthouse, mobile defaults, median of %d runs (gzip, loopback); load average %s\n\n", runs, loadAverage())
	fmt.Printf("%-10s %4s %4s %4s %4s %6s %6s %6s %6s %5s %6s  %s\n", "page", "perf", "a11y", "best", "seo", "CLS", "FCP", "LCP", "SI", "TBT", "KB", "LCP element")
	for _, p := range chosen {
		var all []report
		for i := 0; i < runs; i++ {
			r, err := lighthouse(chrome, srv.URL+p.path)
			if err != nil {
				return fmt.Errorf("%s: %w", p.path, err)
			}
			all = append(all, r)
		}
		m := median(all)
		fmt.Printf("%-10s %4.0f %4.0f %4.0f %4.0f %6.3f %6.0f %6.0f %6.0f %5.0f %6.1f  %s\n", p.kind, m.Performance, m.Accessibility, m.BestPractices, m.SEO,
			m.CLS, m.FCP, m.LCP, m.SpeedIndex, m.TBT, m.Bytes/1024, m.LCPElement)
	}
	fmt.Printf("(FCP, LCP, SI: speed index, TBT: total blocking time, in ms of Lighthouse's simulated slow 4G; load average after: %s)\n", loadAverage())
	first, second, err := articleBytes(chrome, srv.URL+pages[1].path, srv.URL+"/bai-viet/hoa-giai-tranh-chap-dat-dai/")
	if err != nil {
		return err
	}
	fmt.Printf("\nBytes on the wire (gzip, headers included), headless Chromium:\n")
	fmt.Printf("first visit of an article  %6.1f KB\n", first/1024)
	fmt.Printf("a second article after it %6.1f KB\n", second/1024)
	return nil
}
