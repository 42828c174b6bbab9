package search

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
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
//	K, then K times:                the page's syllables, most frequent first
//	    tf, F, F times (exact form, occurrences)
//	K times:                        the pairs that start with each syllable
//	    N, N times (b, tf << 1 | titled)
//	fragment                        the bytes of f/ID.json
//
// A syllable's key is its exact forms' (vi.Key of any of them), so it is
// not written. tf is the weighted frequency (title 4, heading 2, term 2,
// body 1); b is the index of the pair's second syllable among the K;
// titled, that the pair is in the title or a heading. Syllables come most
// frequent first so that the indexes of most pairs take one byte.
type Analysis struct {
	data    []byte
	length  int
	keys    int    // K
	keysAt  int    // where the first syllable starts
	pairsAt int    // where the pairs of the first syllable start
	frag    []byte // a slice of data
}

// analysisFormat is the first byte of an Analysis's binary form; a change
// of the form changes it (and the build cache's producer version).
const analysisFormat = 2

// Limits a decoded Analysis must respect: no page has this many tokens,
// and sums of lengths stay far from overflowing.
const maxAnalysisCount = 1 << 40

// encode writes the page counted so far and its fragment as an Analysis.
func (an *analyzer) encode(length int, frag []byte) *Analysis {
	keys := an.byFrequency()
	if n := len(an.keys); len(an.localOf) < n {
		an.localOf = make([]int32, n+n/2)
	}
	for i, k := range keys {
		an.localOf[k] = int32(i)
	}
	forms := an.formUses.touched
	an.groupOf = an.groupOf[:0]
	for _, f := range forms {
		an.groupOf = append(an.groupOf, an.localOf[an.keyOf[f]])
	}
	formsOf := an.formGroups.group(len(keys), an.groupOf[:len(forms)])
	an.groupOf = an.groupOf[:0]
	for _, pair := range an.pairOrder {
		an.groupOf = append(an.groupOf, an.localOf[pair>>32])
	}
	pairsOf := an.pairGroups.group(len(keys), an.groupOf)
	b := append(an.buf[:0], analysisFormat)
	b = binary.AppendUvarint(b, uint64(length))
	b = binary.AppendUvarint(b, uint64(len(keys)))
	keysAt := len(b)
	for i, k := range keys {
		b = binary.AppendUvarint(b, uint64(an.syllables.of[k]))
		b = binary.AppendUvarint(b, uint64(len(formsOf[i])))
		for _, j := range formsOf[i] {
			f := forms[j]
			b = appendString(b, an.exact[f])
			b = binary.AppendUvarint(b, uint64(an.formUses.of[f]))
		}
	}
	pairsAt := len(b)
	for i := range keys {
		b = binary.AppendUvarint(b, uint64(len(pairsOf[i])))
		for _, j := range pairsOf[i] {
			titled := uint64(0)
			if int(j) < an.titledPairs {
				titled = 1
			}
			b = binary.AppendUvarint(b, uint64(an.localOf[uint32(an.pairOrder[j])]))
			b = binary.AppendUvarint(b, uint64(an.pairTF[j])<<1|titled)
		}
	}
	b = appendString(b, string(frag))
	an.buf = b
	data := bytes.Clone(b)
	return &Analysis{data: data, length: length, keys: len(keys), keysAt: keysAt, pairsAt: pairsAt, frag: data[len(data)-len(frag):]}
}

// byFrequency returns the ids of the syllables of the page, the most
// frequent first, in order of first occurrence on ties.
func (an *analyzer) byFrequency() []int32 {
	touched := an.syllables.touched
	order := an.order[:0]
	for i, k := range touched {
		order = append(order, uint64(math.MaxUint32-uint32(min(an.syllables.of[k], math.MaxUint32)))<<32|uint64(i))
	}
	slices.Sort(order)
	keys := an.sorted[:0]
	for _, o := range order {
		keys = append(keys, touched[uint32(o)])
	}
	an.order, an.sorted = order, keys
	return keys
}

// grouping puts numbers in groups, reusing its arrays from page to page.
type grouping struct {
	start []int32
	all   []int32
	out   [][]int32
}

// group returns the numbers i of groupOf grouped by groupOf[i] (in [0,
// groups)), in order within each group.
func (g *grouping) group(groups int, groupOf []int32) [][]int32 {
	g.start = append(g.start[:0], make([]int32, groups+1)...)
	for _, x := range groupOf {
		g.start[x+1]++
	}
	for i := 1; i <= groups; i++ {
		g.start[i] += g.start[i-1]
	}
	g.all = append(g.all[:0], make([]int32, len(groupOf))...)
	g.out = append(g.out[:0], make([][]int32, groups)...)
	for i := range g.out {
		g.out[i] = g.all[g.start[i]:g.start[i]:g.start[i+1]]
	}
	for i, x := range groupOf {
		g.out[x] = append(g.out[x], int32(i))
	}
	return g.out
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
		d.count()
		forms := d.count()
		if forms == 0 {
			return nil, errAnalysis // a syllable has a form at least
		}
		for range forms {
			if len(d.string()) == 0 || d.failed {
				return nil, errAnalysis // an empty form has no key
			}
			d.count()
		}
	}
	a.pairsAt = d.at
	for range a.keys {
		n := d.count()
		for range n {
			if d.count() >= a.keys {
				d.failed = true
			}
			d.count()
			if d.failed {
				return nil, errAnalysis
			}
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
	if d.at < len(d.b) && d.b[d.at] < 0x80 { // one byte: most counts
		d.at++
		return int(d.b[d.at-1])
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
