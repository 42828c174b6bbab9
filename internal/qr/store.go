package qr

import (
	"bytes"
	"encoding/binary"
	"errors"
	"strconv"
)

// Store keeps encoded codes across builds (bantin's build cache backs it).
// Get returns what Put stored under name, or false; a Store may lose
// entries, never change them.
type Store interface {
	Get(name string) ([]byte, bool)
	Put(name string, data []byte)
}

// WithStore makes c look each code up in s before encoding it, and put
// every code it encodes there. It returns c.
func (c *Cache) WithStore(s Store) *Cache {
	c.store = s
	return c
}

// load returns the code stored for text at level, if s has a whole one.
func load(s Store, text string, level Level) (*Code, bool) {
	if s == nil {
		return nil, false
	}
	data, ok := s.Get(storeName(text, level))
	if !ok {
		return nil, false
	}
	code, err := unmarshal(text, level, data)
	return code, err == nil
}

func save(s Store, code *Code) {
	if s != nil {
		s.Put(storeName(code.Text, code.Level), code.marshal())
	}
}

func storeName(text string, level Level) string { return string(level) + "\x00" + text }

// marshal lays a code out as its version, mask and side (quiet zone
// included), then its modules, a bit each, row by row.
func (c *Code) marshal() []byte {
	out := []byte{byte(c.Version), byte(c.Mask)}
	out = binary.LittleEndian.AppendUint16(out, uint16(c.size))
	return append(out, c.bits...)
}

func unmarshal(text string, level Level, data []byte) (*Code, error) {
	if len(data) < 4 {
		return nil, errors.New("qr: short entry")
	}
	v, mask, n := int(data[0]), int(data[1]), int(binary.LittleEndian.Uint16(data[2:]))
	if v < 1 || v > 40 || mask > 7 || n != 17+4*v+2*QuietZone || len(data) != 4+(n*n+7)/8 {
		return nil, errors.New("qr: malformed entry")
	}
	return &Code{Text: text, Level: level, Version: v, Mask: mask, size: n, bits: bytes.Clone(data[4:])}, nil
}

// PNG returns code drawn as a PNG sizeMM wide at dpi (Code.PNG), from c's
// store when it has that drawing.
func (c *Cache) PNG(code *Code, sizeMM float64, dpi int) ([]byte, error) {
	name := "png\x00" + storeName(code.Text, code.Level) + "\x00" + strconv.FormatFloat(sizeMM, 'g', -1, 64) + "\x00" + strconv.Itoa(dpi)
	if c.store != nil {
		if data, ok := c.store.Get(name); ok {
			return data, nil
		}
	}
	data, err := code.PNG(sizeMM, dpi)
	if err == nil && c.store != nil {
		c.store.Put(name, data)
	}
	return data, err
}
