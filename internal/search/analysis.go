package search

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
)

// Analysis is what the index needs from one page, computed from that page
// alone (words as strings, not ids shared by a build) and holding no
// reference to the page: its syllables with their weighted frequencies and
// exact forms, its pairs, its length and its fragment. It is kept in its
// binary form (below), a few kilobytes a page, which is also what
// MarshalBinary returns and the build cache stores.
//
// The binary form, all integers unsigned varints, strings a length and
// their bytes:
//
//	version (one byte, analysisFormat)
//	length                          body tokens
//	K, then K times:                the page's syllables
//	    key, tf, F, F times (exact form, occurrences)
//	P, then P times:                its pairs, as indexes into the K
//	    a, b, tf << 1 | titled      syllables; titled: in the title or a heading
//	fragment                        the bytes of f/ID.json
//
// tf is the weighted frequency (title 4, heading 2, term 2, body 1).
type Analysis struct {
	data    []byte
	length  int
	keys    int    // K
	keysAt  int    // where the first syllable starts
	pairs   int    // P
	pairsAt int    // where the first pair starts
	frag    []byte // a slice of data
}

// analysisFormat is the first byte of an Analysis's binary form; a change
// of the form changes it (and the build cache's producer version).
const analysisFormat = 1

// Limits a decoded Analysis must respect: no page has this many tokens,
// and sums of lengths stay far from overflowing.
const maxAnalysisCount = 1 << 40

// encode writes the page counted so far and its fragment as an Analysis.
func (an *analyzer) encode(length int, frag []byte) *Analysis {
	keys := an.syllables.touched
	if n := len(an.keys); len(an.localOf) < n {
		an.localOf = make([]int32, n+n/2)
	}
	for i, k := range keys {
		an.localOf[k] = int32(i)
	}
	// The forms of each syllable, grouped by the syllable's index.
	start := make([]int32, len(keys)+1)
	for _, f := range an.formUses.touched {
		start[an.localOf[an.keyOf[f]]+1]++
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	byKey := make([]int32, len(an.formUses.touched))
	next := slices.Clone(start[:len(keys)])
	for _, f := range an.formUses.touched {
		l := an.localOf[an.keyOf[f]]
		byKey[next[l]] = f
		next[l]++
	}
	b := append(an.buf[:0], analysisFormat)
	b = binary.AppendUvarint(b, uint64(length))
	b = binary.AppendUvarint(b, uint64(len(keys)))
	for i, k := range keys {
		b = appendString(b, an.keys[k])
		b = binary.AppendUvarint(b, uint64(an.syllables.of[k]))
		forms := byKey[start[i]:start[i+1]]
		b = binary.AppendUvarint(b, uint64(len(forms)))
		for _, f := range forms {
			b = appendString(b, an.exact[f])
			b = binary.AppendUvarint(b, uint64(an.formUses.of[f]))
		}
	}
	b = binary.AppendUvarint(b, uint64(len(an.pairOrder)))
	for i, pair := range an.pairOrder {
		b = binary.AppendUvarint(b, uint64(an.localOf[pair>>32]))
		b = binary.AppendUvarint(b, uint64(an.localOf[uint32(pair)]))
		titled := uint64(0)
		if i < an.titledPairs {
			titled = 1
		}
		b = binary.AppendUvarint(b, uint64(an.pairTF[i])<<1|titled)
	}
	b = appendString(b, string(frag))
	an.buf = b
	a, err := parseAnalysis(bytes.Clone(b))
	if err != nil {
		panic("search: an analysis does not read back: " + err.Error()) // a bug of encode, not of the page
	}
	return a
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// MarshalBinary returns the binary form of a.
func (a *Analysis) MarshalBinary() ([]byte, error) { return bytes.Clone(a.data), nil }

// UnmarshalAnalysis reads an Analysis from its binary form (it keeps a
// copy of data). A damaged or foreign form is an error.
func UnmarshalAnalysis(data []byte) (*Analysis, error) {
	return parseAnalysis(bytes.Clone(data))
}

var errAnalysis = errors.New("search: damaged analysis")

// parseAnalysis checks data from end to end and returns the Analysis it
// holds, which keeps data.
func parseAnalysis(data []byte) (*Analysis, error) {
	if len(data) == 0 || data[0] != analysisFormat {
		return nil, fmt.Errorf("search: not an analysis of format %d", analysisFormat)
	}
	d := &decoder{b: data, at: 1}
	a := &Analysis{data: data}
	a.length = d.count()
	a.keys = d.count()
	a.keysAt = d.at
	for range a.keys {
		d.string()
		d.count()
		forms := d.count()
		if forms == 0 {
			d.failed = true // every syllable has a form
		}
		for range forms {
			d.string()
			d.count()
			if d.failed {
				break
			}
		}
		if d.failed {
			return nil, errAnalysis
		}
	}
	a.pairs = d.count()
	a.pairsAt = d.at
	for range a.pairs {
		if d.count() >= a.keys || d.count() >= a.keys {
			d.failed = true
		}
		d.count()
		if d.failed {
			return nil, errAnalysis
		}
	}
	a.frag = d.string()
	if d.failed || d.at != len(data) {
		return nil, errAnalysis
	}
	return a, nil
}

// decoder reads the binary form. Once it fails, every read returns zero.
type decoder struct {
	b      []byte
	at     int
	failed bool
}

// count reads an unsigned varint below maxAnalysisCount.
func (d *decoder) count() int {
	if d.failed {
		return 0
	}
	v, n := binary.Uvarint(d.b[d.at:])
	if n <= 0 || v >= maxAnalysisCount {
		d.failed = true
		return 0
	}
	d.at += n
	return int(v)
}

// string reads a length and that many bytes.
func (d *decoder) string() []byte {
	n := d.count()
	if d.failed || n > len(d.b)-d.at {
		d.failed = true
		return nil
	}
	s := d.b[d.at : d.at+n : d.at+n]
	d.at += n
	return s
}
