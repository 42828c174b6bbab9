package feed

import (
	"bytes"
	"encoding/xml"
	"sync"

	"bantin/internal/site"
)

// Writer writes the feeds of many lists. A page sits in several feeds (its
// section's, the home page's, one per term it has); the Writer encodes its
// RSS item and its Atom entry once each and splices them into every feed
// that lists it. It is safe for concurrent use; make one per build, since
// it keeps what it encoded for as long as it lives.
type Writer struct {
	mu    sync.Mutex
	items map[entryKey]string
}

type entryKey struct {
	page *site.Page
	atom bool
}

// NewWriter returns a Writer with nothing encoded yet.
func NewWriter() *Writer {
	return &Writer{items: map[entryKey]string{}}
}

// RSS returns the RSS 2.0 feed of list page p, encoding each page once
// per Writer.
func RSS(p *site.Page) ([]byte, error) { return NewWriter().RSS(p) }

// Atom returns the Atom 1.0 feed of list page p.
func Atom(p *site.Page) ([]byte, error) { return NewWriter().Atom(p) }

// cached returns the encoded entry of key, encoding it with make on the
// first call. Entries whose bytes depend on the list (shareable false) are
// encoded every time.
func (w *Writer) cached(key entryKey, shareable bool, make func() (string, error)) (string, error) {
	if !shareable {
		return make()
	}
	w.mu.Lock()
	s, ok := w.items[key]
	w.mu.Unlock()
	if ok {
		return s, nil
	}
	s, err := make()
	if err != nil {
		return "", err
	}
	w.mu.Lock()
	w.items[key] = s
	w.mu.Unlock()
	return s, nil
}

// encodeEntry encodes one item or entry as encoding/xml writes it inside
// its feed: on a new line, indented by prefix, its children two spaces
// further in. The result goes into the feed verbatim (an innerxml field).
func encodeEntry(v any, prefix string) (string, error) {
	var b bytes.Buffer
	b.WriteByte('\n')
	enc := xml.NewEncoder(&b)
	enc.Indent(prefix, "  ")
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return b.String(), nil
}
