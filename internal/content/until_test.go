package content

import (
	"slices"
	"testing"
	"time"
)

// answers is what the filter says of every document of s at now.
func answers(s *Set, opts Options, now time.Time) []string {
	opts.Now = now
	var out []string
	for _, docs := range [][]*Doc{s.Docs, s.Hidden} {
		for _, d := range docs {
			out = append(out, d.Path+"="+hiddenReason(d, opts))
		}
	}
	return out
}

// Until is exact: every answer of the filter holds up to the instant
// before it, and one changes at it.
func TestUntilIsTheNextChangeOfTheFilter(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	site := time.FixedZone("+07", 7*3600) // dates without a zone are the site's
	files := map[string]string{
		"content/draft-soon.md":   "+++\ntitle = \"a\"\ndraft = true\ndate = 2026-01-02\n+++\n",
		"content/future.md":       "+++\ntitle = \"b\"\ndate = 2026-03-01\n+++\n",
		"content/expires.md":      "+++\ntitle = \"c\"\nexpiryDate = 2026-02-01T08:00:00Z\n+++\n",
		"content/expired.md":      "+++\ntitle = \"d\"\nexpiryDate = 2020-01-01\n+++\n",
		"content/past.md":         "+++\ntitle = \"e\"\ndate = 2020-01-01\n+++\n",
		"content/expires-now.md":  "+++\ntitle = \"f\"\nexpiryDate = 2026-01-01T00:00:00Z\n+++\n",
		"content/publish-late.md": "+++\ntitle = \"g\"\npublishDate = 2026-06-01\nexpiryDate = 2026-07-01\n+++\n",
	}
	cases := []struct {
		name string
		opts Options
		want time.Time
	}{
		{"default", Options{}, now.Add(time.Nanosecond)}, // expires-now leaves just after now
		{"expired shown", Options{Expired: true}, time.Date(2026, 3, 1, 0, 0, 0, 0, site)},
		{"future shown", Options{Future: true}, now.Add(time.Nanosecond)},
		{"drafts shown", Options{Drafts: true, Expired: true}, time.Date(2026, 1, 2, 0, 0, 0, 0, site)},
		{"everything shown", Options{Drafts: true, Future: true, Expired: true}, time.Time{}},
	}
	for _, c := range cases {
		c.opts.Now = now
		set, _ := scan(t, files, c.opts)
		got := set.Until(c.opts)
		if !got.Equal(c.want) {
			t.Errorf("%s: Until = %v, want %v", c.name, got, c.want)
			continue
		}
		if got.IsZero() {
			if !slices.Equal(answers(set, c.opts, now), answers(set, c.opts, now.AddDate(100, 0, 0))) {
				t.Errorf("%s: no bound, but an answer changes within a century", c.name)
			}
			continue
		}
		at := answers(set, c.opts, now)
		if !slices.Equal(at, answers(set, c.opts, got.Add(-time.Nanosecond))) {
			t.Errorf("%s: an answer changes before Until", c.name)
		}
		if slices.Equal(at, answers(set, c.opts, got)) {
			t.Errorf("%s: no answer changes at Until", c.name)
		}
	}
}
