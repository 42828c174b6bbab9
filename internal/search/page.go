package search

import "bantin/internal/site"

// KindSearch is the kind of the search page.
const KindSearch = site.KindSearch

// Page returns the search page of s, at PageURL; title is its title. The
// build adds it to s.All.
func Page(s *site.Site, ix *site.Index, title string) *site.Page {
	return ix.MadeUp(s, KindSearch, title, PageURL)
}
