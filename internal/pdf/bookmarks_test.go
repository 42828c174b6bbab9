package pdf

import (
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
)

// hasBookmark reports whether the outline holds a bookmark whose title
// contains title, ignoring spaces: Chromium drops the space where a
// heading wraps to a new line when it makes bookmark titles.
func hasBookmark(bms []pdfcpu.Bookmark, title string) bool {
	squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
	for _, b := range bms {
		if strings.Contains(squeeze(b.Title), squeeze(title)) || hasBookmark(b.Kids, title) {
			return true
		}
	}
	return false
}
