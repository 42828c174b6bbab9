package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"bantin/internal/output"
	"bantin/internal/parallel"
	"bantin/internal/site"
	"bantin/internal/vi"
)

// Where the search page and its index are published.
const (
	PageURL    = "/tim-kiem/"
	DataDir    = "tim-kiem/du-lieu/"
	ScriptPath = "tim-kiem/tim-kiem.js"
	// TopicTaxonomy is the taxonomy offered as a filter.
	TopicTaxonomy = "topics"
)

// Fragment text limits, in runes. A result's snippet (at most 160
// characters) comes from the start of its best section. Every shown result
// fetches its page's fragment, so a fragment stays near 600 bytes once
// gzipped however long the page: the page's text budget is shared among
// its sections, each getting at least minSectionText while it lasts.
const (
	minSectionText = 240
	maxFragText    = 800
)

// Files builds the index of s's regular pages and returns every file of
// it, and the search script. typeLabel names a content type for the type
// filter ("leaflet" → "Tờ gấp").
func Files(s *site.Site, typeLabel func(string) string) []output.File {
	docs := s.Pages
	// Fragments depend only on the pages: they are made while the index is
	// built, whose sequential steps leave cores idle.
	frags := make([][]byte, len(docs))
	fragsDone := make(chan struct{})
	go func() {
		parallel.For(len(docs), func(i int) { frags[i] = fragment(docs[i], s) })
		close(fragsDone)
	}()
	ix := buildIndex(docs)
	var files []output.File
	add := func(p string, data []byte) {
		files = append(files, output.File{Path: p, Data: data, Source: "search index"})
	}
	set := shardFiles(ix)
	for i, data := range set.shards {
		add(ShardPath(i), data)
		if set.forms[i] != nil {
			add(FormsPath(i), set.forms[i])
		}
	}
	types, topics, meta := docMeta(docs, typeLabel)
	add(DataDir+"docs.json", meta)
	add(DataDir+"tu-vung.txt", []byte(strings.Join(ix.keysByDF, "\n")))
	<-fragsDone
	for i, data := range frags {
		add(FragmentPath(i), data)
	}
	m := manifest{Version: 1, Docs: len(docs), Common: ix.common, Plan: set.plan, Types: types, Topics: topics, Build: digest(files)}
	data, _ := json.Marshal(m)
	add(DataDir+"manifest.json", data)
	if js, err := Script(); err == nil { // an error is the build's (see build.Build)
		add(ScriptPath, js)
	}
	return files
}

// ShardPath is the path of shard i.
func ShardPath(i int) string { return DataDir + "s/" + strconv.Itoa(i) + ".json" }

// FormsPath is the path of forms file i, the one opened by shard i's
// forms.
func FormsPath(i int) string { return DataDir + "s/" + strconv.Itoa(i) + ".f.json" }

// FragmentPath is the path of page id's fragment.
func FragmentPath(id int) string { return DataDir + "f/" + strconv.Itoa(id) + ".json" }

// manifest is manifest.json.
type manifest struct {
	Version int         `json:"version"`
	Docs    int         `json:"docs"`
	Common  []string    `json:"common"` // the commonest keys, most frequent first
	Plan    *shardPlan  `json:"shards"`
	Types   [][2]string `json:"types"`  // [key, label]
	Topics  []string    `json:"topics"` // names, Vietnamese order
	Build   string      `json:"build"`  // changes whenever any index file does
}

