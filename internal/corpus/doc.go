// Package corpus generates Vietnamese sites of any size for benchmarks and
// load tests: [Generate] returns the files of a site with n pages spread
// over the four sections as a bulletin's site has them (of every 50 pages,
// 47 articles, one leaflet, one handbook, one bulletin issue), with front
// matter (dates, topics, a configurable
// number of tags, authors), headings, lists, tables, code blocks and links
// between pages, in text made of common Vietnamese words. The same
// arguments always give the same files, so figures are comparable from one
// run to the next.
package corpus
