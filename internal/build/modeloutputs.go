package build

import (
	"bantin/internal/cache"
	"bantin/internal/diag"
	"bantin/internal/layout"
	"bantin/internal/output"
	"bantin/internal/qr"
	"bantin/internal/search"
	"bantin/internal/site"
	"bantin/internal/textstore"
)

// modelOutputs makes the outputs that need only the assembled site model,
// not the pages' HTML: the QR codes with the short-link redirects, the
// search index, the feeds and the sitemap. A build makes them before the
// templates (see Into); a session whose first build deferred them makes
// them afterwards (Session.FinishOutputs), the same files.
type modelOutputs struct {
	s     *site.Site
	tmpls *layout.Templates
	codes *qr.Cache
	cache *cache.Store
	texts *textstore.Store // the build's: the search analyses are spilled there
}

// qr hands add the short-link redirects and every page's QR files.
func (m modelOutputs) qr(add func(output.File), dl *diag.List) {
	pageQRFiles(m.s, m.tmpls, m.codes, add, dl)
}

// search hands add the search index files, reports a search script that
// cannot be lowered, and returns every page's analysis as spilled to the
// text store (a few numbers a page: a Session keeps them to refresh the
// index after edits). The analyses are spilled as they are made, and read
// back one at a time by the merge.
func (m modelOutputs) search(add func(output.File), dl *diag.List) []search.Spilled {
	spilled := spilledAnalyses(m.s.Pages, m.s.Config.Location, m.cache, m.texts, add)
	if err := m.texts.Err(); err != nil { // a spill that failed (a full disk): no merge of what is not there
		dl.Errorf(diag.Pos{}, "%v", err)
		return spilled
	}
	search.WriteFiles(m.s, spilled, m.texts, typeLabel(m.s, m.tmpls.Strings), add)
	if err := m.texts.Err(); err != nil {
		dl.Errorf(diag.Pos{}, "%v", err)
	}
	if _, err := search.Script(); err != nil {
		dl.Errorf(diag.Pos{File: "internal/search/js/search.js"}, "search script: %v", err)
	}
	return spilled
}

// feeds hands add the feeds of every list and the sitemap.
func (m modelOutputs) feeds(add func(output.File), dl *diag.List) {
	for _, f := range feedsAndSitemap(m.s, dl) {
		add(f)
	}
}
