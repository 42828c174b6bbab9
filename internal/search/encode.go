package search

import (
	"sort"
	"strconv"
)

// shardOf returns the shard that holds the entries of a syllable key:
// FNV-1a (32 bit) of its UTF-8 bytes, modulo the number of shards.
func shardOf(key string, shards int) int {
	return int(fnv1a(fnvBasis, key) % uint32(shards))
}

// postingsJSON writes a list in the shard format of doc.go: for each
// impact, highest first, the impact, the number of pages, and their ids as
// gaps (ascending; the first from -1).
func postingsJSON(b []byte, ps []posting) []byte {
	byImpact := map[uint8][]int32{}
	for _, p := range ps {
		byImpact[p.impact()] = append(byImpact[p.impact()], p.doc())
	}
	levels := make([]int, 0, len(byImpact))
	for imp := range byImpact {
		levels = append(levels, int(imp))
	}
	sort.Sort(sort.Reverse(sort.IntSlice(levels)))
	b = append(b, '[')
	for i, imp := range levels {
		docs := byImpact[uint8(imp)]
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(imp), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(len(docs)), 10)
		prev := int32(-1)
		for _, d := range docs {
			b = append(b, ',')
			b = strconv.AppendInt(b, int64(d-prev), 10)
			prev = d
		}
	}
	return append(b, ']')
}

// denseJSON writes a list as one character per page of the site: '0' when
// the page is not in it, '0'+impact when it is ("1" for forms). Lists that
// hold many of the pages are shorter so once gzipped than their gaps.
func denseJSON(b []byte, ps []posting, pages int) []byte {
	s := make([]byte, pages)
	for i := range s {
		s[i] = '0'
	}
	for _, p := range ps {
		s[p.doc()] = '0' + coarse(p.impact())
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// coarse maps an impact to 1 or 4: a syllable on so many pages weighs
// little, except where it is in a title or heading, and two steps gzip to
// half the bytes of seven.
func coarse(imp uint8) uint8 {
	if imp >= 5 {
		return 4
	}
	return 1
}

// formsJSON writes the rest of a forms entry: "f1|f2|…","masks"]
// followed, when it has rarer forms, by {"form": [gap, …], …} before the
// "]", the gaps running over positions in the syllable's pages.
func formsJSON(b []byte, e *entry) []byte {
	b = strconv.AppendQuote(b, e.display)
	b = append(b, ',', '"')
	for _, m := range e.masks {
		b = append(b, maskAlphabet[m])
	}
	b = append(b, '"')
	if len(e.rare) > 0 {
		b = append(b, ",{"...)
		for i, r := range e.rare {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(strconv.AppendQuote(b, r.form), ':', '[')
			prev := int32(-1)
			for j, at := range r.at {
				if j > 0 {
					b = append(b, ',')
				}
				b = strconv.AppendInt(b, int64(at-prev), 10)
				prev = at
			}
			b = append(b, ']')
		}
		b = append(b, '}')
	}
	return append(b, ']')
}

// maskAlphabet writes six bits as one character (base64url's): form masks
// and the bucket table of the shard plan.
const maskAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// dense reports whether a list of n postings is written dense.
func dense(n, pages int) bool { return pages >= denseMinPages && n*denseShare > pages }

// Lists on more than 1/denseShare of the pages of a site of at least
// denseMinPages pages are dense. A small site has no bytes to save, and
// keeps every list's full weights.
const (
	denseShare    = 8
	denseMinPages = 500
)

// entryJSON writes one entry's member of its shard's "s" or "f" object:
// "key":[…].
func entryJSON(e *entry, pages int) []byte {
	b := strconv.AppendQuote(nil, e.key)
	b = append(b, ':', '[')
	if e.kind == kindForms {
		return formsJSON(b, e)
	}
	b = strconv.AppendQuote(b, e.display)
	b = append(b, ',')
	ps := e.list()
	b = strconv.AppendInt(b, int64(len(ps)), 10)
	b = append(b, ',')
	if dense(len(ps), pages) {
		b = denseJSON(b, ps, pages)
	} else {
		b = postingsJSON(b, ps)
	}
	return append(b, ']')
}

// Shard sizing. A query fetches one shard per distinct syllable, so the
// bytes of a query grow with a shard's size; the number of files with
// their count.
const (
	targetShardBytes = 16 << 10
	sharedShardBytes = 10 << 10
	maxShards        = 900
	// maxIndexFiles bounds the files of the index: shards, forms files,
	// and the otherIndexFiles (manifest, docs, vocabulary). Fragments,
	// one per page, are not index files.
	maxIndexFiles   = 1000
	otherIndexFiles = 3
	// splitFormsBytes: a shard's forms go to a file of their own from
	// this size.
	splitFormsBytes = 2 << 10
)
