package config

import (
	"strings"
	"testing"
	"testing/fstest"

	"bantin/internal/diag"
)

func loadFS(t *testing.T, fsys fstest.MapFS) (*Config, string) {
	t.Helper()
	var dl diag.List
	c := Load(fsys, "", &dl)
	var msgs []string
	for _, d := range dl.Items() {
		msgs = append(msgs, d.String())
	}
	return c, strings.Join(msgs, "\n")
}

// Every config name Hugo reads is read, in its syntax.
func TestConfigFileForms(t *testing.T) {
	for name, src := range map[string]string{
		"hugo.toml":   "baseURL = \"https://x.vn/\"\ntitle = \"Tên\"\n",
		"hugo.yaml":   "baseURL: https://x.vn/\ntitle: Tên\n",
		"config.yaml": "baseURL: https://x.vn/\ntitle: Tên\n",
		"config.yml":  "baseURL: https://x.vn/\ntitle: Tên\n",
		"hugo.json":   "{\n  \"baseURL\": \"https://x.vn/\",\n  \"title\": \"Tên\"\n}\n",
		"config.json": "{\"baseURL\": \"https://x.vn/\", \"title\": \"Tên\"}",
	} {
		c, msgs := loadFS(t, fstest.MapFS{name: {Data: []byte(src)}})
		if msgs != "" || c.Title != "Tên" || c.Base.Host != "x.vn" || c.Source != name {
			t.Errorf("%s: title %q base %v source %q: %s", name, c.Title, c.Base, c.Source, msgs)
		}
	}
}

func TestConfigProblemsNameTheFile(t *testing.T) {
	_, msgs := loadFS(t, fstest.MapFS{"config.json": {Data: []byte("{\n  \"baseURL\": \"https://x.vn/\",\n  \"titel\": \"x\"\n}\n")}})
	if msgs != `config.json:3:3: warning: unknown key "titel"` {
		t.Errorf("got %s", msgs)
	}
	_, msgs = loadFS(t, fstest.MapFS{"hugo.yaml": {Data: []byte("baseURL: [\n")}})
	if !strings.HasPrefix(msgs, "hugo.yaml:") || !strings.Contains(msgs, "invalid YAML") {
		t.Errorf("got %s", msgs)
	}
}

func TestTwoConfigFilesAreAnError(t *testing.T) {
	_, msgs := loadFS(t, fstest.MapFS{
		"config.toml": {Data: []byte("baseURL = \"https://x.vn/\"\n")},
		"hugo.toml":   {Data: []byte("baseURL = \"https://x.vn/\"\n")},
	})
	want := "config.toml: error: two config files: hugo.toml and config.toml; keep one (bantin reads one config file, like Hugo)"
	if msgs != want {
		t.Errorf("got\n%s\nwant\n%s", msgs, want)
	}
}

func TestTaxonomyForms(t *testing.T) {
	c, msgs := load(t, "baseURL = \"https://x.vn/\"\n[taxonomies]\ntag = \"tags\"\ncategory = \"categories\"\ntopics = \"Chủ đề\"\n", "")
	if msgs != "" {
		t.Fatal(msgs)
	}
	want := []Taxonomy{
		{Plural: "categories", Singular: "category", Slug: "categories"},
		{Plural: "tags", Singular: "tag", Slug: "tags"},
		{Plural: "topics", Name: "Chủ đề", Slug: "chu-de"},
	}
	if len(c.TaxonomyList) != len(want) {
		t.Fatalf("got %+v", c.TaxonomyList)
	}
	for i := range want {
		if c.TaxonomyList[i] != want[i] {
			t.Errorf("%d: got %+v, want %+v", i, c.TaxonomyList[i], want[i])
		}
	}
	_, msgs = load(t, "baseURL = \"https://x.vn/\"\n[taxonomies]\ntag = \"tags\"\ntags = \"tags\"\n", "")
	if !strings.Contains(msgs, `config.toml:4:1: error: taxonomies "tag" and "tags" both name the front-matter key "tags"; keep one`) {
		t.Errorf("got %s", msgs)
	}
	c, _ = load(t, "baseURL = \"https://x.vn/\"\n", "")
	if len(c.TaxonomyList) != 3 || c.TaxonomyList[2].Slug != "chu-de" {
		t.Errorf("defaults %+v", c.TaxonomyList)
	}
}

// A Hugo config's settings under Hugo's names are read; Hugo settings
// bantin does not have are one warning each saying so.
func TestHugoSettings(t *testing.T) {
	c, msgs := loadFS(t, fstest.MapFS{"hugo.toml": {Data: []byte(`baseURL = "https://x.vn/"
theme = "ananke"
paginate = 7
[markup.goldmark.renderer]
unsafe = true
[markup.highlight]
style = "monokai"
[[menu.main]]
name = "Bài viết"
url = "/bai-viet/"
`)}})
	want := `hugo.toml:2:1: warning: "theme" is a Hugo setting that bantin does not have; it is ignored`
	if msgs != want {
		t.Errorf("got\n%s\nwant\n%s", msgs, want)
	}
	if c.Pagination.PagerSize != 7 || !c.Markup.Unsafe || c.Markup.HighlightStyle != "monokai" || len(c.Menus["main"]) != 1 {
		t.Errorf("pagerSize %d unsafe %v style %q menus %v", c.Pagination.PagerSize, c.Markup.Unsafe, c.Markup.HighlightStyle, c.Menus)
	}
}

func TestHugoConfigFolderIsReported(t *testing.T) {
	_, msgs := loadFS(t, fstest.MapFS{"config/_default/hugo.toml": {Data: []byte("baseURL = \"https://x.vn/\"\n")}})
	if !strings.Contains(msgs, "config/_default: warning: Hugo's config folder is not read") {
		t.Errorf("got %s", msgs)
	}
}
