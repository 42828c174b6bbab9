package feed

import (
	"bytes"
	"testing"
	"testing/fstest"
	"time"

	"bantin/internal/config"
	"bantin/internal/diag"
	"bantin/internal/site"
)

// A Writer shared by every list writes each feed as a Writer of its own
// does: an entry it reuses never carries another list's dates, and a page
// without a lastmod takes each feed's own.
func TestSharedWriterWritesWhatFreshOnesWrite(t *testing.T) {
	var dl diag.List
	cfg := config.Load(fstest.MapFS{"config.toml": {Data: []byte("baseURL = \"https://danvan.example.vn/\"\ntitle = \"Bản tin\"\n")}}, "", &dl)
	if err := dl.Err(); err != nil {
		t.Fatal(err)
	}
	s := &site.Site{Config: cfg, Title: "Bản tin"}
	page := func(slug string, day int, lastmod bool) *site.Page {
		d := time.Date(2026, 11, day, 8, 0, 0, 0, cfg.Location)
		p := &site.Page{Kind: site.KindPage, Title: "Bài " + slug, Summary: "Tóm tắt <" + slug + "> & thêm", Date: d, Site: s,
			URL: "/bai-viet/" + slug + "/", Permalink: cfg.AbsURL("/bai-viet/" + slug + "/"), Terms: map[string][]string{"topics": {"Dân vận"}, "authors": {"Tác giả"}}}
		if lastmod {
			p.Lastmod = d.Add(time.Hour)
		}
		return p
	}
	a, b, c := page("a", 3, true), page("b", 2, false), page("c", 1, true)
	list := func(url string, pages ...*site.Page) *site.Page {
		return &site.Page{Kind: site.KindTerm, Title: url, URL: url, Permalink: cfg.AbsURL(url), Site: s, Pages: pages}
	}
	lists := []*site.Page{list("/the/x/", a, b, c), list("/the/y/", b, c), list("/the/z/", b), list("/the/rong/")}
	shared := NewWriter()
	for _, l := range lists {
		for _, format := range []struct {
			name          string
			shared, fresh func(*site.Page) ([]byte, error)
		}{{"rss", shared.RSS, RSS}, {"atom", shared.Atom, Atom}} {
			got, err := format.shared(l)
			if err != nil {
				t.Fatal(err)
			}
			want, err := format.fresh(l)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s of %s:\n got %s\nwant %s", format.name, l.URL, got, want)
			}
		}
	}
	if atom, _ := shared.Atom(lists[2]); !bytes.Contains(atom, []byte("<updated>2000-01-01T00:00:00+07:00</updated>")) {
		t.Errorf("a feed of pages without lastmod: %s", atom)
	}
}
