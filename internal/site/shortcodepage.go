package site

// URLOf returns the root-relative URL of the shown document at rel (a path
// under content/), or "" when no shown document has that path. Shortcode
// templates run before the site is assembled and know their page by it.
func (ix *Index) URLOf(rel string) string {
	if e, ok := ix.pages[rel]; ok {
		return e.url
	}
	return ""
}

// File returns the published content file at rel.
func (ix *Index) File(rel string) (Resource, bool) {
	if f, ok := ix.files[rel]; ok {
		return *f, true
	}
	return Resource{}, false
}
