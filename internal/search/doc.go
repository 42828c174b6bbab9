// Package search builds bantin's static search: an index written as files
// under /tim-kiem/du-lieu/, the search page /tim-kiem/ and its script
// /tim-kiem/tim-kiem.js. No server, no WebAssembly, no third-party code.
//
// # Text
//
// [Tokenize] splits text into words: runs of letters, digits and combining
// marks. Each word has an exact form (NFC, lower case, tone mark where the
// new rules put it, so hoà = hòa, thuý = thúy, khoẻ = khỏe) and a key (the
// exact form without any mark, đ → d). Punctuation and dashes break the
// text into phrases; two neighbouring words of one phrase are a pair.
// js/vi.js does the same in the browser. Both are tested on
// testdata/text-cases.json (Go: TestTokenizeTable; JS: js/vi.test.js,
// run by TestJSTextTable with node's test runner).
//
// # What is indexed
//
// Every regular page of the site (s.Pages), newest first: its position in
// that order is its id, so a lower id is a newer page. Fields and their
// weights: title 4, headings (## sections; a handbook's questions) 2,
// topics and tags 2, body 1. Per key, each page gets a BM25 weight
// (k1 = 1.2, b = 0.75, over the weighted frequency) quantised to 1…7, its
// "impact". Pairs are indexed too, keeping for a common pair only its
// best pages, those with the pair in the title or a heading first: 100 on
// a site of up to 2,250 pages, 225,000 / pages on a larger one, at least
// 30 (a 10,000-page site keeps 30). A keyword query's pairs are what
// tells apart pages that share its syllables ("trọng tài" is in the title
// of every article of the arbitration law), so a small site, whose
// shards are small, keeps more; a large one keeps its shards within what
// a query may fetch. A pair in the title or a heading is marked as such.
//
// # Analysis, merge and cache
//
// [Analyze] reads one page (after publication.Prepare: its title, terms,
// keywords, questions, sections, text, URL and date) and returns its
// [Analysis]: computed from that page alone, words as strings, holding no
// reference to the page, so the caller may drop the page's text. It is
// kept in its binary form (the Analysis type's comment gives it): each
// syllable's weighted frequency and exact forms (the key is vi.Key of a
// form, so it is not written), the pairs filed under their first
// syllable, the body length and the page's fragment, f/ID.json, ready to
// write: about 7.6 KB a page on the sitebench corpus. [UnmarshalAnalysis]
// checks a binary form from end to end; a damaged one is an error.
//
// The build (internal/build/searchcache.go) keeps each page's analysis in
// its cache under the namespace "search", keyed by a hash of exactly the
// fields Analyze reads, the producer's version and the program: a warm
// build analyses no page, an edit re-analyses the pages it touched.
//
// A build does not hold the analyses: each is spilled as it is made
// ([Analysis.Spill]): its fragment goes to the output at once, the rest to
// the build's text store (a file with no name), and in memory stays only
// where it is and the page's length (40 bytes a page instead of 7.6 KB).
// [WriteFiles] merges them, reading each back in turn into one buffer, and
// hands each index file to the output as it is made; [Files] does both for
// analyses held in memory (the dev server, tests). The manifest's build
// hash covers the index files and each fragment's hash, in page order.
//
// The merge takes the analyses (page i's is the i-th) in one pass over
// the pages in id order. Keys and forms are numbered as they are met, so every
// list comes out in page order; a posting is four bytes (id << 4 |
// impact) and lists grow by chunks that are never copied. Each pair's
// pages go, in batches, to one goroutine per part of the pairs' hash
// space, which keeps only the pair's best pages so far (30 to 100, by the
// site's size) in a pointer-free slot: no list of every page of a pair is
// ever made. Files reads of the pages only their type and topics.
//
// # Files (all JSON, so that any static host gzips them)
//
//	manifest.json   {"version":1, "docs": N, "common": [key…],
//	                 "types": [[key, label]…],
//	                 "topics": [name…], "build": hash,
//	                 "shards": {"own": {key: shard}, "shared": R,
//	                            "b": bucket table}}
//	docs.json       {"t": [type index per page], "c": [[topic index…] per page]}
//	tu-vung.txt     every key, most frequent first, one per line (for typos)
//	s/N.json        shard N
//	s/N.f.json      a forms file: {"M": forms of shard M, …} for each
//	                shard M whose "h" is N
//	f/ID.json       page ID's fragment: {"u": URL, "t": title, "d": date,
//	                 "s": [[anchor, heading, text]…]} (800 characters
//	                 of text a page, shared among its sections, each
//	                 getting at least 240 while they last)
//
// "common" lists the keys on one page in twenty or more, most frequent
// first, at most 256: a long query leaves them out first (below).
//
// A key's shard: manifest.shards.own[key] when the key has a shard of its
// own (its entries fill half a shard or more), else own-count + the shared
// shard of its bucket. The bucket is FNV-1a (32 bit, UTF-8 bytes) of the
// key modulo the number of buckets (six a shared shard, at most 4,096);
// "b" gives each bucket's shared shard in two base64url characters. The
// build packs buckets into shards largest first, each to the emptiest
// shard, so shards come out near the same size. A query fetches one
// shard per distinct key. The index has at most 1,000 files besides the
// fragments (one per page, fetched for the results shown).
//
// A shard is {"s": syllables, "f": forms, "p": pairs}, or, when its
// forms are apart, {"s": …, "f": {}, "h": N, "p": …}. Forms only serve a
// syllable typed with marks, so a query without marks never downloads
// them. They stay in the shard when under 2 KB; else they go to a forms
// file, each of the largest to its own while the index stays within
// 1,000 files, the rest packed largest first into the forms file with
// least in it; a forms file is named after the shard that opened it.
//
//	"s": {key: [display, df, list]}   display: the form most used
//	"f": {key: ["f1|f2|…", masks]}    for a key written in more than one
//	     {key: ["f1|…", masks, rare]} way: masks has one base64url
//	                                  character per page of the key (in
//	                                  page order), bit i set when the page
//	                                  has form i, the six most used; rare,
//	                                  {form: [gap, …]}, gives for each
//	                                  rarer form the positions of its pages
//	                                  among the key's (gaps, the first from
//	                                  -1)
//	"p": "base64"                     Bloom filter of the pairs (below)
//
// A list is either sparse, [impact, count, gap, gap…, impact, count, gap…]
// with impacts from highest down and page ids ascending as gaps (the first
// from -1), or dense, a string with one character per page of the site:
// '0' for a page without the key, '0'+impact for one with it (impacts then
// coarsened to 1 or 4). Lists of keys on more than one page in eight are
// dense on sites of 500 pages or more.
//
// Pairs live in the shard of their rarer key, as a Bloom filter of the
// strings "a b#ID" (and "a b#ID^" when the pair is in the title or a
// heading of page ID): 5 bits an item (10 on sites under 2,000 pages),
// 4 hashes h1 + i·h2 mod m, h1 =
// FNV-1a, h2 = FNV-1a from the offset basis 0x9747b28c, made odd. The
// query side only asks about pages that already hold every syllable, so a
// false positive (about 9%, or 1%) can only lift one of them a little.
// Pairs of two function words ("và các") are not indexed.
//
// # Query
//
// The script reads the query like a page: its syllables (distinct keys)
// and its pairs (neighbouring syllables with no break between), each once.
//
// Question and function words weigh nothing when the query has other
// words, and are never required: they are not even looked up. They are
// the phrases bao nhiêu, bao lâu, sau đây, như thế nào, thế nào, hay
// không, đúng hay sai, có phải, là gì, vì sao, tại sao, ở đâu, khi nào,
// lúc nào, được không, có được (matched by key, with or without marks);
// single words typed with their marks (gì nào không là phải có của được
// những các và thì mà hoặc bị đâu mấy đó này ấy cũng đã sẽ đang rằng thế
// nhé ạ chứ với để ở từ tại về nếu); and words typed bare whose key has
// no other common reading (gi nao khong la nhung cac va thi hay hoac cung
// se rang duoc nhieu ai). "tai" typed bare may be tài, "co" cơ, "cho"
// chó: they stay ordinary syllables, as common words weigh little by
// their idf anyway. A query of function words alone is searched as
// typed.
//
// A long query fetches at most 14 shards: the syllables not in the
// manifest's "common" list come first, in the order typed, then the
// common ones, rarest first; a syllable whose shard is already fetched
// always stays, the others are left out. This keeps a 40-syllable
// question within 120 KB on a first visit.
//
// The script fetches the manifest, docs.json and the shards of the
// syllables kept. A key the index lacks is corrected to one of the three
// most frequent keys one edit away, the one that most often stands next
// to the query's other words; a key with a digit is never corrected (a
// fragment of a number is another number: 1052 is not 052). A key with
// no correction that is two or three keys of the vocabulary run together
// ("dienmattroi", "hoàgiải") is split: the fewest pieces, each of two
// letters or more, the most frequent first (least sum of log ranks); the
// query is then read again with the pieces, without marks.
//
// Ranking is a soft AND. Each syllable weighs w = idf = ln(1 + (N − df +
// 0.5)/(df + 0.5)). A page covers the sum of w over the query's
// syllables it holds. With one or two syllables a page must cover them
// all (or as much as any page does); with three or more, half of what the
// best page covers. Score: the sum over the syllables held of w ×
// impact/7, times 0.3 when the query typed marks and the page lacks that
// exact form; plus, for each pair of the query that a page holds (both
// syllables on the page and the pair in its Bloom filter; tested on the
// 400 best pages), 1.5 × 0.6 × the mean w of its syllables, doubled in a
// title or heading; all times the share of the query's weight the page
// covers. Equal scores: the newer page first. These weights were tuned on
// the tuning split of cmd/searchbench -qa, never on its held-out split,
// for whole questions and for keyword queries (simulated, and written by
// a reader with -keywords). Tried for keyword queries and left out, as
// they gained nothing on the tuning split or lost on the held-out one: a
// bonus for a page whose title or headings hold every keyword (as far as
// the titled pairs tell), a bonus for the share of the query's pairs or
// titled pairs a page holds, a higher coverage power for short queries,
// and weighing down pairs that reached the cap of pages kept.
//
// The "Có phải bạn muốn tìm" line shows the query as the best result
// spells it when a word was corrected or split, or typed with marks no
// result has. A word's spelling comes first from the longest run of two
// or more of the query's words (by key) in that result's fragment (title,
// headings, text), so "tiem chunh" gives "tiêm chủng" from "sổ tiêm
// chủng" though the page has "chứng" more often; else from the forms of
// the syllable that page has, the most used first.
//
// Filters (type and topic, with counts), sort by relevance or date and the
// query itself live in the URL: ?q=…&loai=…&chu-de=…&sap-xep=ngay. The
// list of results is <ol id="search-results">, one link per result, to
// the page or to its best matching section or question. Snippets (at most
// 160 characters) come from that section's text, with the matched words
// in <mark>.
//
// cmd/searchbench measures all this on a generated 10,000-page site, next
// to Pagefind; with -qa, on judged legal questions (README).
package search
