// Package corpus generates Vietnamese sites of any size for benchmarks and
// load tests: [Generate] returns the files of a site with n pages spread
// over the four sections as a bulletin's site has them (of every 50 pages,
// 47 articles, one leaflet, one handbook, one bulletin issue), with front
// matter (dates, topics, a configurable
// number of tags, authors), headings, lists, tables, code blocks and links
// between pages, in text made of common Vietnamese words. The same
// arguments always give the same files, so figures are comparable from one
// run to the next.
//
// [Options] can also shape the corpus of the build-speed comparison
// ([Bench], used by cmd/sitebench): kinds spread over a shorter cycle (85 %
// articles), pages of a given length range. [Each] makes the files one by
// one, and [Write] puts them on disk as they are made, with a Hugo project
// ([HugoProject], in hugo/: hugo.toml pointing at ../content and a small
// theme) beside bantin's config.toml, so that both build the same
// content/. The default options give the same files as before these
// options existed (a test holds their digests).
package corpus