// shardFiles encodes every entry and groups them into shards: JSON
// objects {"s": syllables, "f": forms, "p": Bloom filter of pairs}.
func shardFiles(ix *index) *shardSet {
	enc := make([][]byte, len(ix.entries))
	parallel.For(len(ix.entries), func(i int) { enc[i] = entryJSON(ix.entries[i], len(ix.docs)) })
	size := map[string]int{} // what a query without marks downloads: not the forms
	for i, e := range ix.entries {
		if e.kind == kindSyllable {
			size[e.shard] += len(enc[i])
		}
	}
	bloomChars := bloomBits(len(ix.docs)) // base64 characters, times six
	for _, pl := range ix.pairs {
		size[ix.keys[pl.home]] += len(pl.postings) * bloomChars / 6
	}
	plan := planShards(size)
	n := plan.count()
	home := make([]int, len(enc))
	order := make([]int, len(enc))
	for i, e := range ix.entries {
		home[i] = plan.of(e.shard)
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool {
		ea, eb := ix.entries[order[a]], ix.entries[order[b]]
		if home[order[a]] != home[order[b]] {
			return home[order[a]] < home[order[b]]
		}
		if ea.kind != eb.kind {
			return ea.kind < eb.kind
		}
		return ea.key < eb.key
	})
	groups := make([][2][][]byte, n)
	pairs := make([][]pairList, n)
	shardOfKey := make([]int, len(ix.keys))
	for k, key := range ix.keys {
		shardOfKey[k] = plan.of(key)
	}
	for _, pl := range ix.pairs {
		h := shardOfKey[pl.home]
		pairs[h] = append(pairs[h], pl)
	}
	for _, i := range order {
		g := &groups[home[i]][group(ix.entries[i].kind)]
		*g = append(*g, enc[i])
	}
	formsSize := make([]int, n)
	for i, g := range groups {
		for _, f := range g[1] {
			formsSize[i] += len(f) + 1
		}
	}
	place := placeForms(formsSize)
	out := &shardSet{plan: plan, shards: make([][]byte, n), forms: make([][]byte, n)}
	parallel.For(n, func(i int) {
		g := groups[i]
		b := []byte(`{"s":{`)
		b = append(append(b, bytes.Join(g[0], []byte(","))...), `},"f":{`...)
		if place[i] < 0 {
			b = append(b, bytes.Join(g[1], []byte(","))...)
			b = append(b, '}')
		} else {
			b = strconv.AppendInt(append(b, `},"h":`...), int64(place[i]), 10)
		}
		b = append(append(b, `,"p":"`...), bloom(pairs[i], ix.keys, len(ix.docs))...)
		out.shards[i] = append(b, `"}`...)
	})
	held := make([][]int, n) // forms file → the shards whose forms it holds
	for i, f := range place {
		if f >= 0 {
			held[f] = append(held[f], i)
		}
	}
	for f, shards := range held {
		if len(shards) > 0 {
			out.forms[f] = formsFile(shards, groups)
		}
	}
	return out
}

// formsFile writes a forms file: {"shard": {forms…}, …} for each of shards.
func formsFile(shards []int, groups [][2][][]byte) []byte {
	b := []byte{'{'}
	for k, i := range shards {
		if k > 0 {
			b = append(b, ',')
		}
		b = append(strconv.AppendInt(append(b, '"'), int64(i), 10), `":{`...)
		b = append(append(b, bytes.Join(groups[i][1], []byte(","))...), '}')
	}
	return append(b, '}')
}

// shardSet is the encoded index: shards, and the forms files, each at the
// number of the shard that opened it (nil elsewhere).
type shardSet struct {
	plan   *shardPlan
	shards [][]byte
	forms  [][]byte
}

// group is the member of a shard a syllable (0, "s") or form (1, "f")
// entry goes to.
func group(kind byte) int {
	if kind == kindSyllable {
		return 0
	}
	return 1
}

// docMeta returns the type and topic tables and docs.json: {"t": each
// page's type index, "c": each page's topic indexes}.
func docMeta(docs []*site.Page, typeLabel func(string) string) ([][2]string, []string, []byte) {
	typeIndex := map[string]int{}
	types := [][2]string{}
	topicIndex := map[string]int{}
	topics := []string{}
	for _, p := range docs {
		if _, ok := typeIndex[p.Type]; !ok {
			typeIndex[p.Type] = len(types)
			types = append(types, [2]string{p.Type, typeLabel(p.Type)})
		}
		for _, t := range p.TermsOf(TopicTaxonomy) {
			if _, ok := topicIndex[t.Name]; !ok {
				topicIndex[t.Name] = 0
				topics = append(topics, t.Name)
			}
		}
	}
	vi.NewCollator().SortStrings(topics)
	for i, t := range topics {
		topicIndex[t] = i
	}
	meta := struct {
		Types  []int   `json:"t"`
		Topics [][]int `json:"c"`
	}{make([]int, len(docs)), make([][]int, len(docs))}
	for i, p := range docs {
		meta.Types[i] = typeIndex[p.Type]
		meta.Topics[i] = []int{}
		for _, t := range p.TermsOf(TopicTaxonomy) {
			meta.Topics[i] = append(meta.Topics[i], topicIndex[t.Name])
		}
	}
	data, _ := json.Marshal(meta)
	return types, topics, data
}

