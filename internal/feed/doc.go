// Package feed writes RSS 2.0 and Atom 1.0 feeds.
//
// Every list page with a feed — the home page, each section, each term —
// gets LIST/index.xml (RSS) and LIST/atom.xml (Atom). A feed holds the
// list's newest pages, at most config feeds.limit (default 20). Each entry
// has its title, absolute link, id, publication date and last change in
// the site's time zone, and either its summary (default) or, with
// feeds.fullContent, the whole page with every root-relative link and image
// made absolute, so that feed readers resolve them. Readers render an RSS
// <description> as HTML, so a summary (plain text) is HTML-escaped before
// it is XML-encoded: "<b>" in a summary shows as "<b>", never as bold.
//
// The channel's lastBuildDate / the feed's updated is the newest lastmod
// among its entries, never the time of the build: two builds of the same
// content give the same bytes.
//
// A page sits in several feeds: its section's, the home page's, one per
// term it has. A [Writer] encodes a page's RSS item and Atom entry once and
// splices them (an innerxml field) into every feed that lists the page; an
// entry whose bytes depend on the feed (a page without a lastmod takes the
// feed's) is encoded for each feed. [RSS] and [Atom] use a Writer of their
// own.
package feed
