package search

import (
	"container/heap"
	"sort"
	"strings"
)

// shardPlan says which shard holds a syllable's entries. A syllable whose
// entries fill half a shard or more gets a shard of its own, named in the
// manifest. The others are hashed into buckets, and the buckets are packed
// into the remaining shards, largest first into the emptiest, so that no
// shard comes out much larger than the rest (plain hashing made some two
// or three times the average, and a rare word's query paid for them).
type shardPlan struct {
	Own    map[string]int `json:"own"`    // syllable → its shard
	Shared int            `json:"shared"` // shards after the own ones
	// Buckets holds, two base64url characters a bucket, the shared shard
	// (0-based, after the own ones) of each bucket; a key's bucket is
	// FNV-1a of its UTF-8 bytes modulo the number of buckets.
	Buckets string `json:"b"`
	bucket  []int  // Buckets, decoded
}

// bucketsPerShard is how many buckets each shared shard gets on average:
// enough for packing to even the shards out, few enough that the bucket
// table stays a few kilobytes in the manifest.
const (
	bucketsPerShard = 6
	maxBuckets      = 4096 // two base64url characters address 4,096 shards
)

func planShards(size map[string]int) *shardPlan {
	keys := make([]string, 0, len(size))
	for k := range size {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if size[keys[i]] != size[keys[j]] {
			return size[keys[i]] > size[keys[j]]
		}
		return keys[i] < keys[j]
	})
	p := &shardPlan{Own: map[string]int{}}
	small := 0
	var shared []string
	for _, k := range keys {
		if size[k]*2 >= targetShardBytes && len(p.Own) < maxShards-1 {
			p.Own[k] = len(p.Own)
			continue
		}
		small += size[k]
		shared = append(shared, k)
	}
	p.Shared = max(1, min(maxShards-len(p.Own), (small+sharedShardBytes-1)/sharedShardBytes))
	p.pack(shared, size)
	return p
}

// pack fills the bucket table: bucket sizes from the keys that share
// shards, then each bucket, largest first, to the shard with least in it.
func (p *shardPlan) pack(keys []string, size map[string]int) {
	buckets := min(maxBuckets, p.Shared*bucketsPerShard)
	load := make([]int, buckets)
	for _, k := range keys {
		load[shardOf(k, buckets)] += size[k]
	}
	order := make([]int, buckets)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return load[order[a]] > load[order[b]] })
	shards := &shardLoads{}
	for i := 0; i < p.Shared; i++ {
		heap.Push(shards, shardLoad{shard: i})
	}
	p.bucket = make([]int, buckets)
	for _, b := range order {
		least := heap.Pop(shards).(shardLoad)
		p.bucket[b] = least.shard
		least.bytes += load[b]
		heap.Push(shards, least)
	}
	var enc strings.Builder
	for _, s := range p.bucket {
		enc.WriteByte(maskAlphabet[s>>6])
		enc.WriteByte(maskAlphabet[s&63])
	}
	p.Buckets = enc.String()
}

func (p *shardPlan) count() int { return len(p.Own) + p.Shared }

func (p *shardPlan) of(key string) int {
	if i, ok := p.Own[key]; ok {
		return i
	}
	return len(p.Own) + p.bucket[shardOf(key, len(p.bucket))]
}

// shardLoads is a min-heap of shards by the bytes packed into them.
type shardLoads []shardLoad

type shardLoad struct{ shard, bytes int }

func (h shardLoads) Len() int { return len(h) }
func (h shardLoads) Less(i, j int) bool {
	if h[i].bytes != h[j].bytes {
		return h[i].bytes < h[j].bytes
	}
	return h[i].shard < h[j].shard
}
func (h shardLoads) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *shardLoads) Push(x any)   { *h = append(*h, x.(shardLoad)) }
func (h *shardLoads) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
