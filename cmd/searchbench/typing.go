package main

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"bantin/internal/search"
)

// The three ways a reader types a question: as written, the same without
// marks, and 2–4 keywords without marks.
var typings = []string{"question with marks", "question without marks", "2–4 keywords, no marks"}

// typingNames are the -typed flag's names of the typings, in their order.
var typingNames = []string{"marks", "bare", "keywords"}

// chooseTypings returns the indexes of the comma-separated typing names.
func chooseTypings(list string) ([]int, error) {
	var ways []int
	for _, name := range strings.Split(list, ",") {
		i := slices.Index(typingNames, strings.TrimSpace(name))
		if i < 0 {
			return nil, fmt.Errorf("-typed: no way of typing %q (marks, bare, keywords)", name)
		}
		ways = append(ways, i)
	}
	return ways, nil
}

// typed is question q typed the given way; keywords are the ones a reader
// wrote for it when there are (-keywords), else the simulated reader's.
func typed(q question, way int, f frequencies) string {
	switch way {
	case 1:
		return bare(q.Text)
	case 2:
		if q.Written != "" {
			return q.Written
		}
		return keywords(q.Text, f)
	}
	return q.Text
}

// bare writes a question as a phone keyboard without Vietnamese input
// would: its words without marks, đ as d.
func bare(q string) string {
	var words []string
	for _, t := range search.Tokenize(q) {
		words = append(words, t.Key)
	}
	return strings.Join(words, " ")
}

// skipped are the words a reader leaves out of keywords: question words,
// the legal boilerplate of the question set's questions ("theo quy định
// của pháp luật") and grammatical words.
var skipped = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`gì nào không là phải có của được những các và thì mà hay hoặc bị đâu sao ai mấy
		đó này ấy cũng đã sẽ đang rằng thế với cho để ở trong từ theo tại về khi nếu bao nhiêu lâu sau đây
		đúng sai như quy định luật pháp người một trường hợp nào đâu trên dưới ra vào bằng`) {
		skipped[w] = true
	}
}

// keywords picks what a reader would keep of a question: its two rarest
// words of two syllables, in the question's order, without marks. A word
// is two neighbouring syllables, neither skipped, that stand side by side
// on two pages of the site or more (so "tranh chấp", not "quyết tranh");
// rarest by the sum of its syllables' inverse document frequencies. With
// no such word, the question's rarest syllable. It reads the site's
// frequencies, never the judged answer.
func keywords(q string, f frequencies) string {
	toks := search.Tokenize(q)
	type word struct {
		at     int
		rarity float64
	}
	idf := func(k string) float64 { return math.Log(float64(f.n+1) / float64(f.keys[k]+1)) }
	var words []word
	seen := map[string]bool{}
	for i := 1; i < len(toks); i++ {
		a, b := toks[i-1], toks[i]
		pk := a.Key + " " + b.Key
		if b.Break || skipped[a.Exact] || skipped[b.Exact] || a.Key == b.Key || seen[pk] {
			continue
		}
		seen[pk] = true
		if f.pairs[pk] >= 2 {
			words = append(words, word{i - 1, idf(a.Key) + idf(b.Key)})
		}
	}
	sort.SliceStable(words, func(i, j int) bool { return words[i].rarity > words[j].rarity })
	var chosen []int
	for _, w := range words {
		if len(chosen) == 2 {
			break
		}
		if len(chosen) == 1 && (w.at == chosen[0]+1 || w.at == chosen[0]-1) {
			continue
		}
		chosen = append(chosen, w.at)
	}
	sort.Ints(chosen)
	var out []string
	for _, at := range chosen {
		out = append(out, toks[at].Key, toks[at+1].Key)
	}
	if len(out) > 0 {
		return strings.Join(out, " ")
	}
	rarest := ""
	for _, t := range toks {
		if !skipped[t.Exact] && (rarest == "" || f.keys[t.Key] < f.keys[rarest]) {
			rarest = t.Key
		}
	}
	return rarest
}

// frequencies are the number of pages of the site each syllable key and
// each pair of neighbouring keys is on.
type frequencies struct {
	n           int // pages
	keys, pairs map[string]int
}

func countFrequencies(texts []string) frequencies {
	f := frequencies{len(texts), map[string]int{}, map[string]int{}}
	for _, text := range texts {
		seen := map[string]bool{}
		toks := search.Tokenize(text)
		for i, t := range toks {
			if !seen[t.Key] {
				seen[t.Key] = true
				f.keys[t.Key]++
			}
			if i > 0 && !t.Break {
				pk := toks[i-1].Key + " " + t.Key
				if !seen["\x00"+pk] {
					seen["\x00"+pk] = true
					f.pairs[pk]++
				}
			}
		}
	}
	return f
}
