// Package build runs bantin's pipeline from a site folder to output files.
//
//	site root (an fs.FS; bantin and its dev server open it with sitefs.Open)
//	 ├─ config.Load ─────────► *config.Config        hugo.* or config.*, defaulted, validated
//	 ├─ content.Scan ────────► *content.Set          front matter decoded, text NFC, drafts left out
//	 │   site.NewIndex ──────► URLs of every page    known before any Markdown is rendered
//	 ├─ layout.Load ─────────► *layout.Templates     theme + layouts/, parsed once
//	 │   markdown.Render × N ► []*site.Rendered      on every core; one goldmark instance;
//	 │                                               shortcodes by layouts/shortcodes/NAME.html;
//	 │                                               HTML, text and the Markdown source go to
//	 │                                               the text store at once (internal/textstore)
//	 │   site.Assemble ──────► *site.Site            sections, parents, menus
//	 │   images.files ───────► image copies          planned while Markdown renders
//	 │                         (every image a page shows, its bundle's, its
//	 │                         front-matter image: internal/imaging), made on
//	 │                         every core through Options.Cache; originals left
//	 │                         out unless a Markdown link points to them
//	 │   checkAnchors ───────► warnings              x.md#id links to ids x.md lacks
//	 │   shortlink.Assign ───► site.ShortLinks       data, looked up by Page.ShortURL, QR
//	 │   (input errors: every one reported, and the build stops here)
//	 │   shortlink.Files ────► redirects, page codes  on every core
//	 │   search: Spill, WriteFiles ► fragments as analysed, index, script (before the
//	 │   feed.Writer, sitemap ► feeds, sitemap.xml    templates, while the heap is small)
//	 │   layout.Execute × N ─► page HTML             on every core
//	 │   redirect, static, assets, qrFile codes ► more output.Files
//	 │   (the theme's scripts, like the search script, go through
//	 │   script.Lower: ES2015, minified, once per process; a script it
//	 │   cannot lower is a build error)
//	 └─ output.Sink ─────────► every file, as it is made: collisions, the marker,
//	                           file-vs-folder clashes and over-long names,
//	                           reported by source; the rest go to an output.Writer
//
// [Into] streams every file into an output.Writer as soon as it is made
// (bantin build: output.Dir, a temporary folder the CLI swaps in only when
// the diagnostics hold no error and the PDFs, printed from that folder and
// added with [Result.AddFiles] through the same check, are made), so that
// the build holds the site model, not the site. Nor does the model hold
// the pages' texts: as each document is rendered, its HTML, its text and
// its Markdown source go to a text store (internal/textstore; for
// output.Dir a file with no name in the temporary folder, else memory), and
// the page keeps where they are (site.Text): Page.Content, Page.Plain,
// Section.Body and the rest read them when a stage or a template uses
// them. [Build] is Into an
// output.Mem, returning the files as data (tests; a Session keeps them in
// memory for the dev server). Both return every diagnostic of the run,
// sorted; a collision's two sources are named in one order whatever
// order the parallel stages made them in. Nothing in a build depends on the clock except
// the draft/future/expired filter (Options.Now; Result.Until is the next
// instant at which its answers could change, for the CLI's up-to-date
// check, internal/uptodate), and every list is sorted, so two builds of
// the same input give byte-identical output.
//
// No stage after Assemble edits a page: publications (site.Publishing:
// panels, questions, articles, print and PDF URLs, print editions and the
// catalogue, publication.Prepare's result), the search page (search.Page),
// short links (site.ShortLinks) and pagination (site.Pagination,
// Site.Pagers) are data those stages return and the build keeps on the
// Site; pages find theirs through methods (Panels, Questions, Articles,
// PDFURL, ShortURL, QR, Pager, Redirects), so the stages need no order.
//
// One dependency model, content.Inputs and content.Reach, says which parts
// of a document reach which outputs: a Session's fast path remakes exactly
// the outputs an edit reaches (content.Changed), site.Refresh updates
// exactly those fields, and the build cache (Options.Cache) keys each
// per-document result by the document's bytes, the options and the
// program, plus, for rendered Markdown, the URLs its links resolved to
// (checked on every hit: a page whose link target moved is rendered
// again). A build flushes the cache when it ends (Store.Flush: other
// processes that open the folder find its entries); whoever opened the
// store closes it (the commands, when they finish).
//
// With Options.Defer (the dev server's first build) the build stops after
// the static files: the pages' paths are claimed in the sink, and the QR
// codes, redirects, feeds, sitemap and search index (modelOutputs), then
// the pages and their qrFile codes, are made by Session.FinishOutputs and
// Session.FinishPages through the same sink, the same bytes.
//
// A Session's fast path (one page's text edited) leaves the search index
// stale (Change.SearchStale) until a search refresh, which the dev server
// runs once edits pause for two seconds: the session keeps every page's
// analysis, analyses again only the edited pages (StartSearchRefresh),
// and the merge into the index files — a second on a 10,000-page site —
// runs without the session (SearchRefresh.Run), so edits saved meanwhile
// are applied at once (session_search.go).
//
// A template that fails on many pages is reported once, with the number of
// pages it failed on. A template that does not parse is one error; the
// pages it would have rendered add none ("no layout" would repeat it once
// a page), and the rest of the build goes on, reporting its own problems.
package build
