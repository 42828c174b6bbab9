package vi

import (
	"strconv"
	"strings"
	"unicode"
)

// Slug returns a lower-case ASCII slug of s: marks folded away, letters and
// digits kept, every other run of characters one hyphen, no hyphen at either
// end.
func Slug(s string) string {
	var b strings.Builder
	pendingHyphen := false
	for _, r := range Key(s) {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if pendingHyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			pendingHyphen = false
			b.WriteRune(r)
			continue
		}
		pendingHyphen = true
	}
	return b.String()
}

// Slugger makes slugs unique within one scope (one page's heading IDs).
// It is not safe for concurrent use.
type Slugger struct {
	seen map[string]int
}

// Unique returns Slug(s), or, when that slug was already returned, the slug
// with -1, -2 … appended. An empty slug becomes fallback.
func (g *Slugger) Unique(s, fallback string) string {
	base := Slug(s)
	if base == "" {
		base = fallback
	}
	return g.Reserve(base)
}

// Reserve marks id as used and returns it, or its first free -N variant.
func (g *Slugger) Reserve(id string) string {
	if g.seen == nil {
		g.seen = map[string]int{}
	}
	n, used := g.seen[id]
	if !used {
		g.seen[id] = 0
		return id
	}
	for {
		n++
		candidate := id + "-" + strconv.Itoa(n)
		if _, taken := g.seen[candidate]; !taken {
			g.seen[id] = n
			g.seen[candidate] = 0
			return candidate
		}
	}
}
