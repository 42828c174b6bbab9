package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
)

// Tool names, in the table's order.
const (
	toolBantin = "bantin"
	toolWarm   = "bantin warm" // bantin again right after, nothing changed
	toolHugo   = "Hugo"
	toolFloor  = "floor"
)

// result is every run of one tool at one size.
type result struct {
	Tool    string
	Samples []sample
	Files   int    // files in its output after the first run
	Bytes   int64  // their size
	Killed  string // why it has no samples: "killed at 12,000 MB"
	Rebuilt int    // warm runs that built in full instead of finding the site up to date
}

// median of the samples' wall time, CPU time and peak RSS, each taken on
// its own.
func (r result) median() sample {
	var walls, cpus []time.Duration
	var rss []int64
	for _, s := range r.Samples {
		walls, cpus, rss = append(walls, s.Wall), append(cpus, s.CPU), append(rss, s.PeakRSS)
	}
	return sample{Wall: medianOf(walls), CPU: medianOf(cpus), PeakRSS: medianOf(rss)}
}

func medianOf[T time.Duration | int64](xs []T) T {
	if len(xs) == 0 {
		return 0
	}
	s := append([]T(nil), xs...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// table is the figures of one corpus size.
type table struct {
	Pages   int
	Runs    int
	LoadAvg [2]string // /proc/loadavg before and after
	Results []result  // bantin, Hugo (when run), floor
	Stages  string    // bantin's stages, timed once (sitebench stages)
}

// slot is the result of tool, to add samples to.
func (t *table) slot(tool string) *result {
	for i := range t.Results {
		if t.Results[i].Tool == tool {
			return &t.Results[i]
		}
	}
	panic("sitebench: no result for " + tool)
}

func (t table) find(tool string) (result, bool) {
	for _, r := range t.Results {
		if r.Tool == tool && len(r.Samples) > 0 {
			return r, true
		}
	}
	return result{}, false
}

// write prints the table in Markdown: one column per tool (bantin's warm
// rebuild its own), then the ratios bantin/floor, warm/floor and
// bantin/Hugo; rows wall time, CPU time, peak RSS, output.
func (t table) write(w io.Writer) {
	fmt.Fprintf(w, "\n%s pages, median of %d alternating run(s); load average before: %s, after: %s\n\n",
		thousands(int64(t.Pages)), t.Runs, t.LoadAvg[0], t.LoadAvg[1])
	cols := []string{toolBantin, toolWarm, toolHugo, toolFloor}
	header, rule := "| |", "|---|"
	for _, c := range cols {
		header += " " + c + " |"
		rule += "---:|"
	}
	fmt.Fprintln(w, header+" bantin/floor | warm/floor | bantin/Hugo |")
	fmt.Fprintln(w, rule+"---:|---:|---:|")
	rows := []struct {
		name  string
		value func(sample) float64
		show  func(sample) string
	}{
		{"wall time", func(s sample) float64 { return s.Wall.Seconds() }, func(s sample) string { return seconds(s.Wall) }},
		{"CPU time (user+sys)", func(s sample) float64 { return s.CPU.Seconds() }, func(s sample) string { return seconds(s.CPU) }},
		{"peak RSS", func(s sample) float64 { return float64(s.PeakRSS) }, func(s sample) string { return megabytes(s.PeakRSS) }},
	}
	for _, row := range rows {
		line := "| " + row.name + " |"
		vals := map[string]float64{}
		for _, c := range cols {
			r, ok := t.find(c)
			if !ok {
				line += " " + t.missing(c) + " |"
				continue
			}
			m := r.median()
			vals[c] = row.value(m)
			line += " " + row.show(m) + " |"
		}
		line += " " + ratio(vals, toolBantin, toolFloor) + " | " + ratio(vals, toolWarm, toolFloor) + " | " + ratio(vals, toolBantin, toolHugo) + " |"
		fmt.Fprintln(w, line)
	}
	line := "| output |"
	for _, c := range cols {
		r, ok := t.find(c)
		switch {
		case !ok || c == toolFloor:
			line += " — |"
		case c == toolWarm && r.Rebuilt > 0:
			line += fmt.Sprintf(" %d of %d runs built in full |", r.Rebuilt, len(r.Samples))
		case c == toolWarm:
			line += " up to date, none written |"
		default:
			line += fmt.Sprintf(" %s files, %s |", thousands(int64(r.Files)), megabytes(r.Bytes))
		}
	}
	fmt.Fprintln(w, line+" | | |")
}

// missing is what a column without samples shows: why, or "—".
func (t table) missing(tool string) string {
	for _, r := range t.Results {
		if r.Tool == tool && r.Killed != "" {
			return r.Killed
		}
	}
	return "—"
}

// ratio is a/b to two decimals, "—" when either is missing.
func ratio(vals map[string]float64, a, b string) string {
	va, okA := vals[a]
	vb, okB := vals[b]
	if !okA || !okB || vb == 0 {
		return "—"
	}
	return fmt.Sprintf("%.2f", va/vb)
}

func seconds(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

func megabytes(b int64) string { return thousands((b+500_000)/1_000_000) + " MB" }

// thousands writes n with commas: 10,000.
func thousands(n int64) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 && c != '-' && s[i-1] != '-' {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
