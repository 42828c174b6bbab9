// Package serve is bantin's dev server: it builds the site into memory,
// serves it, watches the sources and keeps every open page up to date.
//
// Starting: the first build (build.Options.Defer) reads, renders the
// Markdown (from the build cache when it can), assembles the site and
// copies the static files, and the server answers at once. What that
// build leaves out is made in the background, holding the update lock so
// that no edit is applied before: first the outputs made from the site
// model (Session.FinishOutputs: QR codes and short-link redirects, feeds,
// sitemap, search index; "made the QR codes, feeds, sitemap and search
// index (N files) in …"), then the pages (Session.FinishPages, with the
// qrFile codes they ask for; "made N pages in …"). A page asked for
// before its turn is rendered alone (Session.RenderPage); any other file
// not made yet waits for the stage that makes it (build.OutputStages, in
// order, then the pages: a page's QR code waits for the QR codes alone),
// and a path no stage makes answers 404 once all are over. Every answer is the bytes a full build
// writes. A failure in either pass is reported like a failed build's:
// terminal, error report and overlay.
//
// Serving: only the built site is served, from memory. A request path is
// cleaned and looked up in the built files; nothing on disk is ever opened
// for a request, so no path ("/../", encoded or not) reaches another file.
// A folder path serves its index.html; a missing path serves 404.html with
// status 404. Every HTML response gets one script tag before </body>:
// /__bantin/live.js. The server binds to 127.0.0.1 unless told otherwise.
// Every path, the server's own /__bantin/* included, answers GET and HEAD
// only. [Hosts.Guard] answers 403 unless the Host header is a loopback
// name or address, the bound address or the base URL's host (any IP
// literal and the host name too when bound to every interface), so that a
// DNS-rebinding page cannot read the preview or the error report.
//
// Watching: content/, layouts/ and static/ recursively (folders created
// later too) and config.toml, with fsnotify. Events are batched: a rebuild
// starts once the sources have been quiet for 30 ms (at most 300 ms after
// the first event), so an editor's save (write a temporary file, rename it
// over) or a git checkout of many files is one rebuild. Chmod-only events
// and editors' temporary files (*~, .*.swp, .#*, #*#, 4913) are ignored.
// Rebuilds go through build.Session, which redoes only what an edit touches.
// An edit to a page's text leaves the search index to a refresh that runs
// once edits pause for two seconds; its merge runs without the update
// lock, so an edit saved during it reloads at once.
// After each build or update the server flushes the build cache
// (build.Options.Cache), so a bantin build started meanwhile finds what it
// added; a flush that fails is said once in the log.
//
// Live reload, over server-sent events at /__bantin/events:
//
//	event: reload   data: {"paths":["bai-viet/a/index.html",…],"css":false}
//	event: errors   data: {"errors":[{"pos":"content/a.md:3:1","message":"…","lines":[…]}]}
//	event: ok       data: {}
//
// live.js reloads a page when its own output is among the changed paths,
// keeping its scroll position; when every changed file is a stylesheet it
// swaps the stylesheets in place without reloading. When a build fails the
// server keeps serving the last good site, and every page shows an overlay
// with each error's position, message and the source lines around it
// (also at /__bantin/errors, for pages opened while the build is broken);
// the terminal prints the same errors. The page recovers by itself once the
// sources are fixed.
package serve
