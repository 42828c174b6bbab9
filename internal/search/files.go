package search

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"sort"
	"strconv"
	"strings"

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

// Fragment text limits, in runes: enough for a snippet anywhere in an
// ordinary article, bounded for very long pages.
const (
	maxSectionText = 2000
	maxFragText    = 8000
)

// Files builds the index of s's regular pages and returns every file of
// it, and the search script. typeLabel names a content type for the type
// filter ("leaflet" → "Tờ gấp").
func Files(s *site.Site, typeLabel func(string) string) []output.File {
	docs := s.Pages
	ix := buildIndex(docs)
	var files []output.File
	add := func(p string, data []byte) {
		files = append(files, output.File{Path: p, Data: data, Source: "search index"})
	}
	shards := shardFiles(ix)
	for i, data := range shards {
		add(ShardPath(i), data)
	}
	types, topics, meta := docMeta(docs, typeLabel)
	add(DataDir+"docs.bin", meta)
	add(DataDir+"tu-vung.txt", []byte(strings.Join(ix.keysByDF, "\n")))
	frags := make([][]byte, len(docs))
	parallel.For(len(docs), func(i int) { frags[i] = fragment(docs[i], s) })
	for i, data := range frags {
		add(FragmentPath(i), data)
	}
	m := manifest{Version: 1, Docs: len(docs), Shards: len(shards), Types: append([][2]string{}, types...), Topics: append([]string{}, topics...), Build: digest(files)}
	data, _ := json.Marshal(m)
	add(DataDir+"manifest.json", data)
	add(ScriptPath, Script())
	return files
}

// ShardPath is the path of shard i.
func ShardPath(i int) string { return DataDir + "s/" + strconv.Itoa(i) + ".bin" }

// FragmentPath is the path of page id's fragment.
func FragmentPath(id int) string { return DataDir + "f/" + strconv.Itoa(id) + ".json" }

// manifest is manifest.json.
type manifest struct {
	Version int         `json:"version"`
	Docs    int         `json:"docs"`
	Shards  int         `json:"shards"`
	Types   [][2]string `json:"types"`  // [key, label]
	Topics  []string    `json:"topics"` // names, Vietnamese order
	Build   string      `json:"build"`  // changes whenever any index file does
}

// shardFiles encodes every entry and groups them into shards.
func shardFiles(ix *index) [][]byte {
	enc := make([][]byte, len(ix.entries))
	parallel.For(len(ix.entries), func(i int) { enc[i] = encodeEntry(ix.entries[i]) })
	total := 0
	for _, b := range enc {
		total += len(b)
	}
	n := shardCount(total)
	order := make([]int, len(enc))
	home := make([]int, len(enc))
	for i, e := range ix.entries {
		order[i], home[i] = i, shardOf(e.shard, n)
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
	shards := make([][]byte, n)
	for _, i := range order {
		shards[home[i]] = append(shards[home[i]], enc[i]...)
	}
	return shards
}

// docMeta returns the type and topic tables and docs.bin: per page, its
// type's index (one byte), its number of topics and their indexes
// (varints).
func docMeta(docs []*site.Page, typeLabel func(string) string) ([][2]string, []string, []byte) {
	typeIndex := map[string]int{}
	var types [][2]string
	topicIndex := map[string]int{}
	var topics []string
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
	var b []byte
	for _, p := range docs {
		b = append(b, byte(typeIndex[p.Type]))
		ts := p.TermsOf(TopicTaxonomy)
		b = binary.AppendUvarint(b, uint64(len(ts)))
		for _, t := range ts {
			b = binary.AppendUvarint(b, uint64(topicIndex[t.Name]))
		}
	}
	return types, topics, b
}

// frag is one page's fragment: what its result shows.
type frag struct {
	URL      string      `json:"u"`
	Title    string      `json:"t"`
	Date     string      `json:"d"`
	Sections [][3]string `json:"s"` // [anchor, heading, text]; the first may have no anchor
}

func fragment(p *site.Page, s *site.Site) []byte {
	f := frag{URL: p.RelPermalink, Title: p.Title, Date: vi.FormatDate(p.Date, s.Config.Location)}
	budget := maxFragText
	addSection := func(id, title, text string) {
		text = clip(strings.Join(strings.Fields(text), " "), min(maxSectionText, budget))
		budget -= len([]rune(text))
		f.Sections = append(f.Sections, [3]string{id, title, text})
	}
	switch {
	case len(p.Questions) > 0:
		if len(p.Sections) > 0 && p.Sections[0].Title == "" {
			addSection("", "", p.Sections[0].Plain)
		}
		for _, q := range p.Questions {
			addSection(q.ID, q.Text, q.Plain)
		}
	case len(p.Sections) > 0:
		for _, sec := range p.Sections {
			addSection(sec.ID, sec.Title, sec.Plain)
		}
	default:
		addSection("", "", p.Plain)
	}
	data, _ := json.Marshal(f)
	return data
}

// clip cuts text to at most n runes, at a space when it can.
func clip(text string, n int) string {
	r := []rune(text)
	if len(r) <= n {
		return text
	}
	cut := string(r[:max(n, 0)])
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	return cut + "…"
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
