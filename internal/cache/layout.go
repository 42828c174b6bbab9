package cache

import (
	"encoding/hex"
	"os"
	"path/filepath"
)

// oldNamespaces are the folders that bantin's earlier layout, one file per
// entry (Dir/NAMESPACE/ab/cdef…), made in a cache folder.
var oldNamespaces = []string{"markdown", "qr", "images", "search"}

// oldLayout lists the folders of dir that hold the earlier layout: a
// namespace's name, and in it only folders named by two hex digits.
func oldLayout(dir string) []string {
	var found []string
	for _, ns := range oldNamespaces {
		p := filepath.Join(dir, ns)
		des, err := os.ReadDir(p)
		if err != nil || len(des) == 0 {
			continue
		}
		if allShards(des) {
			found = append(found, p)
		}
	}
	return found
}

func allShards(des []os.DirEntry) bool {
	for _, de := range des {
		if _, err := hex.DecodeString(de.Name()); err != nil || len(de.Name()) != 2 || !de.IsDir() {
			return false
		}
	}
	return true
}

// removeOldLayout removes the earlier layout's folders: no store reads
// them.
func removeOldLayout(folders []string) {
	for _, f := range folders {
		os.RemoveAll(f)
	}
}

// Entry is where a folder's published index puts one entry's record: for
// tools and tests that look inside a cache.
type Entry struct {
	Namespace string
	Key       Key
	Pack      string // the pack file's path
	Offset    int64  // the record's first byte in the pack
	Length    int64  // the record's length; its payload is its last bytes
}

// Entries lists the entries the published indexes of the cache folder dir
// name, oldest pack first (an entry may be listed more than once: the
// last is the one a store reads).
func Entries(dir string) []Entry {
	var names interner
	var out []Entry
	for _, stem := range packStems(filepath.Join(dir, packsDir)) {
		for _, e := range readIndexFile(stem, &names).entries {
			out = append(out, Entry{Namespace: e.ns, Key: e.key, Pack: stem + packExt, Offset: e.off, Length: e.n})
		}
	}
	return out
}
