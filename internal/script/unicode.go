package script

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
)

// properties are the Unicode property names a regular expression may use.
var properties = map[string]*unicode.RangeTable{
	"L": unicode.L, "Ll": unicode.Ll, "Lu": unicode.Lu, "N": unicode.N, "Nd": unicode.Nd, "Mn": unicode.Mn,
}

var (
	// regexLiteral matches what looks like a regular expression literal:
	// its body and its flags. Only those with \p{ in them are rewritten.
	regexLiteral = regexp.MustCompile(`/((?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n\[])+)/([dgimsuyv]*)`)
	// propertyClass is a [...] class of properties only, or one property.
	propertyClass = regexp.MustCompile(`\[(?:\\p\{\w+\})+\]|\\p\{\w+\}`)
	propertyName  = regexp.MustCompile(`\\p\{(\w+)\}`)
	anyClass      = regexp.MustCompile(`\[(?:\\.|[^\]\\])*\]`)
	onlyProps     = regexp.MustCompile(`^\[(?:\\p\{\w+\})+\]$`)
)

// rewriteProperties replaces the \p{…} classes of src's regular expression
// literals with explicit ranges and drops those literals' u flag.
func rewriteProperties(src string) (string, error) {
	var problem error
	out := regexLiteral.ReplaceAllStringFunc(src, func(lit string) string {
		m := regexLiteral.FindStringSubmatch(lit)
		if !strings.Contains(m[1], `\p{`) && !strings.Contains(m[1], `\P{`) {
			return lit
		}
		body, flags := m[1], strings.ReplaceAll(m[2], "u", "")
		if strings.Contains(flags, "v") {
			problem = fmt.Errorf("regular expression /%s/%s: the v flag cannot be lowered", body, m[2])
			return lit
		}
		for _, class := range anyClass.FindAllString(body, -1) {
			if strings.Contains(class, `\p{`) && !onlyProps.MatchString(class) {
				problem = fmt.Errorf("regular expression /%s/: only whole classes of \\p{…} can be lowered, not %s", m[1], class)
				return lit
			}
		}
		body = propertyClass.ReplaceAllStringFunc(body, func(class string) string {
			var names []string
			for _, n := range propertyName.FindAllStringSubmatch(class, -1) {
				names = append(names, n[1])
			}
			alt, err := alternation(names)
			if err != nil {
				problem = fmt.Errorf("regular expression /%s/: %w", m[1], err)
			}
			return alt
		})
		if strings.Contains(body, `\p{`) || strings.Contains(body, `\P{`) {
			problem = fmt.Errorf("regular expression /%s/: only whole classes of \\p{…} can be lowered", m[1])
		}
		return "/" + body + "/" + flags
	})
	if problem == nil && (strings.Contains(out, `\p{`) || strings.Contains(out, `\P{`)) {
		problem = fmt.Errorf("a \\p{…} outside a regular expression literal cannot be lowered")
	}
	return out, problem
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

func escape(c rune) string { return fmt.Sprintf(`\u%04X`, c) }
