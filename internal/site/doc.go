// Package site is the page model that passes between the build's stages.
// It does no I/O.
//
// [NewIndex] decides every page's URL before any Markdown is rendered, so
// that links between content files can be resolved while rendering:
//
//	content/_index.md             → /
//	content/SECTION/_index.md     → /SLUG(SECTION)/
//	content/SECTION/name.md       → /SLUG(SECTION)/SLUG(name)/
//	content/SECTION/name/index.md → /SLUG(SECTION)/SLUG(name)/   (a page bundle)
//	slug = "…"                    replaces the last segment (slugified)
//	url = "/…/"                   replaces the whole path
//	aliases = ["/a/", "b"]        redirect pages at /a/ and, page-relative as in
//	                              Hugo, at b/ beside the page's URL
//
// Folder and file names go through the Vietnamese slugger, so
// "content/Tin tức/Dân vận khéo.md" is published at /tin-tuc/dan-van-kheo/.
// A slug that is not one path segment, and a url or alias with a ".."
// segment or a scheme, are errors at their front-matter line. Two pages
// that would land on one output path are an error that names both files.
//
// A page bundle's other files are published under the page's URL keeping
// their path inside the bundle; other non-Markdown files under content/
// keep their path.
//
// [Assemble] turns rendered documents into a [Site]: the home page, one
// section page per first-level folder (from its _index.md or made up), the
// regular pages sorted newest first (then by weight, then by source path),
// each section's pages in Hugo's list order (pages with a weight first,
// lighter first, then the others newest first), parents and menus; the
// taxonomies with their own pages from content/PLURAL/_index.md and
// content/PLURAL/TERM/_index.md when there are any. Every list a page shows is read from its parent's
// already-sorted list, so no stage walks all pages for each page.
//
// Later stages add what they make as data beside the pages rather than in
// them: [Index.Paginate] returns the pagers ([Site.Pagination], the later
// pagers' pages in Site.Pagers), shortlink.Assign the short links
// ([ShortLinks]); a page finds its own through [Page.Pager],
// [Page.Redirects], [Page.ShortURL], [Page.ShortID] and [Page.QR], which
// templates call as .Pager, .ShortURL, .QR.SVG. [Refresh] sets exactly the
// fields of content.Inputs, the parts of a document that the dev server
// may update in place.
package site
