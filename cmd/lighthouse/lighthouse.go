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
			NumericValue float64 `json:"numericValue"`
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
	}, nil
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
	}
}
