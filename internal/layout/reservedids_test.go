package layout

import (
	"io/fs"
	"reflect"
	"regexp"
	"sort"
	"testing"

	"bantin/internal/markdown"
)

// The ids the theme's templates give page parts are the ones heading IDs
// avoid (markdown.ReservedIDs).
func TestReservedIDsMatchTheme(t *testing.T) {
	idAttr := regexp.MustCompile(`\bid="([a-z0-9-]+)"`)
	found := map[string]bool{}
	err := fs.WalkDir(themeFS, "theme/layouts", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(themeFS, p)
		for _, m := range idAttr.FindAllSubmatch(data, -1) {
			found[string(m[1])] = true
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for id := range found {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	want := append([]string(nil), markdown.ReservedIDs...)
	sort.Strings(want)
	if !reflect.DeepEqual(ids, want) {
		t.Errorf("theme ids %q, markdown.ReservedIDs %q", ids, want)
	}
}
