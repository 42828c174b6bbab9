package layout

import (
	"strconv"
	"testing"

	"bantin/internal/config"
	"bantin/internal/site"
)

// paginationNav writes what the default theme's pagination.html used to
// write with template actions (testdata/pagination-template.html), for one
// pager, the first, middle and last of many, and a list of two.
func TestPaginationNavMatchesTheTemplate(t *testing.T) {
	cases := []struct{ number, total int }{{1, 1}, {1, 2}, {2, 2}, {1, 12}, {6, 12}, {12, 12}, {3, 7}}
	sameAsTemplate(t, "baseURL = \"https://danvan.example.vn/\"\n", "pagination-template.html", "{{ paginationNav . }}", func(cfg *config.Config) []*site.Page {
		var pages []*site.Page
		for _, c := range cases {
			s := &site.Site{Config: cfg}
			p := &site.Page{Kind: site.KindTerm, Title: "Dân vận", URL: "/the/dan-van/", Site: s}
			s.Pagination = map[*site.Page]*site.Pager{p: pagers(c.total)[c.number-1]}
			pages = append(pages, p)
		}
		return pages
	})
	if got := (paginationNav{}).write(&site.Page{}); got != "" {
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
