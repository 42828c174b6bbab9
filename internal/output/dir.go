package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// Marker is the file WriteDir leaves in every folder it writes. WriteDir
// only replaces a folder that is empty or holds this file, so a mistyped
// destination can never wipe a folder bantin did not make.
const Marker = ".bantin-output"

// WriteDir replaces the folder dest with exactly files (plus Marker). The
// files are written to a temporary folder beside dest first; dest is
// swapped only when all of them are written. On error dest is left as it
// was. A dest that is a symbolic link stays one: the folder it points to
// is replaced.
func WriteDir(dest string, files []File) error {
	d, err := NewDir(dest)
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := d.Write(f); err != nil {
			d.Abort()
			return fmt.Errorf("write %s: %w", f.Path, err)
		}
	}
	return d.Commit()
}

// Dir is a site being written to disk: a fresh temporary folder beside
// the destination (".public-new-PID-N") that files are written into as
// they come, swapped in place of the destination by [Dir.Commit] or
// removed by [Dir.Abort]. Until Commit the destination is untouched.
type Dir struct {
	dest, tmp string
	mu        sync.Mutex
	made      map[string]bool // folders created under tmp, by slash path in the site
}

// NewDir checks that dest may be replaced (missing, empty, or written by
// bantin before), removes the temporary folders of killed builds beside
// it, and makes this build's temporary folder.
func NewDir(dest string) (*Dir, error) {
	dest, err := resolveLink(filepath.Clean(dest))
	if err != nil {
		return nil, err
	}
	if err := checkReplaceable(dest); err != nil {
		return nil, err
	}
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("create %s: %w", parent, err)
	}
	removeLeftovers(parent, filepath.Base(dest))
	tmp, err := os.MkdirTemp(parent, tempPrefix(filepath.Base(dest))+strconv.Itoa(os.Getpid())+"-")
	if err != nil {
		return nil, fmt.Errorf("create temporary folder: %w", err)
	}
	return &Dir{dest: dest, tmp: tmp, made: map[string]bool{tmp: true}}, nil
}

// RemoveLeftovers removes the temporary folders that killed builds left
// beside dest, as NewDir does, for a run that writes nothing (a build
// found up to date).
func RemoveLeftovers(dest string) {
	dest, err := resolveLink(filepath.Clean(dest))
	if err != nil {
		return
	}
	removeLeftovers(filepath.Dir(dest), filepath.Base(dest))
}

// TempDir is the temporary folder the build fills, for scratch files
// that have no name there (internal/textstore).
func (d *Dir) TempDir() string { return d.tmp }

// Write writes f into the temporary folder. It refuses a path that leaves
// the site.
func (d *Dir) Write(f File) error {
	if !ValidPath(f.Path) {
		return fmt.Errorf("refusing to write %q: path leaves the destination", f.Path)
	}
	if err := d.mkdir(path.Dir(f.Path)); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(d.tmp, filepath.FromSlash(f.Path)), f.Data, 0o644)
}

// mkdir makes the folder rel (a slash path in the site, "." for its top)
// under the temporary folder, once. The record is keyed by rel, a part of
// a path the sink keeps anyway, not by a full path of its own.
func (d *Dir) mkdir(rel string) error {
	d.mu.Lock()
	made := d.made[rel]
	d.mu.Unlock()
	if made {
		return nil
	}
	dir := filepath.Join(d.tmp, filepath.FromSlash(rel))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", dir, err)
	}
	d.mu.Lock()
	d.made[rel] = true
	d.mu.Unlock()
	return nil
}

// FS reads the files written so far (PDF printing serves them to Chromium).
func (d *Dir) FS() fs.FS { return os.DirFS(d.tmp) }

// Commit adds Marker and swaps the temporary folder in place of the
// destination. On error the destination is as it was and the temporary
// folder is gone.
func (d *Dir) Commit() error {
	marker := File{Path: Marker, Data: []byte("Written by bantin. This folder is replaced on every build.\n")}
	if err := d.Write(marker); err != nil {
		d.Abort()
		return fmt.Errorf("write %s: %w", Marker, err)
	}
	if err := os.Chmod(d.tmp, 0o755); err != nil {
		d.Abort()
		return err
	}
	return swap(d.tmp, d.dest)
}

