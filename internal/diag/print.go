package diag

import (
	"fmt"
	"io"
	"regexp"
	"strings"
)

// Verbosity says how much of a list [Print] writes.
type Verbosity int

const (
	// Grouped writes one line per kind of warning: the first one, with how
	// many more there are and where the next few are. Every error is
	// written.
	Grouped Verbosity = iota
	// Verbose writes every warning and every error.
	Verbose
	// Quiet writes the errors only.
	Quiet
)

// groupShown is how many further places a grouped warning line names.
const groupShown = 3

// Print writes the diagnostics of items (sorted, as [List.Items] returns
// them) to w: the warnings first, as v says, then every error, so that an
// error is never lost among warnings.
func Print(w io.Writer, items []Diagnostic, v Verbosity) {
	var warnings, errors []Diagnostic
	for _, d := range items {
		if d.Severity == Warning {
			warnings = append(warnings, d)
		} else {
			errors = append(errors, d)
		}
	}
	switch v {
	case Verbose:
		for _, d := range warnings {
			fmt.Fprintln(w, d)
		}
	case Grouped:
		for _, g := range groupWarnings(warnings) {
			fmt.Fprintln(w, g)
		}
	}
	for _, d := range errors {
		fmt.Fprintln(w, d)
	}
}

type group struct {
	first  Diagnostic
	others []Pos
}

func (g group) String() string {
	s := g.first.String()
	if len(g.others) == 0 {
		return s
	}
	places := make([]string, 0, groupShown)
	for i, p := range g.others {
		if i == groupShown {
			break
		}
		places = append(places, p.String())
	}
	more := ""
	if len(g.others) > groupShown {
		more = ", …"
	}
	return fmt.Sprintf("%s [and %d more like it: %s%s; --verbose lists all]", s, len(g.others), strings.Join(places, ", "), more)
}

// groupWarnings puts warnings of one kind together, in the order of their
// first occurrence.
func groupWarnings(ws []Diagnostic) []group {
	var out []group
	index := map[string]int{}
	for _, d := range ws {
		k := kindOf(d.Msg)
		i, seen := index[k]
		if !seen {
			index[k] = len(out)
			out = append(out, group{first: d})
			continue
		}
		out[i].others = append(out[i].others, d.Pos)
	}
	return out
}

var (
	quoted = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)
	number = regexp.MustCompile(`[0-9]+`)
)

// namedKinds are the messages whose first quoted value names the kind: each
// unknown key, each Hugo-only key is a kind of its own.
var namedKinds = []string{"unknown key ", "front-matter key "}

// kindOf is what warnings of one kind share: the message with its quoted
// values and numbers masked ("add id = \"x7k2pq\"" and "add id = \"m3n4p5\""
// are one kind), but for the key that namedKinds messages start with.
func kindOf(msg string) string {
	head := ""
	for _, prefix := range namedKinds {
		if strings.HasPrefix(msg, prefix) {
			if loc := quoted.FindStringIndex(msg); loc != nil {
				head, msg = msg[:loc[1]], msg[loc[1]:]
			}
			break
		}
	}
	return head + number.ReplaceAllString(quoted.ReplaceAllString(msg, `"…"`), "N")
}
