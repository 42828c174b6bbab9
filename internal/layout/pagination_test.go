package layout

import (
	"bytes"
	"html/template"
	"os"
	"strconv"
	"testing"
	"testing/fstest"

	"bantin/internal/config"
	"bantin/internal/diag"
	"bantin/internal/qr"
	"bantin/internal/site"
)

// paginationNav writes what the default theme's pagination.html used to
// write with template actions (testdata/pagination-template.html), for one
// pager, the first, middle and last of many, and a list of two.
func TestPaginationNavMatchesTheTemplate(t *testing.T) {
	var dl diag.List
	cfg := config.Load(fstest.MapFS{"config.toml": {Data: []byte("baseURL = \"https://danvan.example.vn/\"\n")}}, "", &dl)
	tm := Load(fstest.MapFS{}, cfg, qr.NewCache(), &dl)
	if err := dl.Err(); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("testdata/pagination-template.html")
	if err != nil {
		t.Fatal(err)
	}
	old := template.Must(template.New("pagination").Funcs(tm.funcs).Parse(string(src)))
	newer := template.Must(template.New("nav").Funcs(tm.funcs).Parse("{{ paginationNav . }}"))
	cases := []struct{ number, total int }{{1, 1}, {1, 2}, {2, 2}, {1, 12}, {6, 12}, {12, 12}, {3, 7}}
	for _, c := range cases {
		p := &site.Page{Kind: site.KindTerm, Title: "Dân vận", Pager: pagers(c.total)[c.number-1]}
		var want, got bytes.Buffer
		if err := old.Execute(&want, p); err != nil {
			t.Fatal(err)
		}
		if err := newer.Execute(&got, p); err != nil {
			t.Fatal(err)
		}
		if w, g := normalizeTags(want.String()), normalizeTags(got.String()); w != g {
			t.Errorf("pager %d of %d:\n got %s\nwant %s", c.number, c.total, g, w)
		}
	}
	if got := template.HTML(paginationNav{}.write(&site.Page{})); got != "" {
		t.Errorf("a page without a pager: %q", got)
	}
}

// pagers makes the linked pagers of a list of n pagers.
func pagers(n int) []*site.Pager {
	all := make([]*site.Pager, n)
	for i := range all {
		url := "/the/dan-van/"
		if i > 0 {
			url += "page/" + strconv.Itoa(i+1) + "/"
		}
		all[i] = &site.Pager{Number: i + 1, Total: n, URL: url, All: all}
	}
	for i, pg := range all {
		if i > 0 {
			pg.Prev = all[i-1]
		}
		if i < n-1 {
			pg.Next = all[i+1]
		}
	}
	return all
}
