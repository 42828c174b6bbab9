package search

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"bantin/internal/site"
	"bantin/internal/vi"
)

// Fragment text limits, in runes. A result's snippet (at most 160
// characters) comes from the start of its best section. Every shown result
// fetches its page's fragment, so a fragment stays near 600 bytes once
// gzipped however long the page: the page's text budget is shared among
// its sections, each getting at least minSectionText while it lasts.
const (
	minSectionText = 240
	maxFragText    = 800
)

// fragment is one page's fragment, what its result shows:
// {"u": URL, "t": title, "d": date ("" when undated), "s": [[anchor, heading, text], …]};
// the first section may have no anchor.
// secs and questions are p's (Sections, Questions), read once by Analyze.
func fragment(p *site.Page, secs []site.Section, questions []site.Question, loc *time.Location) []byte {
	b := append([]byte(`{"u":`), jsonString(p.RelPermalink)...)
	b = append(append(b, `,"t":`...), jsonString(p.Title)...)
	date := "" // an undated page shows no date, not 01/01/0001
	if !p.Date.IsZero() {
		date = vi.FormatDate(p.Date, loc)
	}
	b = append(append(b, `,"d":`...), jsonString(date)...)
	b = append(b, `,"s":[`...)
	parts := fragmentSections(p, secs, questions)
	budget := maxFragText
	for i, sec := range parts {
		text := clip(sec.text, min(max(minSectionText, budget/(len(parts)-i)), budget))
		budget -= utf8.RuneCountInString(text) // clip's "…" may take it to -1; clip then returns ""
		if i > 0 {
			b = append(b, ',')
		}
		b = append(append(append(append(append(append(append(b, '['), jsonString(sec.id)...), ','), jsonString(sec.title)...), ','), jsonString(text)...), ']')
	}
	return append(b, "]}"...)
}

// fragmentSection is one section of a fragment: its anchor, heading and
// text.
type fragmentSection struct{ id, title, text string }

// fragmentSections are the sections of p a fragment holds: a handbook's
// questions (after its introduction), else the page's sections, else the
// whole page as one.
func fragmentSections(p *site.Page, secs []site.Section, questions []site.Question) []fragmentSection {
	var out []fragmentSection
	switch {
	case len(questions) > 0:
		if len(secs) > 0 && secs[0].Title == "" {
			out = append(out, fragmentSection{"", "", secs[0].Plain()})
		}
		for _, q := range questions {
			out = append(out, fragmentSection{q.ID, q.Text, q.Plain()})
		}
	case len(secs) > 0:
		for _, sec := range secs {
			out = append(out, fragmentSection{sec.ID, sec.Title, sec.Plain()})
		}
	default:
		out = append(out, fragmentSection{"", "", p.Plain()})
	}
	return out
}

// jsonString writes s as a JSON string, escaping what JSON requires: the
// quote, the backslash and control characters.
func jsonString(s string) []byte {
	b := make([]byte, 0, len(s)+2)
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\t':
			b = append(b, '\\', 't')
		default:
			b = append(b, fmt.Sprintf("\\u%04x", c)...)
		}
		start = i + 1
	}
	return append(append(b, s[start:]...), '"')
}

// clip returns text with its runs of ASCII white space made single spaces,
// cut to at most n runes, at a space when it can (then ending with "…").
// It works on bytes: every page's text goes through it.
func clip(text string, n int) string {
	if n <= 0 {
		return ""
	}
	text = strings.TrimSpace(text)
	if len(text) <= n && !strings.ContainsAny(text, "\n\t\r") && !strings.Contains(text, "  ") {
		return text // at most n bytes, so at most n runes, and spaced as it should be
	}
	b := make([]byte, 0, min(len(text), 4*n))
	runes, lastSpace, space := 0, -1, false
	cut := func() string {
		if lastSpace > len(b)/2 {
			return string(b[:lastSpace]) + "…"
		}
		return string(b) + "…"
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			space = true
			continue
		}
		if space {
			if runes+1 >= n {
				return cut()
			}
			lastSpace = len(b)
			b = append(b, ' ')
			runes++
			space = false
		}
		if c&0xC0 != 0x80 { // the first byte of a rune
			if runes >= n {
				return cut()
			}
			runes++
		}
		b = append(b, c)
	}
	return string(b)
}