// fragment is one page's fragment, what its result shows:
// {"u": URL, "t": title, "d": date ("" when undated), "s": [[anchor, heading, text], …]};
// the first section may have no anchor.
func fragment(p *site.Page, s *site.Site) []byte {
	b := append([]byte(`{"u":`), jsonString(p.RelPermalink)...)
	b = append(append(b, `,"t":`...), jsonString(p.Title)...)
	date := "" // an undated page shows no date, not 01/01/0001
	if !p.Date.IsZero() {
		date = vi.FormatDate(p.Date, s.Config.Location)
	}
	b = append(append(b, `,"d":`...), jsonString(date)...)
	b = append(b, `,"s":[`...)
	secs := fragmentSections(p)
	budget := maxFragText
	for i, sec := range secs {
		text := clip(sec.text, min(max(minSectionText, budget/(len(secs)-i)), budget))
		budget -= utf8.RuneCountInString(text) // clip's "…" may take it to -1; clip then returns ""
		if i > 0 {
			b = append(b, ',')
		}
		b = append(append(append(append(append(append(append(b, '['), jsonString(sec.id)...), ','), jsonString(sec.title)...), ','), jsonString(text)...), ']')
	}
	return append(b, "]}"...)
}

// fragmentSection is one section of a fragment: its anchor, heading and
// text.
type fragmentSection struct{ id, title, text string }

// fragmentSections are the sections of p a fragment holds: a handbook's
// questions (after its introduction), else the page's sections, else the
// whole page as one.
func fragmentSections(p *site.Page) []fragmentSection {
	secs := p.Sections()
	var out []fragmentSection
	switch {
	case len(p.Questions()) > 0:
		if len(secs) > 0 && secs[0].Title == "" {
			out = append(out, fragmentSection{"", "", secs[0].Plain()})
		}
		for _, q := range p.Questions() {
			out = append(out, fragmentSection{q.ID, q.Text, q.Plain()})
		}
	case len(secs) > 0:
		for _, sec := range secs {
			out = append(out, fragmentSection{sec.ID, sec.Title, sec.Plain()})
		}
	default:
		out = append(out, fragmentSection{"", "", p.Plain()})
	}
	return out
}

// jsonString writes s as a JSON string, escaping what JSON requires: the
// quote, the backslash and control characters.
func jsonString(s string) []byte {
	b := make([]byte, 0, len(s)+2)
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\t':
			b = append(b, '\\', 't')
		default:
			b = append(b, fmt.Sprintf("\\u%04x", c)...)
		}
		start = i + 1
	}
	return append(append(b, s[start:]...), '"')
}

// clip returns text with its runs of ASCII white space made single spaces,
// cut to at most n runes, at a space when it can (then ending with "…").
// It works on bytes: every page's text goes through it.
func clip(text string, n int) string {
	if n <= 0 {
		return ""
	}
	text = strings.TrimSpace(text)
	if len(text) <= n && !strings.ContainsAny(text, "\n\t\r") && !strings.Contains(text, "  ") {
		return text // at most n bytes, so at most n runes, and spaced as it should be
	}
	b := make([]byte, 0, min(len(text), 4*n))
	runes, lastSpace, space := 0, -1, false
	cut := func() string {
		if lastSpace > len(b)/2 {
			return string(b[:lastSpace]) + "…"
		}
		return string(b) + "…"
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			space = true
			continue
		}
		if space {
			if runes+1 >= n {
				return cut()
			}
			lastSpace = len(b)
			b = append(b, ' ')
			runes++
			space = false
		}
		if c&0xC0 != 0x80 { // the first byte of a rune
			if runes >= n {
				return cut()
			}
			runes++
		}
		b = append(b, c)
	}
	return string(b)
}

// digest is a short hash of every file, so that a new build gets new URLs.
func digest(files []output.File) string {
	h := fnv.New64a()
	for _, f := range files {
		h.Write([]byte(f.Path))
		h.Write(f.Data)
	}
	return fmt.Sprintf("%x", h.Sum64())
}
