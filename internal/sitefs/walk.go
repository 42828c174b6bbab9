package sitefs

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
)

// MaxLinkDepth is how many symbolic links to folders Walk follows inside
// one another.
const MaxLinkDepth = 8

// Walker receives what Walk finds.
type Walker struct {
	// Skip reports whether an entry (file or folder) is left out unread,
	// such as dot files. May be nil.
	Skip func(name string) bool
	// File is called for every regular file, in lexical order, with its
	// path in the file system (through any linked folder).
	File func(p string)
	// Dir is called for every folder, root included, before what it
	// holds. May be nil.
	Dir func(p string)
	// Refuse is called for every entry Walk will not read, with why.
	Refuse func(p string, why string)
}

// Walk visits every regular file under root. The error is root's own
// (missing, unreadable); every refused entry below it goes to w.Refuse.
func Walk(fsys fs.FS, root string, w Walker) error {
	return walkDir(fsys, root, w, 0)
}

func walkDir(fsys fs.FS, root string, w Walker, depth int) error {
	return fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root {
				return err
			}
			w.Refuse(p, reason(err))
			return nil
		}
		if p != root && w.Skip != nil && w.Skip(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch t := d.Type(); {
		case d.IsDir():
			if w.Dir != nil {
				w.Dir(p)
			}
		case t.IsRegular():
			w.File(p)
		case t&fs.ModeSymlink != 0:
			followLink(fsys, p, w, depth)
		default:
			w.Refuse(p, fmt.Sprintf("%v (%s): bantin reads only regular files and folders", ErrSpecial, kindOf(t)))
		}
		return nil
	})
}

// followLink visits the target of the symbolic link p when it stays in the
// site: a file as itself, a folder by walking it under p.
func followLink(fsys fs.FS, p string, w Walker, depth int) {
	info, err := fs.Stat(fsys, p)
	if err != nil {
		w.Refuse(p, linkReason(fsys, p, err))
		return
	}
	if !info.IsDir() {
		w.File(p)
		return
	}
	if depth >= MaxLinkDepth {
		w.Refuse(p, fmt.Sprintf("symlinked folders nested more than %d deep are not followed", MaxLinkDepth))
		return
	}
	if target, ok := linkTarget(fsys, p); ok && (target == "." || strings.HasPrefix(p+"/", target+"/")) {
		w.Refuse(p, fmt.Sprintf("symlink loop: %s links to %s, a folder that holds it", p, target))
		return
	}
	if err := walkDir(fsys, p, w, depth+1); err != nil {
		w.Refuse(p, reason(err))
	}
}

// linkTarget returns the link's target as a path of fsys, when it is a
// relative one.
func linkTarget(fsys fs.FS, p string) (string, bool) {
	target, err := fs.ReadLink(fsys, p)
	if err != nil || path.IsAbs(target) {
		return "", false
	}
	return path.Join(path.Dir(p), target), true
}

func linkReason(fsys fs.FS, p string, err error) string {
	target, _ := fs.ReadLink(fsys, p)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Sprintf("broken symlink (→ %s)", target)
	}
	return fmt.Sprintf("%s (→ %s)", reason(err), target)
}

// reason is err without the path its fs.PathError repeats.
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
