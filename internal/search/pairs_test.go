package search

import (
	"fmt"
	"testing"
	"time"

	"bantin/internal/site"
	"bantin/internal/textstore"
)

// A common pair keeps up to 100 pages on a small site, and fewer as the
// site grows, never under 30: a 10,000-page site keeps 30.
func TestPairPages(t *testing.T) {
	for _, c := range []struct{ pages, keep int }{
		{0, 100}, {150, 100}, {2249, 100}, {2250, 100}, {3000, 75}, {5000, 45}, {7500, 30}, {10000, 30}, {100000, 30},
	} {
		if got := pairPages(c.pages); got != c.keep {
			t.Errorf("pairPages(%d) = %d, want %d", c.pages, got, c.keep)
		}
	}
}

// On a site of 150 pages whose titles all hold "trọng tài" (every article
// of one law carries the law's name), the pair keeps 100 of them, each
// filed as in the title; a pair on a few pages keeps them all.
func TestCommonPairKeepsItsBestPages(t *testing.T) {
	var pages []*site.Page
	store := textstore.NewMem()
	for i := range 150 {
		body := fmt.Sprintf("Văn bản số %d.", i)
		if i%50 == 0 {
			body += " Thẩm quyền của Hội đồng."
		}
		pages = append(pages, &site.Page{Title: fmt.Sprintf("Điều %d. Mục %d (Luật Trọng tài thương mại)", i, i), PlainText: site.StoreText(store, body)})
	}
	as := make([]*Analysis, len(pages))
	for i, p := range pages {
		as[i] = Analyze(p, time.UTC)
	}
	ix := buildIndex(heldAnalyses(as))
	kept := map[string]int{}
	for _, pl := range ix.pairs {
		name := ix.keys[pl.a] + " " + ix.keys[pl.b]
		for _, p := range ix.pairPostings(pl) {
			if name == "trong tai" && p.impact() != pairInTitle {
				t.Errorf("trong tai on page %d: impact %d, want the title's %d", p.doc(), p.impact(), pairInTitle)
			}
		}
		kept[name] = len(ix.pairPostings(pl))
	}
	if kept["trong tai"] != 100 || kept["tham quyen"] != 3 {
		t.Errorf("pages kept: trong tai %d (want 100), tham quyen %d (want 3)", kept["trong tai"], kept["tham quyen"])
	}
}
