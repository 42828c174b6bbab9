package search

import (
	"encoding/binary"
	"hash/fnv"
	"sort"
)

// shardOf returns the shard that holds the entries of a syllable key:
// FNV-1a (32 bit) of its UTF-8 bytes, modulo the number of shards.
func shardOf(key string, shards int) int {
	h := fnv.New32a()
	h.Write([]byte(key))
	return int(h.Sum32() % uint32(shards))
}

// encodeEntry writes one entry in the shard format of doc.go.
func encodeEntry(e *entry) []byte {
	b := []byte{e.kind}
	b = appendString(b, e.key)
	if e.kind == kindSyllable {
		b = appendString(b, e.display)
	}
	b = binary.AppendUvarint(b, uint64(len(e.postings)))
	list := encodePostings(e.postings)
	b = binary.AppendUvarint(b, uint64(len(list)))
	return append(b, list...)
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// encodePostings groups postings by impact, highest first; within a group
// the page ids are ascending and written as gaps (the first one from -1).
func encodePostings(ps []posting) []byte {
	byImpact := map[uint8][]int32{}
	for _, p := range ps {
		byImpact[p.impact] = append(byImpact[p.impact], p.doc)
	}
	levels := make([]int, 0, len(byImpact))
	for imp := range byImpact {
		levels = append(levels, int(imp))
	}
	sort.Sort(sort.Reverse(sort.IntSlice(levels)))
	b := binary.AppendUvarint(nil, uint64(len(levels)))
	for _, imp := range levels {
		docs := byImpact[uint8(imp)]
		b = append(b, byte(imp))
		b = binary.AppendUvarint(b, uint64(len(docs)))
		prev := int32(-1)
		for _, d := range docs {
			b = binary.AppendUvarint(b, uint64(d-prev))
			prev = d
		}
	}
	return b
}

// shardCount picks how many shards the entries are spread over: about
// targetShardBytes each, at most maxShards.
func shardCount(totalBytes int) int {
	n := (totalBytes + targetShardBytes - 1) / targetShardBytes
	return max(1, min(maxShards, n))
}

// Shard sizing. A query fetches one shard per distinct syllable, so the
// bytes of a query grow with a shard's size; the number of files with
// their count.
const (
	targetShardBytes = 12 << 10
	maxShards        = 900
)
