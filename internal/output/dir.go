package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// WriteDir replaces the folder dest with exactly files. The files are
// written to a temporary folder beside dest first; dest is swapped only when
// all of them are written. On error dest is left as it was.
func WriteDir(dest string, files []File) error {
	dest = filepath.Clean(dest)
	if info, err := os.Stat(dest); err == nil && !info.IsDir() {
		return fmt.Errorf("destination %s is not a folder", dest)
	}
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dest)+"-new-")
	if err != nil {
		return fmt.Errorf("create temporary folder: %w", err)
	}
	if err := writeAll(tmp, files); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	return swap(tmp, dest)
}

func writeAll(root string, files []File) error {
	made := map[string]bool{}
	for _, f := range files {
		if !ValidPath(f.Path) {
			return fmt.Errorf("refusing to write %q: path leaves the destination", f.Path)
		}
		full := filepath.Join(root, filepath.FromSlash(f.Path))
		dir := filepath.Dir(full)
		if !made[dir] {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return fmt.Errorf("create %s: %w", dir, err)
			}
			made[dir] = true
		}
		if err := os.WriteFile(full, f.Data, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", f.Path, err)
		}
	}
	return nil
}

// swap puts the folder fresh in place of dest, removing the old dest.
func swap(fresh, dest string) error {
	old := ""
	if _, err := os.Stat(dest); err == nil {
		old = fresh + "-old"
		if err := os.Rename(dest, old); err != nil {
			os.RemoveAll(fresh)
			return fmt.Errorf("move old %s aside: %w", dest, err)
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		os.RemoveAll(fresh)
		return err
	}
	if err := os.Rename(fresh, dest); err != nil {
		if old != "" {
			os.Rename(old, dest)
		}
		os.RemoveAll(fresh)
		return fmt.Errorf("move new site into %s: %w", dest, err)
	}
	if old != "" {
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("remove old site %s: %w", old, err)
		}
	}
	return nil
}
