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

// Resources returns the published content files at rels (paths under
// content/), in order, leaving out any that is not published.
func (ix *Index) Resources(rels []string) []Resource {
	var out []Resource
	for _, rel := range rels {
		if f, ok := ix.files[rel]; ok {
			out = append(out, *f)
		}
	}
	return out
}
