package layout

import (
	"bytes"
	"html"
	"html/template"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"bantin/internal/config"
	"bantin/internal/diag"
	"bantin/internal/qr"
	"bantin/internal/site"
)

// sameAsTemplate checks that the template call (metaTags, paginationNav…)
// writes for each page what testdata/file, the theme partial it replaced,
// writes: the same tags with the same values. pages gets the site's
// config, from configTOML.
func sameAsTemplate(t *testing.T, configTOML, file, call string, pages func(*config.Config) []*site.Page) {
	t.Helper()
	var dl diag.List
	cfg := config.Load(fstest.MapFS{"config.toml": {Data: []byte(configTOML)}}, "", &dl)
	tm := Load(fstest.MapFS{}, cfg, qr.NewCache(), &dl)
	if err := dl.Err(); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("testdata/" + file)
	if err != nil {
		t.Fatal(err)
	}
	old := template.Must(template.New(file).Funcs(tm.funcs).Parse(string(src)))
	newer := template.Must(template.New(call).Funcs(tm.funcs).Parse(call))
	for _, p := range pages(cfg) {
		var want, got bytes.Buffer
		if err := old.Execute(&want, p); err != nil {
			t.Fatal(err)
		}
		if err := newer.Execute(&got, p); err != nil {
			t.Fatal(err)
		}
		if w, g := normalizeTags(want.String()), normalizeTags(got.String()); w != g {
			where := p.URL
			if pg := p.Pager(); pg != nil {
				where += " pager " + pg.URL
			}
			t.Errorf("%s:\n got %s\nwant %s", where, g, w)
		}
	}
}

var betweenTags = regexp.MustCompile(`>\s+<`)

// normalizeTags makes two outputs comparable: entities decoded
// (html/template writes "+" as "&#43;", HTMLEscapeString leaves it), no
// blank space between tags.
func normalizeTags(s string) string {
	return betweenTags.ReplaceAllString(strings.TrimSpace(html.UnescapeString(s)), "><")
}
