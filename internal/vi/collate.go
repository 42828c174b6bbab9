package vi

import (
	"bytes"
	"sort"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Collator compares strings in Vietnamese alphabetical order. It is safe for
// concurrent use.
type Collator struct {
	mu  sync.Mutex
	c   *collate.Collator
	buf collate.Buffer
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

// Key returns the sort key of s: bytes.Compare of two keys orders their
// strings as Compare does. Sorting n strings by keys made once each costs
// n keys instead of n log n comparisons of whole strings.
func (c *Collator) Key(s string) []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	key := bytes.Clone(c.c.KeyFromString(&c.buf, s))
	c.buf.Reset()
	return key
}

// SortStrings sorts s in place, in Vietnamese order.
func (c *Collator) SortStrings(s []string) {
	keys := make(map[string][]byte, len(s))
	for _, str := range s {
		keys[str] = c.Key(str)
	}
	sort.SliceStable(s, func(i, j int) bool { return bytes.Compare(keys[s[i]], keys[s[j]]) < 0 })
}
