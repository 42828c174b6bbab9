package search

import (
	"fmt"
	"strings"
	"testing"
)

// Shared shards come out near the same size, and the bucket table in the
// manifest says what the plan does.
func TestPlanPacksSharedShardsEvenly(t *testing.T) {
	size := map[string]int{"và": 40 << 10, "của": 30 << 10} // heavy: own shards
	for i := 0; i < 20000; i++ {
		size[fmt.Sprintf("k%d", i)] = 40 + (i*7919)%600 // 40 to 640 bytes
	}
	p := planShards(size)
	if p.Own["và"] != 0 || p.Own["của"] != 1 || len(p.Own) != 2 {
		t.Fatalf("own shards %v", p.Own)
	}
	load := make([]int, p.count())
	for k, n := range size {
		load[p.of(k)] += n
	}
	lo, hi, total := load[2], load[2], 0
	for _, n := range load[2:] {
		lo, hi, total = min(lo, n), max(hi, n), total+n
	}
	mean := total / p.Shared
	if hi > mean*5/4 || lo < mean*3/4 {
		t.Errorf("%d shared shards from %d to %d bytes, mean %d", p.Shared, lo, hi, mean)
	}
	if len(p.Buckets) != 2*len(p.bucket) || len(p.bucket) != min(maxBuckets, p.Shared*bucketsPerShard) {
		t.Fatalf("%d buckets, table of %d characters", len(p.bucket), len(p.Buckets))
	}
	for b, shard := range p.bucket {
		got := strings.IndexByte(maskAlphabet, p.Buckets[2*b])*64 + strings.IndexByte(maskAlphabet, p.Buckets[2*b+1])
		if got != shard {
			t.Fatalf("bucket %d: table says %d, plan %d", b, got, shard)
		}
	}
}
