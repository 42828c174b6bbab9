package search

import (
	"encoding/base64"
	"strconv"
)

// Pairs are kept in a Bloom filter per shard: the set of "a b#page" for
// every pair a b and page that has it (its best pairPages pages for a
// common pair). A query asks it only about the pages that already hold
// all its syllables, so a false positive can only lift one of those a
// little. With bloomHashes, bloomBitsPerItem gives about 9% of them on a
// large site, where every byte of a shard counts; a site of fewer than
// bloomSmallSite pages spends bloomBitsSmall bits an item, about 1%. A page
// whose title or a heading has the pair is also filed as "a b#page^".
const (
	bloomBitsPerItem = 5
	bloomBitsSmall   = 10
	bloomSmallSite   = 2000
	bloomHashes      = 4
	// fnvBasis starts FNV-1a (32 bit); bloomSeed starts the second hash:
	// FNV-1a with another offset basis.
	fnvBasis  = 0x811c9dc5
	bloomSeed = 0x9747b28c
)

// fnv1a is FNV-1a (32 bit) from the offset basis h.
func fnv1a(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 0x01000193
	}
	return h
}

// pairPrefix is FNV-1a from the basis h of "a b#", the prefix of every
// item of pair pl.
func pairPrefix(h uint32, keys []string, pl pairList) uint32 {
	h = fnv1a(fnv1a(fnv1a(h, keys[pl.a]), " "), keys[pl.b])
	return fnv1a(h, "#")
}

// bloomBits is the filter's bits an item on a site of that many pages.
func bloomBits(pages int) int {
	if pages < bloomSmallSite {
		return bloomBitsSmall
	}
	return bloomBitsPerItem
}

// bloom builds the filter of the pairs of one shard and returns it in
// base64. Each item is hashed from its pair's prefix "a b#" on, so no
// string is built per page.
func bloom(ix *index, pairs []int32) string {
	keys, pages := ix.keys, ix.pages
	n := 0
	for _, i := range pairs {
		for _, p := range ix.pairPostings(ix.pairs[i]) {
			n++
			if p.impact() == pairInTitle {
				n++
			}
		}
	}
	if n == 0 {
		return ""
	}
	m := uint32((n*bloomBits(pages) + 7) / 8 * 8)
	bits := make([]byte, m/8)
	set := func(h1, h2 uint32) {
		h2 |= 1
		for i := uint32(0); i < bloomHashes; i++ {
			p := (h1 + i*h2) % m
			bits[p/8] |= 1 << (p % 8)
		}
	}
	var digits [12]byte
	for _, i := range pairs {
		pl := ix.pairs[i]
		h1p, h2p := pairPrefix(fnvBasis, keys, pl), pairPrefix(bloomSeed, keys, pl)
		for _, p := range ix.pairPostings(pl) {
			d := string(strconv.AppendInt(digits[:0], int64(p.doc()), 10))
			h1, h2 := fnv1a(h1p, d), fnv1a(h2p, d)
			set(h1, h2)
			if p.impact() == pairInTitle {
				set(fnv1a(h1, "^"), fnv1a(h2, "^"))
			}
		}
	}
	return base64.StdEncoding.EncodeToString(bits)
}
