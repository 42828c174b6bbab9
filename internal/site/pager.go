package site

import "fmt"

// Pager is one page of a paginated list.
type Pager struct {
	Number     int     // 1-based
	Total      int     // number of pagers
	Pages      []*Page // the pages shown on this pager
	TotalPages int     // pages in the whole list
	URL        string  // site-relative URL of this pager
	Prev, Next *Pager
	All        []*Pager // every pager of the list, for numbered links
}

// Links returns the pagers a numbered navigation shows: the first, the
// last, and two on each side of this one, with nil where numbers are left
// out (shown as "…"). Its length is bounded, so rendering every pager of a
// long list costs as many links per page as for a short one.
func (p *Pager) Links() []*Pager {
	var out []*Pager
	for i, q := range p.All {
		near := q.Number >= p.Number-2 && q.Number <= p.Number+2
		if i == 0 || i == len(p.All)-1 || near {
			out = append(out, q)
		} else if len(out) > 0 && out[len(out)-1] != nil {
			out = append(out, nil)
		}
	}
	return out
}

// HasOthers reports whether the list has more than one pager.
func (p *Pager) HasOthers() bool { return p.Total > 1 }

// Pager is this page of a paginated list, or nil.
func (p *Page) Pager() *Pager {
	if p.pager != nil || p.Site == nil {
		return p.pager
	}
	return p.Site.Pagination[p]
}

// Redirects are the URLs that redirect to p: its aliases, and for a list
// of more than one pager, its page/1/.
func (p *Page) Redirects() []string {
	if pg := p.Pager(); pg != nil && pg.Number == 1 && pg.Total > 1 {
		return append(append([]string(nil), p.Aliases...), p.URL+"page/1/")
	}
	return p.Aliases
}

// paginate splits list page p into pagers of size pages: the first keeps
// p's URL, the others are at URL/page/N/. It returns the pagers, and one
// page per pager: the first is p itself (unchanged: its Pager is found in
// Site.Pagination), the others new copies of it.
func (ix *Index) paginate(p *Page, size int) ([]*Pager, []*Page) {
	total := max(1, (len(p.Pages)+size-1)/size)
	pagers := make([]*Pager, total)
	out := make([]*Page, total)
	for i := range pagers {
		lo, hi := i*size, min((i+1)*size, len(p.Pages))
		pg := &Pager{Number: i + 1, Total: total, Pages: p.Pages[lo:hi], TotalPages: len(p.Pages), All: pagers}
		page := p
		if i > 0 {
			copyOfP := *p
			page = &copyOfP
			ix.setURL(page, fmt.Sprintf("%spage/%d/", p.URL, i+1))
			page.Aliases, page.pagerOf, page.pager = nil, p, pg
		}
		pg.URL = page.RelPermalink
		pagers[i], out[i] = pg, page
	}
	for i, pg := range pagers {
		if i > 0 {
			pg.Prev = pagers[i-1]
		}
		if i+1 < total {
			pg.Next = pagers[i+1]
		}
	}
	return pagers, out
}
