package main

import (
	"fmt"
	"os"
	"strings"
)

// choosePages returns the pages named in the comma-separated list, in the
// order of pages, or every page when the list is empty.
func choosePages(list string) ([]page, error) {
	if strings.TrimSpace(list) == "" {
		return pages, nil
	}
	want := map[string]bool{}
	for _, k := range strings.Split(list, ",") {
		want[strings.TrimSpace(k)] = true
	}
	var chosen []page
	for _, p := range pages {
		if want[p.kind] {
			chosen = append(chosen, p)
			delete(want, p.kind)
		}
	}
	for k := range want {
		return nil, fmt.Errorf("-pages: no page kind %q", k)
	}
	return chosen, nil
}

// loadAverage is the machine's one-minute load average, which moves
// Lighthouse's scores; "?" where /proc/loadavg cannot be read.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return "?"
	}
	return f[0]
}
