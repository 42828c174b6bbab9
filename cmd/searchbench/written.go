package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

// Keywords written by a reader: -keywords FILE replaces the simulated
// keyword reader (typing.go) with queries a person wrote for each question
// from its text alone. The file is tab-separated, one question a line:
//
//	split <TAB> question id <TAB> query
//
// split is "tuning" or "held-out" (question ids repeat across the
// splits); blank lines and lines starting with # are skipped. Every
// judged question of both splits must have its line, and every line a
// question, so that a file written for another version of the data set
// is caught rather than scored on a part of it.

// readWritten reads a keyword file into split → question id → query.
func readWritten(path string) (map[string]map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]map[string]string{"tuning": {}, "held-out": {}}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 || strings.TrimSpace(cols[2]) == "" {
			return nil, fmt.Errorf("%s:%d:1: error: want split<TAB>question id<TAB>query, got %q", path, n, line)
		}
		split, id := cols[0], cols[1]
		byID, ok := out[split]
		if !ok {
			return nil, fmt.Errorf("%s:%d:1: error: split %q is neither tuning nor held-out", path, n, split)
		}
		if _, dup := byID[id]; dup {
			return nil, fmt.Errorf("%s:%d:1: error: a second line for %s %s", path, n, split, id)
		}
		byID[id] = strings.TrimSpace(cols[2])
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

// attachWritten gives each question of the set its written keywords, and
// fails when a judged question has none or a line names no question.
func attachWritten(s *qaSet, path string, written map[string]map[string]string) error {
	for _, sp := range []struct {
		name string
		qs   []question
		all  map[string]bool
	}{{"tuning", s.tuning, s.tuningIDs}, {"held-out", s.heldOut, s.heldOutIDs}} {
		for i := range sp.qs {
			kw, ok := written[sp.name][sp.qs[i].ID]
			if !ok {
				return fmt.Errorf("%s: error: no keywords for %s question %s", path, sp.name, sp.qs[i].ID)
			}
			sp.qs[i].Written = kw
		}
		for id := range written[sp.name] {
			if !sp.all[id] {
				return fmt.Errorf("%s: error: %s has no question %s", path, sp.name, id)
			}
		}
	}
	return nil
}
