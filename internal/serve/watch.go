package serve

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"bantin/internal/config"

	"github.com/fsnotify/fsnotify"
)

// Batching of file events: rebuild after quiet, at the latest after limit.
const (
	quiet = 30 * time.Millisecond
	limit = 300 * time.Millisecond
)

// watchedDirs are the source folders watched recursively; the config file
// (any of config.Files) is watched through the root folder.
var watchedDirs = []string{"content", "layouts", "static"}

// Watch rebuilds the site whenever its sources change, until ctx ends.
func (s *Server) Watch(ctx context.Context) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	if err := w.Add(s.root); err != nil {
		return err
	}
	for _, dir := range watchedDirs {
		s.addTree(w, filepath.Join(s.root, dir), nil)
	}
	pending := map[string]bool{}
	var first time.Time
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-w.Errors:
			s.logf("watch: %v\n", err)
		case ev := <-w.Events:
			rel, ok := s.relevant(ev)
			if !ok {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					s.addTree(w, ev.Name, pending) // files made before the watch count too
				}
			}
			pending[rel] = true
			if first.IsZero() {
				first = time.Now()
			}
			timer.Reset(min(quiet, limit-time.Since(first)))
		case <-timer.C:
			paths := make([]string, 0, len(pending))
			for p := range pending {
				paths = append(paths, p)
			}
			pending, first = map[string]bool{}, time.Time{}
			s.Rebuild(paths)
		}
	}
}

// addTree watches dir and its sub-folders; when pending is not nil, the
// files already in them are marked changed.
func (s *Server) addTree(w *fsnotify.Watcher, dir string, pending map[string]bool) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if err := w.Add(p); err != nil {
				s.logf("watch %s: %v\n", p, err)
			}
			return nil
		}
		if pending != nil {
			if rel, err := filepath.Rel(s.root, p); err == nil {
				pending[filepath.ToSlash(rel)] = true
			}
		}
		return nil
	})
}

// relevant returns the event's path relative to the root when it can
// change the site.
func (s *Server) relevant(ev fsnotify.Event) (string, bool) {
	if ev.Op == fsnotify.Chmod || ignoredName(filepath.Base(ev.Name)) {
		return "", false
	}
	rel, err := filepath.Rel(s.root, ev.Name)
	if err != nil {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	if config.IsFile(rel) {
		return rel, true
	}
	for _, dir := range watchedDirs {
		if rel == dir || strings.HasPrefix(rel, dir+"/") {
			return rel, true
		}
	}
	return "", false
}

// ignoredName reports editors' temporary and backup files.
func ignoredName(name string) bool {
	return strings.HasSuffix(name, "~") || strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") ||
		strings.HasPrefix(name, ".#") || (strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#")) ||
		name == "4913" || strings.HasSuffix(name, ".tmp")
}

func (s *Server) logf(format string, args ...any) {
	if s.log != nil {
		fmt.Fprintf(s.log, format, args...)
	}
}
