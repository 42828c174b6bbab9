package search

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"sort"
	"strconv"
	"strings"
	"sync"

	"bantin/internal/output"
	"bantin/internal/parallel"
	"bantin/internal/site"
	"bantin/internal/textstore"
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

// Files builds the index of s's regular pages from their analyses
// (as[i] is the analysis of s.Pages[i], made by Analyze) and returns every
// file of it, and the search script: [Spill] and [WriteFiles] for analyses
// held in memory.
func Files(s *site.Site, as []*Analysis, typeLabel func(string) string) []output.File {
	st := textstore.NewMem()
	var files []output.File
	var mu sync.Mutex
	add := func(f output.File) {
		mu.Lock()
		files = append(files, f)
		mu.Unlock()
	}
	spilled := make([]Spilled, len(as))
	for i, a := range as {
		spilled[i] = a.Spill(i, st, add)
	}
	WriteFiles(s, spilled, st, typeLabel, add)
	return files
}

// WriteFiles builds the index of s's regular pages from their spilled
// analyses (spilled[i] is s.Pages[i]'s, in st; their fragments are
// written) and hands every other file of it, and the search script, to
// add as it is made. typeLabel names a content type for the type filter
// ("leaflet" → "Tờ gấp"). Of the pages it reads only Type and their
// topics: their text is in the analyses. A failed read of st is st's
// error (textstore.Store.Err).
func WriteFiles(s *site.Site, spilled []Spilled, st *textstore.Store, typeLabel func(string) string, add func(output.File)) {
	docs := s.Pages
	if len(spilled) != len(docs) {
		panic(fmt.Sprintf("search.WriteFiles: %d analyses for %d pages", len(spilled), len(docs)))
	}
	if len(docs) >= maxPages {
		panic(fmt.Sprintf("search.WriteFiles: %d pages, more than an index holds", len(docs)))
	}
	// Shards and forms files go out as they are encoded, on many
	// goroutines; the manifest's build hash folds their hashes in order.
	set := shardFiles(buildIndex(&spilledAnalyses{list: spilled, st: st}), func(p string, data []byte) uint64 {
		add(output.File{Path: p, Data: data, Source: "search index"})
		return fileSum(p, data)
	})
	build := fnv.New64a() // of every index file: the manifest's build
	emit := func(p string, data []byte) {
		build.Write(binary.LittleEndian.AppendUint64(nil, fileSum(p, data)))
		add(output.File{Path: p, Data: data, Source: "search index"})
	}
	for _, sum := range set.sums {
		build.Write(binary.LittleEndian.AppendUint64(nil, sum))
	}
	types, topics, meta := docMeta(docs, typeLabel)
	emit(DataDir+"docs.json", meta)
	emit(DataDir+"tu-vung.txt", []byte(strings.Join(set.vocabulary, "\n")))
	for _, sp := range spilled { // the fragments, written by Spill
		build.Write(binary.LittleEndian.AppendUint64(nil, sp.fragSum))
	}
	m := manifest{Version: 1, Docs: len(docs), Common: set.common, Plan: set.plan, Types: types, Topics: topics, Build: fmt.Sprintf("%x", build.Sum64())}
	data, _ := json.Marshal(m)
	add(output.File{Path: DataDir + "manifest.json", Data: data, Source: "search index"})
	if js, err := Script(); err == nil { // an error is the build's (see build.Build)
		add(output.File{Path: ScriptPath, Data: js, Source: "search index"})
	}
}

// fileSum is the FNV-64a hash of a file's path and bytes.
func fileSum(p string, data []byte) uint64 {
	h := fnv.New64a()
	h.Write([]byte(p))
	h.Write(data)
	return h.Sum64()
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
func shardFiles(ix *index, write func(p string, data []byte) uint64) *shardSet {
	enc := make([][]byte, len(ix.entries))
	parallel.For(len(ix.entries), func(i int) {
		e := ix.entries[i]
		enc[i] = entryJSON(e, ix.pages)
		e.postings, e.packed, e.masks, e.rare = nil, nil, nil, nil // encoded: the lists can go
	})
	size := map[string]int{} // what a query without marks downloads: not the forms
	for i, e := range ix.entries {
		if e.kind == kindSyllable {
			size[e.shard] += len(enc[i])
		}
	}
	bloomChars := bloomBits(ix.pages) // base64 characters, times six
	for _, pl := range ix.pairs {
		size[ix.keys[pl.home]] += len(ix.pairPostings(pl)) * bloomChars / 6
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
	pairs := make([][]int32, n) // the pairs of each shard, by index in ix.pairs
	shardOfKey := make([]int, len(ix.keys))
	for k, key := range ix.keys {
		shardOfKey[k] = plan.of(key)
	}
	for i, pl := range ix.pairs {
		h := shardOfKey[pl.home]
		pairs[h] = append(pairs[h], int32(i))
	}
	for _, i := range order {
		g := &groups[home[i]][group(ix.entries[i].kind)]
		*g = append(*g, enc[i])
	}
	enc = nil // the groups hold the entries now, and let go of each shard's once it is written
	formsSize := make([]int, n)
	for i, g := range groups {
		for _, f := range g[1] {
			formsSize[i] += len(f) + 1
		}
	}
	place := placeForms(formsSize)
	out := &shardSet{plan: plan, vocabulary: ix.keysByDF, common: ix.common}
	shardSums, formsSums := make([]uint64, n), make([]uint64, n)
	parallel.For(n, func(i int) {
		g := groups[i]
		filter := bloom(ix, pairs[i])
		b := make([]byte, 0, joinedLen(g[0])+joinedLen(g[1])+len(filter)+40)
		b = appendJoined(append(b, `{"s":{`...), g[0])
		b = append(b, `},"f":{`...)
		if place[i] < 0 {
			b = append(appendJoined(b, g[1]), '}')
			groups[i][1] = nil
		} else {
			b = strconv.AppendInt(append(b, `},"h":`...), int64(place[i]), 10)
		}
		b = append(append(b, `,"p":"`...), filter...)
		shardSums[i] = write(ShardPath(i), append(b, `"}`...))
		groups[i][0], pairs[i] = nil, nil
	})
	held := make([][]int, n) // forms file → the shards whose forms it holds
	for i, f := range place {
		if f >= 0 {
			held[f] = append(held[f], i)
		}
	}
	parallel.For(n, func(f int) {
		if len(held[f]) > 0 {
			formsSums[f] = write(FormsPath(f), formsFile(held[f], groups))
		}
	})
	for i := range n { // in the order the files had when they were all returned
		out.sums = append(out.sums, shardSums[i])
		if len(held[i]) > 0 {
			out.sums = append(out.sums, formsSums[i])
		}
	}
	return out
}

// joinedLen is the length of parts joined with commas.
func joinedLen(parts [][]byte) int {
	n := max(0, len(parts)-1)
	for _, p := range parts {
		n += len(p)
	}
	return n
}

// appendJoined appends parts to b, joined with commas.
func appendJoined(b []byte, parts [][]byte) []byte {
	for i, p := range parts {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, p...)
	}
	return b
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

// shardSet is what the manifest needs of the encoded index, once its
// shards and forms files (each at the number of the shard that opened it)
// are written.
type shardSet struct {
	plan       *shardPlan
	sums       []uint64 // fileSum of each shard and forms file written, in order
	vocabulary []string // every key, most frequent first
	common     []string // the manifest's "common"
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
