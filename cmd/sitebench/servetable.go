package main

import (
	"fmt"
	"io"
	"time"
)

// serveSample is one start of bantin serve and one edit: the times from
// the process's start to each first 200 answer and to the log line that
// says every page is made, then from the edit's write to the page served
// with the new text and to the reload event naming it.
type serveSample struct {
	Home, Page, Search, Made time.Duration
	Served, Reload           time.Duration
	DuringSearch             time.Duration // a second edit → its reload, saved while the search index is rebuilt
	Update                   time.Duration // the update's own time, from the server's log
	Full                     bool          // the edit rebuilt the whole site
	Hits, Misses             int           // the first build's cache answers
}

func (m serveSample) String() string {
	return fmt.Sprintf("start → / %s, page %s, search %s, all made %s; edit → page %s, reload %s (update %s, full %v), during the search rebuild %s; cache %d hits, %d misses",
		ms(m.Home), ms(m.Page), ms(m.Search), ms(m.Made), ms(m.Served), ms(m.Reload), ms(m.Update), m.Full, ms(m.DuringSearch), m.Hits, m.Misses)
}

// serveTable is every run of sitebench serve.
type serveTable struct {
	Pages   int
	Page    string // the edited page's URL path
	Runs    int
	LoadAvg [2]string
	Serve   []serveSample
	Floor   []time.Duration // the floor's wall time on the same site
}

// write prints the medians in Markdown, each with its ratio to the
// floor's wall time.
func (t serveTable) write(w io.Writer) {
	floor := medianOf(t.Floor)
	fmt.Fprintf(w, "\nbantin serve on %s pages with a warm cache, median of %d run(s) alternating with the floor's; load average before: %s, after: %s\n\n",
		thousands(int64(t.Pages)), t.Runs, t.LoadAvg[0], t.LoadAvg[1])
	fmt.Fprintf(w, "| | bantin serve | ÷ floor (%s) |\n|---|---:|---:|\n", seconds(floor))
	rows := []struct {
		name string
		of   func(serveSample) time.Duration
	}{
		{"start → 200 on `/`", func(m serveSample) time.Duration { return m.Home }},
		{"start → 200 on `" + t.Page + "`", func(m serveSample) time.Duration { return m.Page }},
		{"start → 200 on the search manifest", func(m serveSample) time.Duration { return m.Search }},
		{"start → every page made", func(m serveSample) time.Duration { return m.Made }},
		{"edit → the page served with the new text", func(m serveSample) time.Duration { return m.Served }},
		{"edit → the reload event", func(m serveSample) time.Duration { return m.Reload }},
		{"the update itself (server's log)", func(m serveSample) time.Duration { return m.Update }},
		{"a second edit, saved during the search index's rebuild → reload", func(m serveSample) time.Duration { return m.DuringSearch }},
	}
	for _, row := range rows {
		var ds []time.Duration
		for _, m := range t.Serve {
			ds = append(ds, row.of(m))
		}
		d := medianOf(ds)
		r := "—"
		if floor > 0 {
			r = fmt.Sprintf("%.2f", d.Seconds()/floor.Seconds())
		}
		fmt.Fprintf(w, "| %s | %s | %s |\n", row.name, ms(d), r)
	}
	full, misses := 0, 0
	for _, m := range t.Serve {
		if m.Full {
			full++
		}
		misses = max(misses, m.Misses)
	}
	fmt.Fprintf(w, "\nThe edit rebuilt the whole site in %d of %d runs; the first build missed the cache at most %d times.\n", full, len(t.Serve), misses)
}

// ms is a duration in milliseconds below 10 s, else in seconds.
func ms(d time.Duration) string {
	if d >= 10*time.Second {
		return seconds(d)
	}
	return fmt.Sprintf("%d ms", d.Milliseconds())
}
