package site

import (
	"fmt"
	"time"
)

// Labels are the titles of pages bantin makes up, in the site's language.
type Labels struct {
	Archive string                       // "Lưu trữ"
	Year    func(year int) string        // "Năm 2026"
	Month   func(int, time.Month) string // "Tháng 11 năm 2026"
	// Taxonomies names a taxonomy configured without a display name
	// (Hugo's form) and without content/PLURAL/_index.md: "tags" → "Thẻ".
	Taxonomies func(plural string) string
}

func (l Labels) taxonomy(plural string) string {
	if l.Taxonomies == nil {
		return plural
	}
	return l.Taxonomies(plural)
}

// ArchiveDir is the URL segment of the date archive.
const ArchiveDir = "luu-tru"

// buildArchive makes the archive index, one page per year and one per
// month, for every dated regular page (newest first).
func (ix *Index) buildArchive(s *Site, pages []*Page, labels Labels) *Page {
	root := ix.madeUpPage(KindArchive, "", labels.Archive, "/"+ArchiveDir+"/")
	root.Site, root.Parent = s, s.Home
	var year, month *Page
	for _, p := range pages {
		if p.Date.IsZero() {
			continue
		}
		d := p.Date.In(s.Config.Location)
		if year == nil || year.Year != d.Year() {
			year = ix.madeUpPage(KindArchive, "", labels.Year(d.Year()), fmt.Sprintf("/%s/%d/", ArchiveDir, d.Year()))
			year.Site, year.Parent, year.Year = s, root, d.Year()
			root.Children = append(root.Children, year)
			month = nil
		}
		if month == nil || month.Month != int(d.Month()) {
			month = ix.madeUpPage(KindArchive, "", labels.Month(d.Year(), d.Month()), fmt.Sprintf("/%s/%d/%02d/", ArchiveDir, d.Year(), d.Month()))
			month.Site, month.Parent, month.Year, month.Month = s, year, d.Year(), int(d.Month())
			year.Children = append(year.Children, month)
		}
		root.Pages = append(root.Pages, p)
		year.Pages = append(year.Pages, p)
		month.Pages = append(month.Pages, p)
	}
	return root
}

// archivePages returns the archive index and every year and month page.
func archivePages(root *Page) []*Page {
	out := []*Page{root}
	for _, y := range root.Children {
		out = append(out, y)
		out = append(out, y.Children...)
	}
	return out
}
