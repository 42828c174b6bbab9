package vi

import (
	"sort"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Collator compares strings in Vietnamese alphabetical order. It is safe for
// concurrent use.
type Collator struct {
	mu sync.Mutex
	c  *collate.Collator
}

// NewCollator returns a Vietnamese collator.
func NewCollator() *Collator {
	return &Collator{c: collate.New(language.Vietnamese)}
}

// Compare returns -1, 0 or +1 as a sorts before, with or after b.
func (c *Collator) Compare(a, b string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.c.CompareString(a, b)
}

// SortStrings sorts s in place, in Vietnamese order.
func (c *Collator) SortStrings(s []string) {
	sort.SliceStable(s, func(i, j int) bool { return c.Compare(s[i], s[j]) < 0 })
}
