package search

import "bantin/internal/site"

// KindSearch is the kind of the search page.
const KindSearch = site.KindSearch

// Prepare adds the search page, at PageURL, to s. title is its title.
func Prepare(s *site.Site, ix *site.Index, title string) {
	p := ix.MadeUp(s, KindSearch, title, PageURL)
	s.All = append(s.All, p)
}
