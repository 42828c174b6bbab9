package config

import (
	"errors"
	"io/fs"
	"path"
	"strings"

	"bantin/internal/diag"
	"bantin/internal/meta"
)

// Files are the names a site's config file may have, in Hugo's order of
// precedence: hugo.* before config.*, TOML before YAML before JSON.
var Files = []string{
	"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json",
	"config.toml", "config.yaml", "config.yml", "config.json",
}

// IsFile reports whether name (relative to the site root) is one of Files.
func IsFile(name string) bool {
	for _, f := range Files {
		if name == f {
			return true
		}
	}
	return false
}

// find returns the config file present at the root of fsys, or "" when
// there is none. Two or more present are an error naming them: bantin
// would otherwise read one and silently ignore the others.
func find(fsys fs.FS, dl *diag.List) string {
	var found []string
	for _, name := range Files {
		if _, err := fs.Stat(fsys, name); err == nil {
			found = append(found, name)
		}
	}
	if len(found) > 1 {
		dl.Errorf(diag.Pos{File: found[1]}, "two config files: %s and %s; keep one (bantin reads one config file, like Hugo)", found[0], strings.Join(found[1:], " and "))
	}
	if st, err := fs.Stat(fsys, "config/_default"); err == nil && st.IsDir() {
		dl.Warnf(diag.Pos{File: "config/_default"}, "Hugo's config folder is not read: bantin reads one config file; put its settings in hugo.toml")
	}
	if len(found) == 0 {
		return ""
	}
	return found[0]
}

// parse reads the config file name from fsys in the syntax its extension
// names; it returns nil when the file is missing or has syntax errors.
func parse(fsys fs.FS, name string, dl *diag.List) *meta.Document {
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			dl.Errorf(diag.Pos{File: name}, "read: %v", err)
		}
		return nil
	}
	switch path.Ext(name) {
	case ".yaml", ".yml":
		return meta.ParseYAML(name, src, 1, dl)
	case ".json":
		return meta.ParseJSON(name, src, 1, dl)
	}
	return meta.ParseTOML(name, src, 1, dl)
}
