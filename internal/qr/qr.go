package qr

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"rsc.io/qr/coding"
)

// QuietZone is the light border around the code, in modules.
const QuietZone = 4

// Level is an error-correction level.
type Level string

const (
	L Level = "L"
	M Level = "M"
	Q Level = "Q"
	H Level = "H"
)

// ParseLevel reads "L", "M", "Q" or "H" (any case).
func ParseLevel(s string) (Level, error) {
	switch l := Level(strings.ToUpper(s)); l {
	case L, M, Q, H:
		return l, nil
	}
	return "", fmt.Errorf("QR error correction %q must be L, M, Q or H", s)
}

func (l Level) coding() coding.Level {
	switch l {
	case L:
		return coding.L
	case Q:
		return coding.Q
	case H:
		return coding.H
	}
	return coding.M
}

// Code is an encoded QR code: its text and its module matrix, quiet zone
// included.
type Code struct {
	Text    string
	Level   Level
	Version int
	Mask    int
	size    int    // modules per side, quiet zone included
	bits    []byte // module y*size+x is bit (y*size+x)%8 of byte (y*size+x)/8; 1 = dark
}

// New encodes text in the smallest version that holds it, with the mask
// of lowest penalty. The data and its error correction are computed once;
// each of the eight masks only places those codewords on its own layout,
// as bits, and is scored 64 modules at a time.
func New(text string, level Level) (*Code, error) {
	enc := encodingOf(text)
	l := level.coding()
	v := coding.Version(coding.MinVersion)
	for ; enc.Bits(v) > v.DataBytes(l)*8; v++ {
		if v == coding.MaxVersion {
			return nil, fmt.Errorf("QR code for %q: %w", text, errors.New("text too long"))
		}
	}
	var bits coding.Bits
	enc.Encode(&bits, v)
	bits.AddCheckBytes(v, l)
	codewords := bits.Bytes()
	size := 17 + 4*int(v) // modules per side of version v
	cur, best := newSymbol(size), newSymbol(size)
	bestMask, bestPenalty := 0, -1
	for mask := 0; mask < 8; mask++ {
		lay, err := layoutFor(v, l, coding.Mask(mask))
		if err != nil {
			return nil, fmt.Errorf("QR code for %q: %w", text, err)
		}
		lay.place(codewords, cur)
		if p := cur.penalty(); bestPenalty < 0 || p < bestPenalty {
			bestMask, bestPenalty = mask, p
			cur, best = best, cur
		}
	}
	return (&Code{Text: text, Level: level, Version: int(v), Mask: bestMask}).withModules(best), nil
}

// encodingOf picks the smallest single data mode for text.
func encodingOf(text string) coding.Encoding {
	switch {
	case coding.Num(text).Check() == nil:
		return coding.Num(text)
	case coding.Alpha(text).Check() == nil:
		return coding.Alpha(text)
	}
	return coding.String(text)
}

type planKey struct {
	v    coding.Version
	l    coding.Level
	mask coding.Mask
}

// plans caches coding plans: a plan costs as much to make as an encoding,
// and a site's codes share a handful of versions.
var plans sync.Map // planKey → *coding.Plan

func planFor(v coding.Version, l coding.Level, mask coding.Mask) (*coding.Plan, error) {
	key := planKey{v, l, mask}
	if p, ok := plans.Load(key); ok {
		return p.(*coding.Plan), nil
	}
	p, err := coding.NewPlan(v, l, mask)
	if err != nil {
		return nil, err
	}
	plans.Store(key, p)
	return p, nil
}

// withModules sets c's modules to s's, inside the quiet zone, as bits:
// a code kept for a whole build costs an eighth of a byte a module.
func (c *Code) withModules(s *symbol) *Code {
	c.size = s.n + 2*QuietZone
	c.bits = make([]byte, (c.size*c.size+7)/8)
	for y := 0; y < s.n; y++ {
		for x := 0; x < s.n; x++ {
			if s.dark(x, y) {
				i := (y+QuietZone)*c.size + x + QuietZone
				c.bits[i/8] |= 1 << (i % 8)
			}
		}
	}
	return c
}

// Size is the width of the code in modules, quiet zone included.
func (c *Code) Size() int { return c.size }

// Dark reports whether the module at (x, y) is dark.
func (c *Code) Dark(x, y int) bool {
	i := y*c.size + x
	return c.bits[i/8]&(1<<(i%8)) != 0
}
