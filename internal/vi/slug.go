package vi

import (
	"strconv"
	"strings"
	"unicode"
)

// MaxSlug is the longest slug Slug returns, in bytes: a longer one is cut
// at the last hyphen that fits (or at MaxSlug when no hyphen lies in its
// second half), so that a page's URL stays readable and its folder name
// far below file systems' 255-byte limit.
const MaxSlug = 80

// slugLetters are letters with no Unicode decomposition that Fold leaves
// as they are; a slug spells them in ASCII.
var slugLetters = map[rune]string{'ł': "l", 'ø': "o", 'æ': "ae", 'œ': "oe", 'ß': "ss", 'þ': "th", 'ð': "d", 'ı': "i"}

// Slug returns a lower-case ASCII slug of s: marks folded away, letters and
// digits kept, every other run of characters one hyphen, no hyphen at either
// end, at most MaxSlug bytes. A dot between digits that groups thousands
// ("1.052", "2.500.000") is dropped: "1052".
func Slug(s string) string {
	var b strings.Builder
	pendingHyphen := false
	write := func(text string) {
		if pendingHyphen && b.Len() > 0 {
			b.WriteByte('-')
		}
		pendingHyphen = false
		b.WriteString(text)
	}
	key := []rune(Key(s))
	for i, r := range key {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			write(string(r))
		case slugLetters[r] != "":
			write(slugLetters[r])
		case r == '.' && groupsThousands(key, i):
		default:
			pendingHyphen = true
		}
	}
	return cutSlug(b.String())
}

// groupsThousands reports whether the dot at i stands between a digit and
// exactly three digits, as in "1.052".
func groupsThousands(key []rune, i int) bool {
	if i == 0 || i+3 >= len(key) {
		return false
	}
	if !isDigit(key[i-1]) || !isDigit(key[i+1]) || !isDigit(key[i+2]) || !isDigit(key[i+3]) {
		return false
	}
	return i+4 == len(key) || !isDigit(key[i+4])
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// cutSlug shortens a slug to MaxSlug bytes at a word boundary.
func cutSlug(s string) string {
	if len(s) <= MaxSlug {
		return s
	}
	if i := strings.LastIndexByte(s[:MaxSlug+1], '-'); i >= MaxSlug/2 {
		return s[:i]
	}
	return strings.TrimRight(s[:MaxSlug], "-")
}

// Slugger makes slugs unique within one scope (one page's heading IDs).
// It is not safe for concurrent use.
type Slugger struct {
	seen map[string]int
}

// Unique returns Slug(s), or, when that slug was already returned, the slug
// with -1, -2 … appended. An empty slug becomes fallback.
func (g *Slugger) Unique(s, fallback string) string {
	base := Slug(s)
	if base == "" {
		base = fallback
	}
	return g.Reserve(base)
}

// Reserve marks id as used and returns it, or its first free -N variant.
func (g *Slugger) Reserve(id string) string {
	if g.seen == nil {
		g.seen = map[string]int{}
	}
	n, used := g.seen[id]
	if !used {
		g.seen[id] = 0
		return id
	}
	for {
		n++
		candidate := id + "-" + strconv.Itoa(n)
		if _, taken := g.seen[candidate]; !taken {
			g.seen[id] = n
			g.seen[candidate] = 0
			return candidate
		}
	}
}
