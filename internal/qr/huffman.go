package qr

import (
	"cmp"
	"math/bits"
	"slices"
)

// huffmanLengths returns a code length for each symbol of freq, 0 for the
// unused ones, none longer than limit: Huffman's construction, on counts
// halved until the longest code fits (a few rare symbols then get a bit
// less than their best; the image data never comes near the limit).
func huffmanLengths(freq []int, limit int) []uint8 {
	lengths := make([]uint8, len(freq))
	f := slices.Clone(freq)
	for {
		if huffmanDepths(f, lengths) <= limit {
			return lengths
		}
		for i, n := range f {
			if n > 0 {
				f[i] = (n + 1) / 2
			}
		}
	}
}

// huffmanDepths sets lengths to the depths of the Huffman tree of freq and
// returns the largest. One used symbol gets one bit.
func huffmanDepths(freq []int, lengths []uint8) int {
	type node struct {
		weight int
		parent int // index in nodes, -1 for the root
	}
	var nodes []node
	var leaves []int // symbol of each leaf, in nodes order
	for sym, n := range freq {
		lengths[sym] = 0
		if n > 0 {
			leaves = append(leaves, sym)
		}
	}
	switch len(leaves) {
	case 0:
		return 0
	case 1:
		lengths[leaves[0]] = 1
		return 1
	}
	slices.SortStableFunc(leaves, func(a, b int) int { return cmp.Compare(freq[a], freq[b]) })
	for _, sym := range leaves {
		nodes = append(nodes, node{weight: freq[sym], parent: -1})
	}
	// Two queues: leaves in order, and inner nodes, made in order of weight.
	nextLeaf, nextInner := 0, len(leaves)
	take := func() int {
		if nextLeaf < len(leaves) && (nextInner >= len(nodes) || nodes[nextLeaf].weight <= nodes[nextInner].weight) {
			nextLeaf++
			return nextLeaf - 1
		}
		nextInner++
		return nextInner - 1
	}
	for range len(leaves) - 1 {
		a, b := take(), take()
		nodes = append(nodes, node{weight: nodes[a].weight + nodes[b].weight, parent: -1})
		nodes[a].parent, nodes[b].parent = len(nodes)-1, len(nodes)-1
	}
	depth := make([]int, len(nodes))
	deepest := 0
	for i := len(nodes) - 2; i >= 0; i-- { // parents come after their children
		depth[i] = depth[nodes[i].parent] + 1
		if i < len(leaves) {
			lengths[leaves[i]] = uint8(depth[i])
			deepest = max(deepest, depth[i])
		}
	}
	return deepest
}

// canonical returns deflate's canonical codes for lengths (RFC 1951
// 3.2.2), bit-reversed for a least-significant-first writer.
func canonical(lengths []uint8) []uint16 {
	var count [maxBits + 1]int
	for _, l := range lengths {
		count[l]++
	}
	count[0] = 0
	var next [maxBits + 2]uint16
	code := uint16(0)
	for bits := 1; bits <= maxBits; bits++ {
		code = (code + uint16(count[bits-1])) << 1
		next[bits] = code
	}
	codes := make([]uint16, len(lengths))
	for sym, l := range lengths {
		if l == 0 {
			continue
		}
		codes[sym] = reverse(next[l], l)
		next[l]++
	}
	return codes
}

func reverse(code uint16, n uint8) uint16 { return bits.Reverse16(code) >> (16 - n) }

// Deflate's length codes 257–285 (as 0–28) and distance codes 0–29: the
// first value of each and its extra bits.
var (
	lengthBase  = [29]int{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	lengthExtra = [29]uint8{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
	distBase    = [30]int{1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577}
	distExtra   = [30]uint8{0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13}
	// lengthCode is the code (0–28) of each match length 3–258.
	lengthCode = func() (t [maxMatch + 1]uint8) {
		for c := range lengthBase {
			end := maxMatch
			if c+1 < len(lengthBase) {
				end = lengthBase[c+1] - 1
			}
			for l := lengthBase[c]; l <= end; l++ {
				t[l] = uint8(c)
			}
		}
		t[maxMatch] = 28 // 258 has its own code; 227–257 are code 27
		return t
	}()
)

// distCode is the code of a match distance 1–32768: looked up by the
// distance up to 256, by (distance-1)/128 above, as zlib does.
func distCode(d int) int {
	if d <= 256 {
		return int(distCodes.small[d])
	}
	return int(distCodes.large[(d-1)>>7])
}

var distCodes = func() (t struct {
	small [257]uint8
	large [256]uint8
}) {
	code := func(d int) uint8 {
		c, _ := slices.BinarySearch(distBase[:], d)
		if c == len(distBase) || distBase[c] != d {
			c--
		}
		return uint8(c)
	}
	for d := 1; d <= 256; d++ {
		t.small[d] = code(d)
	}
	for i := 2; i < 256; i++ {
		t.large[i] = code(i<<7 + 1)
	}
	return t
}()
