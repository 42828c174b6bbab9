// Package sitemap writes /sitemap.xml (sitemaps.org protocol 0.9): one
// <url> per page with its absolute <loc> and, when known, its <lastmod>
// in W3C date-time form. Pages are listed in the order given (the build
// passes home, sections, then pages newest first), so output is stable.
package sitemap
