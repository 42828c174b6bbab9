package layout

import (
	"embed"
	"io/fs"
	"path"
	"sort"
	"strings"

	"bantin/internal/diag"
	"bantin/internal/sitefs"
)

//go:embed all:theme
var themeFS embed.FS

// SiteDir is the site's layouts folder.
const SiteDir = "layouts"

// themeDir is where the embedded theme's layouts are shown to developers in
// diagnostics: the path inside bantin's repository.
const themeDir = "internal/layout/theme/layouts"

// Static returns the default theme's static assets, to be published at the
// site root under the site's own static/ files.
func Static() fs.FS {
	sub, err := fs.Sub(themeFS, "theme/static")
	if err != nil {
		panic(err) // the embedded folder exists: a failure is a build defect
	}
	return sub
}

// source is one file of a layout set.
type source struct {
	fsys    fs.FS
	path    string // path within fsys
	display string // path for diagnostics
	theme   bool
}

// fileSet holds theme and site layout files by relative name.
type fileSet struct {
	byName map[string][]source // theme first, then the site's
}

// loadFiles lists the theme's files and the site's layouts/; a site entry
// it will not read (a symlink out of the site, a named pipe) is an error in
// dl at its path.
func loadFiles(site fs.FS, dl *diag.List) (*fileSet, error) {
	fsys, err := fs.Sub(themeFS, "theme/layouts")
	if err != nil {
		return nil, err
	}
	set := &fileSet{byName: map[string][]source{}}
	if err := set.add(fsys, ".", themeDir, true, dl); err != nil {
		return nil, err
	}
	if _, err := fs.Stat(site, SiteDir); err == nil {
		if err := set.add(site, SiteDir, SiteDir, false, dl); err != nil {
			return nil, err
		}
	}
	return set, nil
}

func (s *fileSet) add(fsys fs.FS, root, display string, theme bool, dl *diag.List) error {
	return sitefs.Walk(fsys, root, sitefs.Walker{
		Skip: func(name string) bool { return strings.HasPrefix(name, ".") },
		File: func(p string) {
			name := strings.TrimPrefix(strings.TrimPrefix(p, root), "/")
			s.byName[name] = append(s.byName[name], source{fsys: fsys, path: p, display: path.Join(display, name), theme: theme})
		},
		Refuse: func(p, why string) {
			dl.Errorf(diag.Pos{File: path.Join(display, strings.TrimPrefix(strings.TrimPrefix(p, root), "/"))}, "%s", why)
		},
	})
}

// sources returns every source of name, theme first.
func (s *fileSet) sources(name string) []source { return s.byName[name] }

// winner returns the source that is used for name: the site's over the
// theme's.
func (s *fileSet) winner(name string) (source, bool) {
	srcs := s.byName[name]
	if len(srcs) == 0 {
		return source{}, false
	}
	return srcs[len(srcs)-1], true
}

// templateNames returns every .html name, sorted.
func (s *fileSet) templateNames() []string {
	var out []string
	for name := range s.byName {
		if strings.HasSuffix(name, ".html") {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}
