package script

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
)

// properties are the Unicode property names a regular expression may use.
var properties = map[string]*unicode.RangeTable{
	"L": unicode.L, "Ll": unicode.Ll, "Lu": unicode.Lu, "N": unicode.N, "Nd": unicode.Nd, "Mn": unicode.Mn,
}

// alternation is a non-u regular expression group that matches one code
// point of any of the named properties.
func alternation(names []string) (string, error) {
	var ranges [][2]rune
	for _, n := range names {
		t, ok := properties[n]
		if !ok {
			return "", fmt.Errorf("unknown Unicode property \\p{%s}", n)
		}
		ranges = append(ranges, tableRanges(t)...)
	}
	ranges = merge(ranges)
	var bmp strings.Builder
	var astral [][2]rune
	for _, r := range ranges {
		if r[0] <= 0xFFFF {
			bmp.WriteString(classRange(r[0], min(r[1], 0xFFFF)))
		}
		if r[1] > 0xFFFF {
			astral = append(astral, [2]rune{max(r[0], 0x10000), r[1]})
		}
	}
	parts := append([]string{"[" + bmp.String() + "]"}, surrogates(astral)...)
	return "(?:" + strings.Join(parts, "|") + ")", nil
}

func tableRanges(t *unicode.RangeTable) [][2]rune {
	var out [][2]rune
	for _, r := range t.R16 {
		out = append(out, strideRanges(rune(r.Lo), rune(r.Hi), rune(r.Stride))...)
	}
	for _, r := range t.R32 {
		out = append(out, strideRanges(rune(r.Lo), rune(r.Hi), rune(r.Stride))...)
	}
	return out
}

func strideRanges(lo, hi, stride rune) [][2]rune {
	if stride == 1 {
		return [][2]rune{{lo, hi}}
	}
	var out [][2]rune
	for c := lo; c <= hi; c += stride {
		out = append(out, [2]rune{c, c})
	}
	return out
}

// merge sorts ranges and joins those that overlap or touch.
func merge(rs [][2]rune) [][2]rune {
	sort.Slice(rs, func(i, j int) bool { return rs[i][0] < rs[j][0] })
	var out [][2]rune
	for _, r := range rs {
		if n := len(out); n > 0 && r[0] <= out[n-1][1]+1 {
			out[n-1][1] = max(out[n-1][1], r[1])
			continue
		}
		out = append(out, r)
	}
	return out
}

// surrogates matches the astral code points of ranges as UTF-16 pairs:
// one alternative per high surrogate with its low surrogates in one class,
// and one for each run of high surrogates whose every low one matches.
func surrogates(ranges [][2]rune) []string {
	lows := map[rune]*strings.Builder{}
	full := map[rune]bool{}
	var highs []rune
	for _, r := range ranges {
		for c := r[0]; c <= r[1]; {
			h, l := pair(c)
			end := min(r[1], c|0x3FF) // the last code point with this high surrogate
			_, le := pair(end)
			if lows[h] == nil {
				lows[h] = &strings.Builder{}
				highs = append(highs, h)
			}
			lows[h].WriteString(classRange(l, le))
			full[h] = l == 0xDC00 && le == 0xDFFF && lows[h].Len() == len(classRange(l, le))
			c = end + 1
		}
	}
	var out []string
	for i := 0; i < len(highs); i++ {
		h := highs[i]
		if full[h] {
			j := i
			for j+1 < len(highs) && full[highs[j+1]] && highs[j+1] == highs[j]+1 {
				j++
			}
			out = append(out, "["+classRange(h, highs[j])+"]"+"["+classRange(0xDC00, 0xDFFF)+"]")
			i = j
			continue
		}
		out = append(out, escape(h)+"["+lows[h].String()+"]")
	}
	return out
}

// classRange is lo…hi inside a character class.
func classRange(lo, hi rune) string {
	if lo == hi {
		return escape(lo)
	}
	return escape(lo) + "-" + escape(hi)
}

func pair(c rune) (rune, rune) {
	c -= 0x10000
	return 0xD800 + c>>10, 0xDC00 + c&0x3FF
}

// escape is c as it stands in a character class: itself when it is a
// letter, mark or number of the BMP (a third of the bytes of an escape; the
// scripts are UTF-8 already), else \uXXXX (surrogate halves, which have no
// UTF-8 form, among them).
func escape(c rune) string {
	if c <= 0xFFFF && unicode.In(c, unicode.L, unicode.M, unicode.N) {
		return string(c)
	}
	return fmt.Sprintf(`\u%04X`, c)
}
