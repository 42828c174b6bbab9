package main

import (
	"fmt"
	"net/url"
	"os"
	"time"

	"github.com/chromedp/chromedp"
)

// queryFigures are one engine's figures for one query.
type queryFigures struct {
	Query    string
	Bytes    float64
	Requests int
	Ms       float64 // bantin: ranking computation; Pagefind: search() call
	Results  int
	Server   float64 // bytes the server counted, to check the browser's count
}

// measureBantin opens the search page with the first query, then types
// each later one into the box, recording the bytes each took.
func measureBantin(b *browser, c *wire, base string, queries []string) ([]queryFigures, error) {
	var out []queryFigures
	parts := []string{"/tim-kiem/tim-kiem.js", "/tim-kiem/du-lieu/"}
	for i, q := range queries {
		if os.Getenv("SEARCHBENCH_VERBOSE") != "" {
			fmt.Printf("  bantin %q:\n", q)
		}
		if i == 0 {
			if err := chromedp.Do(b.ctx, chromedp.Navigate(base+"/tim-kiem/?q="+url.QueryEscape(q))); err != nil {
				return nil, err
			}
		} else {
			set := fmt.Sprintf(`(() => { const i = document.getElementById('search-q'); i.value = %q; i.form.requestSubmit(); return true })()`, q)
			if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](set)); err != nil {
				return nil, err
			}
		}
		if err := b.waitTrue(fmt.Sprintf(`document.getElementById('search-results').getAttribute('data-query') === %q`, q), 30*time.Second); err != nil {
			return nil, err
		}
		type stats struct {
			Ms      float64 `json:"ms"`
			Results int     `json:"results"`
		}
		st, err := chromedp.Run(b.ctx, chromedp.Evaluate[stats](`window.bantinSearchStats`))
		if err != nil {
			return nil, err
		}
		by, n := b.take(parts...)
		server, _ := c.take(parts...)
		out = append(out, queryFigures{Query: q, Bytes: by, Requests: n, Ms: st.Ms, Results: st.Results, Server: server})
	}
	return out, nil
}
