// Package feed writes RSS 2.0 feeds.
//
// One feed per list page: the home page's at /index.xml, each section's at
// /SECTION/index.xml. A feed holds the list's newest pages (at most
// [MaxItems]), each with its title, absolute link, guid, publication date
// in the site's time zone (RFC 1123 with numeric zone) and summary.
// lastBuildDate is the newest lastmod among the items, not the time of the
// build, so that two builds of the same content give the same bytes.
package feed
