package config

import (
	"math"

	"bantin/internal/diag"
)

// intRange is the documented range of an integer key.
type intRange struct {
	key      []string
	min, max int
	value    func(c *Config) *int
}

// intRanges lists every integer key with a range. A value outside it is an
// error at the key; the build goes on with the default.
var intRanges = []intRange{
	{[]string{"pagination", "pagerSize"}, 1, 1000, func(c *Config) *int { return &c.Pagination.PagerSize }},
	{[]string{"feeds", "limit"}, 1, 1000, func(c *Config) *int { return &c.Feeds.Limit }},
	{[]string{"related", "count"}, 1, 50, func(c *Config) *int { return &c.Related.Count }},
	{[]string{"qr", "dpi"}, 72, 1200, func(c *Config) *int { return &c.QR.DPI }},
}

// QR sizes bantin prints, in millimetres.
const (
	MinQRSizeMM = 5
	MaxQRSizeMM = 300
)

// checkRanges reports every number set outside its range and resets it to
// zero, so that setDefaults gives it its default.
func (c *Config) checkRanges(dl *diag.List) {
	for _, r := range intRanges {
		if !c.has(r.key...) {
			continue
		}
		if v := r.value(c); *v < r.min || *v > r.max {
			dl.Errorf(c.pos(r.key...), "%s.%s = %d is out of range: it must be from %d to %d", r.key[0], r.key[1], *v, r.min, r.max)
			*v = 0
		}
	}
	if c.has("qr", "sizeMM") {
		if s := c.QR.SizeMM; math.IsNaN(s) || s < MinQRSizeMM || s > MaxQRSizeMM {
			dl.Errorf(c.pos("qr", "sizeMM"), "qr.sizeMM = %v is out of range: it must be a number of millimetres from %d to %d", s, MinQRSizeMM, MaxQRSizeMM)
			c.QR.SizeMM = 0
		}
	}
}

// has reports whether the config file sets the key to a number (a value
// of the wrong type is reported by the decoder).
func (c *Config) has(key ...string) bool {
	if c.doc == nil {
		return false
	}
	var v any = c.doc.Values
	for _, k := range key {
		m, ok := v.(map[string]any)
		if !ok {
			return false
		}
		if v, ok = m[k]; !ok {
			return false
		}
	}
	switch v.(type) {
	case int64, float64, int, uint64:
		return true
	}
	return false
}

// pos returns where the key stands in the config file, or the file's
// first line when it is not there.
func (c *Config) pos(key ...string) diag.Pos {
	if c.doc == nil {
		file := c.Source
		if file == "" {
			file = File
		}
		return diag.Pos{File: file, Line: 1, Col: 1}
	}
	return c.doc.Pos(key...)
}
