package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Marker is the file WriteDir leaves in every folder it writes. WriteDir
// only replaces a folder that is empty or holds this file, so a mistyped
// destination can never wipe a folder bantin did not make.
const Marker = ".bantin-output"

// WriteDir replaces the folder dest with exactly files (plus Marker). The files are
// written to a temporary folder beside dest first; dest is swapped only when
// all of them are written. On error dest is left as it was.
func WriteDir(dest string, files []File) error {
	dest = filepath.Clean(dest)
	if err := checkReplaceable(dest); err != nil {
		return err
	}
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dest)+"-new-")
	if err != nil {
		return fmt.Errorf("create temporary folder: %w", err)
	}
	marker := File{Path: Marker, Data: []byte("Written by bantin. This folder is replaced on every build.\n")}
	if err := writeAll(tmp, append(files, marker)); err != nil {
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
