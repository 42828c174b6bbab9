package main

import (
	"fmt"
	"os"
	"sort"
	"time"
)

// queries are the measured queries: the most common syllables, phrases,
// with marks and without, and one typo.
var queries = []string{
	"dân vận", "và", "của", "quy định pháp luật", "dan chu co so", "lao động", "đất đai", "hòa giải tranh chấp",
	"bảo hiểm xã hội", "tin nguong ton giao", "công khai minh bạch", "khu phố", "nguoi lao dong", "giam sat kiem tra",
	"hop dong lao dong", "doanh nghiệp", "moi truong", "thanh nien", "dan vam kheo", "ngân sách phường",
}

// Budgets from the search issue.
const (
	budgetFirst = 120 << 10
	budgetLater = 40 << 10
	budgetFiles = 1000
	budgetMs    = 10
	budgetIndex = 2 * time.Second
)

func run(pages, vocab int, pagefind bool, keep string) error {
	dir := keep
	if dir == "" {
		tmp, err := os.MkdirTemp("", "searchbench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp + "/site"
	}
	fmt.Printf("Building a corpus of %d pages (%d-word Zipf vocabulary)…\n", pages, vocab)
	f, err := buildSite(dir, pages, vocab)
	if err != nil {
		return err
	}
	pf, pfErr := pagefindIfAsked(pagefind, dir, "**/trang-*/index.html")
	srv, counts := serveGzip(dir)
	defer srv.Close()
	b, err := newBrowser()
	if err != nil {
		return err
	}
	defer b.cancel()
	ours, err := measureBantin(b, counts, srv.URL, queries)
	if err != nil {
		return err
	}
	var theirs []queryFigures
	if pfErr == nil {
		b2, err := newBrowser() // a fresh profile: nothing cached
		if err != nil {
			return err
		}
		defer b2.cancel()
		if theirs, err = measurePagefind(b2, counts, srv.URL, queries); err != nil {
			return err
		}
	}
	report(f, ours, pf, theirs, pfErr)
	return nil
}

func report(f siteFigures, ours []queryFigures, pf pagefindFigures, theirs []queryFigures, pfErr error) {
	fmt.Println("\nBytes on the wire per query (gzip where a static host would gzip; headers included).")
	fmt.Println("bantin: from Chromium's network events (server's count in brackets). Pagefind: from the")
	fmt.Println("server, since Pagefind fetches from a web worker, which the page's events do not show.")
	fmt.Println("ms: bantin's ranking computation; Pagefind's whole search() call, network included.")
	fmt.Printf("\n%-26s %18s %10s %6s %7s %9s %8s %9s\n", "query", "bantin bytes", "Pagefind", "ratio", "bantin", "Pagefind", "bantin", "Pagefind")
	fmt.Printf("%-26s %18s %10s %6s %7s %9s %8s %9s\n", "", "", "bytes", "", "ms", "ms", "results", "results")
	worstRatio, sumOurs, sumTheirs := 0.0, 0.0, 0.0
	for i, o := range ours {
		p := queryFigures{}
		if i < len(theirs) {
			p = theirs[i]
		}
		ratio := 0.0
		if p.Bytes > 0 {
			ratio = o.Bytes / p.Bytes
			worstRatio = max(worstRatio, ratio)
			sumOurs += o.Bytes
			sumTheirs += p.Bytes
		}
		label := o.Query
		if i == 0 {
			label += " (first)"
		}
		fmt.Printf("%-26s %8.0f (%7.0f) %10.0f %6.2f %7.1f %9.1f %8d %9d\n", label, o.Bytes, o.Server, p.Bytes, ratio, o.Ms, p.Ms, o.Results, p.Results)
	}
	later := make([]float64, 0, len(ours))
	ms := make([]float64, 0, len(ours))
	for i, o := range ours {
		if i > 0 {
			later = append(later, o.Bytes)
		}
		ms = append(ms, o.Ms)
	}
	sort.Float64s(later)
	sort.Float64s(ms)
	check := func(ok bool) string {
		if ok {
			return "ok"
		}
		return "OVER BUDGET"
	}
	fmt.Println()
	fmt.Printf("first query            %8.1f KB   budget 120 KB   %s\n", ours[0].Bytes/1024, check(ours[0].Bytes <= budgetFirst))
	fmt.Printf("later queries, max     %8.1f KB   budget  40 KB   %s (median %.1f KB)\n", later[len(later)-1]/1024, check(later[len(later)-1] <= budgetLater), later[len(later)/2]/1024)
	fmt.Printf("index files            %8d      budget 1000     %s (and %d fragments, one per page)\n", f.IndexFiles, check(f.IndexFiles <= budgetFiles), f.FragmentFiles)
	fmt.Printf("query computation, med %8.1f ms   budget  10 ms   %s\n", ms[len(ms)/2], check(ms[len(ms)/2] <= budgetMs))
	fmt.Printf("index build in build   %8.2f s    budget   2 s    %s (whole build %.1f s)\n", f.Index.Seconds(), check(f.Index <= budgetIndex), f.Build.Seconds())
	fmt.Printf("index size             %8.1f MB raw, %.1f MB gzip\n", float64(f.IndexBytes)/1e6, float64(f.IndexGzipBytes)/1e6)
	if pfErr != nil {
		fmt.Printf("Pagefind: %v\n", pfErr)
		return
	}
	fmt.Printf("Pagefind: index built in %.1f s, %d files\n", pf.Build.Seconds(), pf.Files)
	fmt.Printf("bantin/Pagefind bytes, all queries %5.2f      target ≤ 0.50   %s\n", sumOurs/sumTheirs, check(sumOurs <= sumTheirs/2))
	fmt.Printf("bantin/Pagefind bytes, worst query %5.2f      target ≤ 0.50   %s\n", worstRatio, check(worstRatio <= 0.5))
}
