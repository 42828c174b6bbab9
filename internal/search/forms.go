package search

import (
	"container/heap"
	"slices"
	"sort"
	"strings"
)

// maxMaskForms is how many forms a mask tells apart: six bits, one
// base64url character per page. Rarer forms are listed apart.
const maxMaskForms = 6

// rareForm is a form after the first maxMaskForms, with the positions, in
// its syllable's pages, of the pages that have it.
type rareForm struct {
	form string
	at   []int32
}

// formsEntry tells, for a syllable written in more than one way, which of
// its pages have each form (formAt: for each form, the positions of its
// pages among the syllable's): a mask per page of the syllable over its
// maxMaskForms most used forms, and the positions of the pages of each
// rarer form. It says nothing of pages outside the syllable's list, so it
// costs a character per page of the syllable, however large the site.
func formsEntry(e *entry, forms []int32, formAt func(int32) []int32, count []int, exact []string) *entry {
	byUse := slices.Clone(forms)
	sort.Slice(byUse, func(i, j int) bool {
		a, b := byUse[i], byUse[j]
		if count[a] != count[b] {
			return count[a] > count[b]
		}
		return exact[a] < exact[b]
	})
	fe := &entry{kind: kindForms, key: e.key, shard: e.key, masks: make([]byte, e.pages())}
	var names []string
	for i, f := range byUse {
		at := formAt(f)
		if i < maxMaskForms {
			names = append(names, exact[f])
			for _, j := range at {
				fe.masks[j] |= 1 << i
			}
			continue
		}
		fe.rare = append(fe.rare, rareForm{form: exact[f], at: at})
	}
	fe.display = strings.Join(names, "|")
	return fe
}

// Where the forms of shards go. Forms only serve syllables typed with
// marks, so a query without marks should not download them: a shard's
// forms go to a forms file unless they are small (under splitFormsBytes),
// or no file is left under maxIndexFiles. When there are more shards with
// forms than files left, the largest forms get a file each and the others
// are packed, largest first, into the file with least in it. A forms file
// is named after the shard whose forms opened it.
type formsLimits struct {
	splitBytes    int // forms from this size leave their shard
	maxFiles      int // index files in all: shards, forms files, the others
	maxFormsFiles int // forms files at most; 0: as many as maxFiles leaves
}

// limits are the limits in force; tests shrink them to exercise packing
// on a small site.
var limits = formsLimits{splitBytes: splitFormsBytes, maxFiles: maxIndexFiles}

// placeForms returns, for each shard given the size of its forms, the
// shard whose forms file holds them, or -1 when they stay in the shard.
func placeForms(size []int) []int {
	place := make([]int, len(size))
	var apart []int
	for i, n := range size {
		place[i] = -1
		if n > 0 && n >= limits.splitBytes {
			apart = append(apart, i)
		}
	}
	room := limits.maxFiles - len(size) - otherIndexFiles
	if limits.maxFormsFiles > 0 {
		room = min(room, limits.maxFormsFiles)
	}
	if room <= 0 || len(apart) == 0 {
		return place
	}
	sort.SliceStable(apart, func(a, b int) bool { return size[apart[a]] > size[apart[b]] })
	files := &shardLoads{}
	for _, i := range apart[:min(room, len(apart))] {
		place[i] = i
		heap.Push(files, shardLoad{shard: i, bytes: size[i]})
	}
	for _, i := range apart[min(room, len(apart)):] {
		least := heap.Pop(files).(shardLoad)
		place[i] = least.shard
		least.bytes += size[i]
		heap.Push(files, least)
	}
	return place
}
