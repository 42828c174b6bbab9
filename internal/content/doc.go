// Package content reads the site's content/ folder into [Doc] values.
//
// Every .md file under content/ is a document. Its front matter is TOML
// between "+++" lines, YAML between "---" lines, or (Hugo's third form) a
// JSON object from a "{" line to a "}" line, at the very top of the file. Keys:
//
//	id           short, stable identifier of the page, kept when the file is
//	             renamed or moved (the QR short link uses it)
//	title        required for pages; a section's _index.md defaults to the folder name
//	date         publication date shown on the page; lists sort newest first
//	lastmod      last change (sitemap, feeds); defaults to date
//	publishDate  the page appears from this time on; defaults to date
//	expiryDate   the page disappears after this time
//	draft        true keeps the page out of the build unless --drafts
//	slug         last URL segment instead of the file name (slugified)
//	url          the whole URL path ("/gioi-thieu/"), instead of section + slug
//	aliases      old URL paths that redirect here: from the site root with a
//	             leading slash ("/cu/x/"), else from the folder of the page's
//	             URL ("cu" on /tin/moi/ is /tin/cu/), as in Hugo
//	summary      summary text for lists and feeds
//	description  meta description
//	type         content type (article, leaflet, handbook, bulletin, …);
//	             defaults to the section's type from config [types]
//	layout       template name to use instead of "single"
//	weight       ordering among pages of equal date (lower first)
//	image        sharing image, relative to the page or the site (a file of
//	             the page's folder gets a 1200×630 copy: internal/imaging)
//	images       Hugo's list of sharing images: the first is used when image is not set
//	keywords     list of keywords: <meta name="keywords"> and the search index
//	linkTitle    shorter title for lists, menus and breadcrumbs
//	cascade      (content/_index.md and section _index.md files) a table of
//	             front-matter values handed down to every page of the site or
//	             section that does not set the key itself
//	articles     a bulletin issue's articles, as paths under content/, in order
//	[print]      the imprint of a printed publication: publisher, responsible
//	             (người chịu trách nhiệm xuất bản), licence (number, date,
//	             authority), copies (print run), size (khuôn khổ), printer
//	             (printing house), printerAddress, date (printing finished),
//	             deposit (nộp lưu chiểu), periodicity (a bulletin's); which are
//	             required is the config's [print.rules.TYPE]
//	params       free-form table for templates (.Params)
//	<taxonomy>   one list of terms per configured taxonomy (topics, tags, authors)
//
// Keys are matched as written, and also in another case as Hugo matches
// them ("publishdate", "linktitle"). Hugo's keys that bantin does not use
// (outputs, markup, resources, build, sitemap, menu, menus, headless,
// isCJKLanguage, translationKey, author (read as authors when that taxonomy
// is configured); categories and series when they
// are not configured taxonomies) are dropped and reported once per key for
// the whole site, at the first file that has it. Other unknown keys are
// warnings at their line.
//
// Hugo's ref and relref shortcodes ({{< ref "x.md#part" >}}) are replaced
// by the path, relative to the page, of the content file they name (looked
// up from the page's folder, then from content/; a leading slash means
// content/; .md, /index.md or /_index.md may be left out), so that the link
// around them resolves like any link to a content file; a path that names
// no file is an error at the call. They are found with the shortcode
// parser (internal/shortcode): not in code, nested calls included. Every
// other shortcode is left in the body for the Markdown stage, which
// renders it with its template (internal/layout, layouts/shortcodes/).
//
// Dates without a zone are in the site's time zone; years outside
// 1900–9999 are errors. Text is NFC-normalised and CRLF line ends become LF
// when read.
//
// Files are read through the file system the build is given; bantin's own
// (sitefs) refuses symlinks that leave the site and special files, and
// [Scan] reports each such entry under content/ as an error at its path.
//
// Layout of the folder: the first folder under content/ is the page's
// section; content/_index.md is the home page's own text and
// content/SECTION/_index.md a section's; content/PLURAL/_index.md and
// content/PLURAL/TERM/_index.md, where PLURAL is a configured taxonomy's
// plural or URL segment, give the taxonomy's page and a term's page their
// title, description and text (KindTaxonomy, KindTerm); a folder holding index.md is a page
// bundle, whose other files (images, PDFs) belong to the page and are
// published beside it (images as resized copies, their originals only when
// a page links to them: internal/build, internal/imaging). Other non-Markdown files are published at their path
// under content/. Files and folders whose names start with "." or end in
// "~" are ignored.
//
// [Scan] leaves out drafts, pages whose publish date is in the future and
// expired pages unless [Options] asks for them; the left-out documents are
// still returned (Set.Hidden), so that a link to one can say why it fails.
package content
