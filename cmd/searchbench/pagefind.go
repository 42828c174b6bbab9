package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/chromedp/chromedp"
)

// pagefindFigures are what indexing the site with Pagefind measured.
type pagefindFigures struct {
	Build time.Duration
	Files int
}

// runPagefind indexes the pages of the built site that glob matches with
// Pagefind 1.6.0, on the same content bantin indexes: the article element
// of each page.
func runPagefind(dir, glob string) (pagefindFigures, error) {
	var f pagefindFigures
	npx, err := exec.LookPath("npx")
	if err != nil {
		return f, fmt.Errorf("npx not found (apt-get install npm)")
	}
	start := time.Now()
	cmd := exec.Command(npx, "-y", "pagefind@1.6.0", "--site", dir, "--glob", glob, "--root-selector", "article")
	if out, err := cmd.CombinedOutput(); err != nil {
		return f, fmt.Errorf("pagefind: %v\n%s", err, out)
	}
	f.Build = time.Since(start)
	filepath.WalkDir(filepath.Join(dir, "pagefind"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			f.Files++
		}
		return nil
	})
	return f, os.WriteFile(filepath.Join(dir, "pf-bench.html"), []byte(pagefindPage), 0o644)
}

// pagefindPage loads Pagefind's API and, per query, searches and loads the
// data (fragments) of the first 10 results, as bantin's page shows 10.
const pagefindPage = `<!DOCTYPE html><meta charset="utf-8"><title>Pagefind</title>
<script type="module">
const pf = await import("/pagefind/pagefind.js");
await pf.init();
window.pfSearch = (q, tag) => {
  const t0 = performance.now();
  pf.search(q).then(async (r) => {
    const ms = performance.now() - t0;
    const data = await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
    window.pfLast = { q, tag, n: r.results.length, ms, urls: data.map((d) => d.url) };
  });
  return true;
};
window.pfReady = true;
</script>`

// measurePagefind runs the queries on pf-bench.html, the first one after
// loading the page (Pagefind's script, WebAssembly and entry count for it).
func measurePagefind(b *browser, c *wire, base string, queries []string) ([]queryFigures, error) {
	if err := chromedp.Do(b.ctx, chromedp.Navigate(base+"/pf-bench.html")); err != nil {
		return nil, err
	}
	if err := b.waitTrue("window.pfReady === true", 30*time.Second); err != nil {
		return nil, err
	}
	var out []queryFigures
	for _, q := range queries {
		if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](fmt.Sprintf("pfSearch(%q, %q)", q, q))); err != nil {
			return nil, err
		}
		if err := b.waitTrue(fmt.Sprintf("window.pfLast && window.pfLast.q === %q", q), 60*time.Second); err != nil {
			return nil, err
		}
		type last struct {
			N  int     `json:"n"`
			Ms float64 `json:"ms"`
		}
		l, err := chromedp.Run(b.ctx, chromedp.Evaluate[last]("window.pfLast"))
		if err != nil {
			return nil, err
		}
		by, n := c.take("/pagefind/")
		out = append(out, queryFigures{Query: q, Bytes: by, Requests: n, Ms: l.Ms, Results: l.N})
	}
	return out, nil
}

// pagefindIfAsked indexes the site in dir with Pagefind (the pages glob)
// when asked to, and says why there are no Pagefind figures otherwise.
func pagefindIfAsked(asked bool, dir, glob string) (pagefindFigures, error) {
	if !asked {
		return pagefindFigures{}, fmt.Errorf("not asked for (-pagefind=false)")
	}
	fmt.Println("Indexing it with Pagefind 1.6.0…")
	return runPagefind(dir, glob)
}
