package feed

import (
	"bytes"
	"encoding/xml"
	"strings"
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

// cached returns the encoded entry of key, encoding it with encodeOnce on
// the first call.
func (w *Writer) cached(key entryKey, encodeOnce func() (string, error)) (string, error) {
	w.mu.Lock()
	s, ok := w.items[key]
	w.mu.Unlock()
	if ok {
		return s, nil
	}
	s, err := encodeOnce()
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
// Encoders are reused, one pool per prefix: a build encodes thousands of
// entries, and each new encoder allocates its 4 KB write buffer.
func encodeEntry(v any, prefix string) (string, error) {
	pool := entryEncoders[prefix]
	e, _ := pool.Get().(*entryEncoder)
	if e == nil {
		e = &entryEncoder{}
		e.enc = xml.NewEncoder(&e.buf)
		e.enc.Indent(prefix, "  ")
	}
	e.buf.Reset()
	if err := e.enc.Encode(v); err != nil {
		return "", err // and the encoder, which may hold half an element, is dropped
	}
	s := e.buf.String()
	pool.Put(e)
	if !strings.HasPrefix(s, "\n") { // a reused encoder starts on a new line, a new one does not
		s = "\n" + s
	}
	return s, nil
}

type entryEncoder struct {
	buf bytes.Buffer
	enc *xml.Encoder
}

// entryEncoders holds the idle encoders of RSS items ("    ", under
// <channel>) and Atom entries ("  ", under <feed>).
var entryEncoders = map[string]*sync.Pool{"    ": {}, "  ": {}}
