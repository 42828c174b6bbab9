package content

import "time"

// Until is the earliest instant after opts.Now at which the filter of
// opts (drafts, future, expired) could give a document of s another
// answer than at opts.Now: a publish date still ahead, or the instant
// just past an expiry date not yet passed. Until then, a build with the
// same inputs shows the same documents. The zero time means no date of s
// can change an answer.
func (s *Set) Until(opts Options) time.Time {
	var until time.Time
	earlier := func(t time.Time) {
		if until.IsZero() || t.Before(until) {
			until = t
		}
	}
	for _, docs := range [][]*Doc{s.Docs, s.Hidden} {
		for _, d := range docs {
			if d.Front.Draft && !opts.Drafts {
				continue // hidden as a draft whatever the clock says
			}
			if !opts.Future && d.Front.PublishDate.After(opts.Now) {
				earlier(d.Front.PublishDate) // shown from this instant on
			}
			if e := d.Front.ExpiryDate; !opts.Expired && !e.IsZero() && !e.Before(opts.Now) {
				earlier(e.Add(time.Nanosecond)) // hidden once it lies before now
			}
		}
	}
	return until
}