// Abort removes the temporary folder; the destination stays as it was.
func (d *Dir) Abort() { os.RemoveAll(d.tmp) }

// resolveLink returns the folder a symbolic link dest points to, or dest.
func resolveLink(dest string) (string, error) {
	info, err := os.Lstat(dest)
	if err != nil || info.Mode()&os.ModeSymlink == 0 {
		return dest, nil
	}
	target, err := filepath.EvalSymlinks(dest)
	if err != nil {
		return "", fmt.Errorf("destination %s is a symlink that leads nowhere: %w", dest, err)
	}
	return target, nil
}

// swap puts the folder fresh in place of dest and removes the old dest.
// Where the OS allows (Linux's renameat2 with RENAME_EXCHANGE) the two
// folders trade places in one step; elsewhere the old folder is renamed
// aside and the new one into place, and for a moment dest is missing.
func swap(fresh, dest string) error {
	if _, err := os.Stat(dest); errors.Is(err, os.ErrNotExist) {
		if err := os.Rename(fresh, dest); err != nil {
			os.RemoveAll(fresh)
			return fmt.Errorf("move new site into %s: %w", dest, err)
		}
		return nil
	} else if err != nil {
		os.RemoveAll(fresh)
		return err
	}
	swapped, err := exchange(fresh, dest)
	if err != nil {
		os.RemoveAll(fresh)
		return fmt.Errorf("swap new site into %s: %w", dest, err)
	}
	if swapped { // fresh now holds the old site
		if err := os.RemoveAll(fresh); err != nil {
			return fmt.Errorf("remove old site %s: %w", fresh, err)
		}
		return nil
	}
	return swapByRenames(fresh, dest)
}

// swapByRenames moves dest aside, fresh into place, and removes the old
// site; if the second rename fails it puts dest back.
func swapByRenames(fresh, dest string) error {
	old := fresh + "-old"
	if err := os.Rename(dest, old); err != nil {
		os.RemoveAll(fresh)
		return fmt.Errorf("move old %s aside: %w", dest, err)
	}
	if err := os.Rename(fresh, dest); err != nil {
		os.RemoveAll(fresh)
		if back := os.Rename(old, dest); back != nil {
			return fmt.Errorf("move new site into %s: %w; the previous site is left in %s (moving it back failed: %v)", dest, err, old, back)
		}
		return fmt.Errorf("move new site into %s: %w", dest, err)
	}
	if err := os.RemoveAll(old); err != nil {
		return fmt.Errorf("remove old site %s: %w", old, err)
	}
	return nil
}

// tempPrefix is how the temporary folders of dest's base name begin:
// ".public-new-". The build's process id follows, then a random number.
func tempPrefix(base string) string { return "." + base + "-new-" }

// removeLeftovers removes the temporary folders (".public-new-PID-N",
// ".public-new-PID-N-old") that builds killed before they finished left
// beside the destination. A folder whose process still runs is another
// build's, and is left alone.
func removeLeftovers(parent, base string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	prefix := tempPrefix(base)
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok || !e.IsDir() {
			continue
		}
		pidText, _, _ := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if err != nil || pid == os.Getpid() || running(pid) {
			continue
		}
		os.RemoveAll(filepath.Join(parent, e.Name()))
	}
}

// checkReplaceable returns an error unless dest is missing, an empty
// folder, or a folder bantin wrote before.
func checkReplaceable(dest string) error {
	info, err := os.Stat(dest)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return err
	case !info.IsDir():
		return fmt.Errorf("destination %s is not a folder", dest)
	}
	entries, err := os.ReadDir(dest)
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(dest, Marker)); err != nil {
		return fmt.Errorf("refusing to replace %s: it is not empty and bantin did not write it (no %s file); remove it or choose another destination", dest, Marker)
	}
	return nil
}
