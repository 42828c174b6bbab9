package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"sort"
)

// report is what one Lighthouse run measured.
type report struct {
	Performance, Accessibility, BestPractices, SEO float64 // 0–100
	CLS                                            float64
	Bytes                                          float64 // transferred
	FCP, LCP, TBT, SpeedIndex                      float64 // milliseconds
	LCPElement                                     string  // the largest contentful paint's node, as Lighthouse names it
}

// lighthouse runs npm's lighthouse once on url with chrome.
func lighthouse(chrome, url string) (report, error) {
	cmd := exec.Command("lighthouse", url, "--quiet", "--output=json", "--output-path=stdout",
		"--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage")
	cmd.Env = append(os.Environ(), "CHROME_PATH="+chrome)
	out, err := cmd.Output()
	if err != nil {
		return report{}, fmt.Errorf("lighthouse (npm install -g lighthouse): %w", err)
	}
	var lh struct {
		Categories map[string]struct{ Score float64 } `json:"categories"`
		Audits     map[string]struct {
			NumericValue float64         `json:"numericValue"`
			Details      json.RawMessage `json:"details"`
		} `json:"audits"`
	}
	if err := json.Unmarshal(out, &lh); err != nil {
		return report{}, fmt.Errorf("lighthouse output: %w", err)
	}
	c, a := lh.Categories, lh.Audits
	return report{
		Performance: 100 * c["performance"].Score, Accessibility: 100 * c["accessibility"].Score,
		BestPractices: 100 * c["best-practices"].Score, SEO: 100 * c["seo"].Score,
		CLS: a["cumulative-layout-shift"].NumericValue, Bytes: a["total-byte-weight"].NumericValue,
		FCP: a["first-contentful-paint"].NumericValue, LCP: a["largest-contentful-paint"].NumericValue,
		TBT: a["total-blocking-time"].NumericValue, SpeedIndex: a["speed-index"].NumericValue,
		LCPElement: lcpElement(a["lcp-breakdown-insight"].Details),
	}, nil
}

// lcpElement digs the LCP node's selector out of Lighthouse 13's LCP
// breakdown (a list whose node item names it); "" when absent.
func lcpElement(details json.RawMessage) string {
	var d struct {
		Items []struct {
			Type     string `json:"type"`
			Selector string `json:"selector"`
		} `json:"items"`
	}
	if json.Unmarshal(details, &d) != nil {
		return ""
	}
	for _, it := range d.Items {
		if it.Type == "node" {
			return it.Selector
		}
	}
	return ""
}

// median takes the median of each figure on its own.
func median(rs []report) report {
	pick := func(f func(report) float64) float64 {
		v := make([]float64, len(rs))
		for i, r := range rs {
			v[i] = f(r)
		}
		sort.Float64s(v)
		return v[len(v)/2]
	}
	return report{
		Performance:   pick(func(r report) float64 { return r.Performance }),
		Accessibility: pick(func(r report) float64 { return r.Accessibility }),
		BestPractices: pick(func(r report) float64 { return r.BestPractices }),
		SEO:           pick(func(r report) float64 { return r.SEO }),
		CLS:           pick(func(r report) float64 { return r.CLS }),
		Bytes:         pick(func(r report) float64 { return r.Bytes }),
		FCP:           pick(func(r report) float64 { return r.FCP }),
		LCP:           pick(func(r report) float64 { return r.LCP }),
		TBT:           pick(func(r report) float64 { return r.TBT }),
		SpeedIndex:    pick(func(r report) float64 { return r.SpeedIndex }),
		LCPElement:    rs[len(rs)/2].LCPElement,
	}
}
