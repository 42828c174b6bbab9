package main

import (
	"fmt"
	"net/url"
	"os"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"bantin/internal/search"
)

// answer is what an engine showed for one query: the first ten links
// (pages, anchors cut) and how many results it found.
type answer struct {
	URLs  []string
	Count int
}

// scores are the figures of one engine on one split typed one way.
type scores struct {
	R1, R10, MRR, Zero float64
}

// runQA builds the judged question set's site, asks every question of
// both splits, typed three ways, of bantin (and of Pagefind when npx is
// there) in headless Chromium, and prints R@1, R@10, MRR and the share of
// queries with no result; then the bytes a question costs on a first
// visit.
func runQA(qaDir, keywordFile string, pagefind, firstVisit bool, keep string, ways []int) error {
	set, err := loadQA(qaDir)
	if err != nil {
		return err
	}
	label := typings
	if keywordFile != "" {
		written, err := readWritten(keywordFile)
		if err != nil {
			return err
		}
		if err := attachWritten(set, keywordFile, written); err != nil {
			return err
		}
		label = append(slices.Clone(typings[:2]), "keywords written, no marks")
	}
	dir := keep
	if dir == "" {
		tmp, err := os.MkdirTemp("", "searchbench-qa-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp + "/site"
	}
	fmt.Printf("Building %d articles; %d tuning and %d held-out questions…\n", len(set.pages), len(set.tuning), len(set.heldOut))
	if err := buildQA(set, dir); err != nil {
		return err
	}
	_, pfErr := pagefindIfAsked(pagefind, dir, "bai-viet/*/index.html")
	srv, counts := serveGzip(dir)
	defer srv.Close()
	b, err := newBrowser()
	if err != nil {
		return err
	}
	defer b.cancel()
	freq := countFrequencies(set.articles)
	splits := []struct {
		name string
		qs   []question
	}{{"tuning", set.tuning}, {"held-out", set.heldOut}}
	for _, sp := range splits {
		fmt.Printf("\n%s split (%d questions)\n", sp.name, len(sp.qs))
		fmt.Printf("%-26s | %-27s | %-27s\n", "typed as", "bantin R@1 R@10 MRR zero", "Pagefind R@1 R@10 MRR zero")
		for _, way := range ways {
			qs := make([]string, len(sp.qs))
			for i, q := range sp.qs {
				qs[i] = typed(q, way, freq)
			}
			ours, err := askBantin(b, srv.URL, qs)
			if err != nil {
				return err
			}
			if os.Getenv("SEARCHBENCH_VERBOSE") != "" && sp.name == "tuning" {
				listMisses(sp.qs, qs, ours)
			}
			line := fmt.Sprintf("%-26s | %s", label[way], score(sp.qs, ours))
			if pfErr == nil {
				theirs, err := askPagefind(b, srv.URL, qs)
				if err != nil {
					return err
				}
				line += " | " + score(sp.qs, theirs).String()
			}
			fmt.Println(line)
		}
	}
	if pfErr != nil {
		fmt.Printf("Pagefind: %v\n", pfErr)
	}
	if !firstVisit {
		return nil
	}
	return firstVisits(b, counts, srv.URL, set.heldOut)
}

func (s scores) String() string {
	return fmt.Sprintf("%5.2f %5.2f %5.2f %4.0f %%    ", s.R1, s.R10, s.MRR, 100*s.Zero)
}

// score computes R@1, R@10 (a page that answers the question among the
// first one, ten), MRR over the first ten, and the share with no result.
func score(qs []question, got []answer) scores {
	var s scores
	for i, q := range qs {
		if got[i].Count == 0 {
			s.Zero++
		}
		for r, u := range got[i].URLs {
			if q.Pages[u] {
				if r == 0 {
					s.R1++
				}
				s.R10++
				s.MRR += 1 / float64(r+1)
				break
			}
		}
	}
	n := float64(len(qs))
	return scores{s.R1 / n, s.R10 / n, s.MRR / n, s.Zero / n}
}

func listMisses(qs []question, typed []string, got []answer) {
	for i, q := range qs {
		hit := false
		for _, u := range got[i].URLs {
			hit = hit || q.Pages[u]
		}
		if !hit {
			fmt.Printf("  miss %s %q → %d results, first %v\n", q.ID, typed[i], got[i].Count, head(got[i].URLs, 3))
		}
	}
}

func head(s []string, n int) []string { return s[:min(n, len(s))] }

// askBantin types each query into the search page and reads the results.
func askBantin(b *browser, base string, queries []string) ([]answer, error) {
	if err := chromedp.Do(b.ctx, chromedp.Navigate(base+"/tim-kiem/")); err != nil {
		return nil, err
	}
	var out []answer
	for _, q := range queries {
		q = strings.TrimSpace(q)
		if q == "" { // nothing to type: the page shows nothing
			out = append(out, answer{})
			continue
		}
		set := fmt.Sprintf(`(() => { document.getElementById('search-results').setAttribute('data-query', '\u0000');
			const i = document.getElementById('search-q'); i.value = %q; i.form.requestSubmit(); return true })()`, q)
		if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](set)); err != nil {
			return nil, err
		}
		if err := b.waitTrue(fmt.Sprintf(`document.getElementById('search-results').getAttribute('data-query') === %q`, q), 30*time.Second); err != nil {
			return nil, err
		}
		a, err := chromedp.Run(b.ctx, chromedp.Evaluate[answer](`({
			URLs: [...document.querySelectorAll('#search-results a.search-result-link')].map(a => new URL(a.href).pathname),
			Count: window.bantinSearchStats.results})`))
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// askPagefind runs each query through Pagefind's API on pf-bench.html.
func askPagefind(b *browser, base string, queries []string) ([]answer, error) {
	if err := chromedp.Do(b.ctx, chromedp.Navigate(base+"/pf-bench.html")); err != nil {
		return nil, err
	}
	if err := b.waitTrue("window.pfReady === true", 30*time.Second); err != nil {
		return nil, err
	}
	var out []answer
	for i, q := range queries {
		tag := fmt.Sprintf("%d:%s", i, q)
		if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](fmt.Sprintf("pfSearch(%q, %q)", q, tag))); err != nil {
			return nil, err
		}
		if err := b.waitTrue(fmt.Sprintf("window.pfLast && window.pfLast.tag === %q", tag), 60*time.Second); err != nil {
			return nil, err
		}
		a, err := chromedp.Run(b.ctx, chromedp.Evaluate[answer](`({URLs: window.pfLast.urls.map(u => new URL(u, location.href).pathname), Count: window.pfLast.n})`))
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// firstVisits measures, for each held-out question as written, the bytes
// of the search script and index a reader's browser fetches with an empty
// cache, and prints their distribution and the cost of the longest ones.
func firstVisits(b *browser, c *wire, base string, qs []question) error {
	type cost struct {
		syllables int
		bytes     float64
	}
	var costs []cost
	parts := []string{"/tim-kiem/tim-kiem.js", "/tim-kiem/du-lieu/"}
	for _, q := range qs {
		if _, err := chromedp.Call(b.ctx, network.ClearBrowserCache, cdp.Empty{}); err != nil {
			return err
		}
		b.take(parts...)
		text := strings.TrimSpace(q.Text)
		if err := chromedp.Do(b.ctx, chromedp.Navigate(base+"/tim-kiem/?q="+url.QueryEscape(text))); err != nil {
			return err
		}
		if err := b.waitTrue(fmt.Sprintf(`document.getElementById('search-results').getAttribute('data-query') === %q`, text), 30*time.Second); err != nil {
			return err
		}
		by, _ := b.take(parts...)
		c.take()
		costs = append(costs, cost{len(search.Tokenize(text)), by})
	}
	sort.Slice(costs, func(i, j int) bool { return costs[i].bytes < costs[j].bytes })
	at := func(p float64) float64 { return costs[int(p*float64(len(costs)-1))].bytes / 1024 }
	fmt.Printf("\nFirst visit, held-out questions as written (script and index, gzip): median %.1f KB, 90th percentile %.1f KB, max %.1f KB\n", at(0.5), at(0.9), at(1))
	worst, long := 0.0, 0
	for _, c := range costs {
		if c.syllables >= 30 {
			long++
			worst = max(worst, c.bytes)
		}
	}
	fmt.Printf("questions of 30 syllables or more: %d, the costliest %.1f KB (budget for 40 syllables: 120 KB)\n", long, worst/1024)
	return nil
}
