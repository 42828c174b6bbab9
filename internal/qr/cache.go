package qr

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"sync"
)

// Cache makes each code once, even when many goroutines ask for it at
// the same moment. It is safe for concurrent use.
type Cache struct {
	mu    sync.Mutex
	codes map[string]*made // level + "\x00" + text → code
	files map[string]bool  // base names of files asked for with File
	store Store            // nil: codes last one build
}

// made is one code, made by the first goroutine that asked for it.
type made struct {
	once sync.Once
	code *Code
	err  error
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{codes: map[string]*made{}, files: map[string]bool{}}
}

// Get returns the code for text at level, making it on first use.
func (c *Cache) Get(text string, level Level) (*Code, error) {
	key := string(level) + "\x00" + text
	c.mu.Lock()
	m, ok := c.codes[key]
	if !ok {
		m = &made{}
		c.codes[key] = m
	}
	c.mu.Unlock()
	m.once.Do(func() {
		var ok bool
		if m.code, ok = load(c.store, text, level); ok {
			return
		}
		if m.code, m.err = New(text, level); m.err == nil {
			save(c.store, m.code)
		}
	})
	return m.code, m.err
}

// FileName returns the content-addressed base name ("3f9a…c2") of the
// files for text at level.
func FileName(text string, level Level) string {
	sum := sha256.Sum256([]byte(string(level) + "\x00" + text))
	return hex.EncodeToString(sum[:8])
}

// Want records that the files of text at level are needed (see Wanted) and
// returns their base name.
func (c *Cache) Want(text string, level Level) (string, error) {
	if _, err := c.Get(text, level); err != nil {
		return "", err
	}
	name := FileName(text, level)
	c.mu.Lock()
	c.files[string(level)+"\x00"+text] = true
	c.mu.Unlock()
	return name, nil
}

// Wanted returns the codes recorded with Want, sorted by file name.
func (c *Cache) Wanted() []*Code {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]*Code, 0, len(c.files))
	for key := range c.files {
		out = append(out, c.codes[key].code)
	}
	sort.Slice(out, func(i, j int) bool { return FileName(out[i].Text, out[i].Level) < FileName(out[j].Text, out[j].Level) })
	return out
}
