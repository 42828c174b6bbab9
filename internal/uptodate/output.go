package uptodate

import (
	"crypto/sha256"
	"path/filepath"
	"slices"
	"strings"
)

// Output is the manifest of the folder dir (a symbolic link to a folder
// is followed): its real path, and every entry under it with its type
// and permissions, size, modification time, device, inode and change
// time (ctime, which no program can set back). A file written, replaced,
// added or removed, even with its size and modification time put back,
// changes the manifest (a folder's own times change when an entry is
// added or removed). Folders are listed on every core. files is how many
// regular files dir holds.
func Output(dir string) (d Digest, files int, err error) {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return d, 0, err
	}
	root, err := rootRecord(real)
	if err != nil {
		return d, 0, err
	}
	folders, err := listFolders(real)
	if err != nil {
		return d, 0, err
	}
	slices.SortFunc(folders, func(a, b folderSum) int { return strings.Compare(a.rel, b.rel) })
	h := sha256.New()
	writeFields(h, "root", real, root)
	for _, f := range folders {
		writeFields(h, f.rel, string(f.sum[:]))
		files += f.files
	}
	h.Sum(d[:0])
	return d, files, nil
}

// folderSum is the digest of one folder's entries (names and stats, not
// what its subfolders hold) and how many regular files it holds.
type folderSum struct {
	rel   string
	sum   [sha256.Size]byte
	files int
}
