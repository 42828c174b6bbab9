// Package textstore keeps the rendered HTML and text of a build's pages
// out of the heap, so that a build holds the site model (titles, dates,
// links, the places of texts) and not the site.
//
// A Store is append-only: Put copies bytes in and returns a Ref (an offset
// and a length), and Bytes or String reads them back. A Ref's bytes never
// change, so any number of goroutines may Put and read at once, and a
// sub-range of a Ref (Ref.Slice) is itself a Ref: a section of a page is a
// part of the page's HTML, stored once.
//
// NewFile backs the store with a temporary file made in a folder of the
// caller's choice (bantin build uses the temporary output folder, so that
// nothing is written outside the destination's parent) and unlinked at
// once: it has no name, takes no room once the store is closed or the
// process dies, and a killed build leaves nothing behind. Reads go through
// the page cache, so a page read soon after it was written costs a copy,
// not a disk access. NewMem keeps the bytes in memory, in chunks, for tests
// and the dev server's small sites.
//
// A failed write (a full disk) is kept: Err returns the first one, and
// the build reports it instead of publishing pages read from a hole.
package textstore
