// Package layout loads Go html/template layouts and renders pages with
// them.
//
// # Files
//
// Templates come from two places: the default theme compiled into bantin
// (this package's theme/ folder) and the site's own layouts/ folder. A file
// in layouts/ replaces the theme file of the same relative path; every other
// theme file stays in use. The same holds for UI strings (i18n/LANG.toml,
// merged key by key) and for static assets (theme/static/ is published
// under the site's static/, which wins on equal paths; the build lowers the
// theme's scripts to ES2015 and minifies them, see internal/script).
//
// The theme's pages for readers: a phone header of one row whose menu and
// search open from <details> buttons (partials/header.html); one <h1> per
// page; the reading tools (partials/reading-tools.html and
// static/js/cong-cu-doc.js: text size and high contrast kept in
// localStorage and applied by an inline head script, Web Share, a Facebook
// link, copy-link, speech synthesis in a Vietnamese voice); fonts with
// size-matched local fallbacks (static/css/fonts.css). The README's "The
// reader's theme" section is the user's view of it.
//
// Every template file is parsed under its relative path
// ("_default/single.html"), so an error names the file, line and column:
// layouts/_default/single.html:12:5.
//
// # Lookup order
//
// The first file that exists is used. TYPE is the page's content type,
// SECTION its section folder, LAYOUT its layout front-matter key.
//
//	page     TYPE/LAYOUT.html, SECTION/LAYOUT.html, _default/LAYOUT.html (when LAYOUT is set),
//	         TYPE/single.html, SECTION/single.html, _default/single.html
//	section  TYPE/list.html, SECTION/list.html, _default/section.html, _default/list.html
//	home     index.html, _default/home.html, _default/list.html
//	taxonomy taxonomy/PLURAL.html, _default/taxonomy.html, _default/list.html
//	term     term/PLURAL.html, _default/term.html, _default/list.html
//	archive  _default/archive.html, _default/list.html
//	print    TYPE/print.html, _default/print.html   (print editions, at URL/ban-in/)
//	publications _default/publications.html, _default/list.html  (/an-pham/)
//	search   _default/search.html  (/tim-kiem/; see internal/search)
//	404      404.html
//
// # Base templates and partials
//
// A file that defines a "main" template is rendered through a base
// template: DIR/baseof.html for a file in DIR, else _default/baseof.html;
// the base calls {{ block "main" . }}. A file that does not define "main"
// is rendered on its own. Every file under partials/ can be called from
// any template as {{ template "partials/NAME.html" . }} or, inside a
// pipeline, {{ partial "NAME.html" . }}.
//
// # Data
//
// A template receives the *site.Page being rendered: .Title, .LinkTitle
// (front matter linkTitle, else the title: what lists, menus and
// breadcrumbs show), .Keywords, .Content (read from the build's text
// store when used, like .Plain, a section's .Body and .Plain, a panel's
// .Content and a question's .Answer), .Plain, .WordCount,
// .Summary, .Date, .Lastmod, .RelPermalink, .Permalink, .Pages (a list's
// pages, newest first; a section's in Hugo's order, weighted pages first), .Parent, .Ancestors, .Recent N, .TOC, .ReadingTime,
// .UsesCode (the page shows highlighted code: the theme links /css/chroma.css only then),
// .Sections (the parts under each ## heading: .ID, .Title, .Classes, .Body,
// .Plain), a publication's .Panels, .Questions (.Number, .ID, .Text,
// .Answer, .Plain), .Articles, .PrintURL and .PDFURL,
// .Terms, .Params, .Resources, .ShortURL (the short link the page's QR
// code holds), .QR.SVG and .QR.PNG (its code files), .Kind, .Type, .Section, .IsPage, .IsSection,
// .IsHome, and .Site (.Site.Title, .Site.Config, .Site.Menus, .Site.Sections,
// .Site.Pages, .Site.Params, .Site.Section NAME).
//
// # Functions
//
// Each function is shown with an example and what it writes (before HTML
// escaping); the examples run as tests (TestDocExamples) against a page titled "Dân vận khéo", dated Friday
// 21 January 2022 16:58 in Asia/Ho_Chi_Minh, with 1,000 words, on a site at
// https://danvan.example.vn/ban-tin/ whose language is vi.
//
//	T KEY ARGS…: the UI string for the site's language; ARGS fill its verbs
//	    {{ T "readingTime" .ReadingTime }}  →  5 phút đọc
//	relURL PATH: a root-relative path under the site's base path
//	    {{ relURL "/bai-viet/" }}  →  /ban-tin/bai-viet/
//	absURL PATH: the absolute URL of a root-relative path
//	    {{ absURL "/bai-viet/" }}  →  https://danvan.example.vn/ban-tin/bai-viet/
//	dateVI TIME: weekday, date and time in the site's time zone
//	    {{ dateVI .Date }}  →  Thứ Sáu, 21/01/2022 16:58
//	dateShort TIME: the date alone
//	    {{ dateShort .Date }}  →  21/01/2022
//	isoDate TIME: RFC 3339, for <time datetime> and metadata
//	    {{ isoDate .Date }}  →  2022-01-21T16:58:00+07:00
//	monthName TIME: the month and year
//	    {{ monthName .Date }}  →  Tháng 1 năm 2022
//	slugify TEXT: the Vietnamese slug
//	    {{ slugify "Đảng bộ thành phố" }}  →  dang-bo-thanh-pho
//	first N LIST: the first N items
//	    {{ first 2 (slice "a" "b" "c") }}  →  [a b]
//	demoteHeadings HTML: the HTML with h1–h5 one level lower (h6 stays), for text set under a heading of its own level
//	    {{ demoteHeadings "<h2 id=\"a\">A</h2>" }}  →  <h3 id="a">A</h3>
//	urlBreaks URL: the URL's parts, each kept whole, with a line-break opportunity after each slash
//	    {{ urlBreaks "https://a.vn/l/x/" }}  →  <span class="url-part">https://a.vn/</span><wbr><span class="url-part">l/</span><wbr><span class="url-part">x/</span>
//	firstExcept N EXCLUDE LIST: the first N items of LIST that are not in EXCLUDE
//	    {{ firstExcept 2 (slice "b") (slice "a" "b" "c" "d") }}  →  [a c]
//	truncate N TEXT: at most N characters, cut at a space, with "…"
//	    {{ truncate 12 "Dân vận khéo từ phong trào" }}  →  Dân vận khéo…
//	dict K V …: a map, to pass several values to a partial
//	    {{ (dict "a" 1 "b" 2).b }}  →  2
//	slice V …: a list
//	    {{ len (slice 1 2 3) }}  →  3
//	default D V: V, or D when V is empty
//	    {{ default "Không tên" "" }}  →  Không tên
//	add A B, sub A B: integer arithmetic
//	    {{ add 2 3 }} {{ sub 5 3 }}  →  5 2
//	numberVI N: a whole number with Vietnamese thousands separators
//	    {{ numberVI 10000 }}  →  10.000
//	hasPrefix S P: whether S starts with P
//	    {{ hasPrefix "bai-viet/a" "bai-viet" }}  →  true
//	jsonify V: V as JSON, safe inside <script type="application/ld+json">
//	    {{ jsonify (dict "tên" "</script>") }}  →  {"tên":"\u003c/script\u003e"}
//	imageSet PAGE NAME: the processed copies (*imaging.Set) of a page's image,
//	    NAME relative to the page's folder as its Markdown writes it ("anh.jpg",
//	    "../chung/anh.jpg": a bundle file, an image its Markdown shows, its
//	    front-matter image), else nil. Fields: .Width
//	    .Height (as shown), .Fallback ("jpeg" or "png"), .Copies (each .URL
//	    .Path .Width .Height .Format .MediaType), .Print (the print copy, or
//	    nil), .OG (the 1200×630 sharing copy of the page's sharing image, else
//	    nil), .Original; methods .SrcSet FORMAT, .Largest FORMAT, .Smallest FORMAT
//	    {{ with imageSet . "anh.jpg" }}{{ .Width }}{{ else }}không có{{ end }}  →  không có
//	picture SET ALT ["eager"]: the <picture> of a set, as Markdown writes it
//	    (WebP and fallback srcset, sizes of the text column, width, height,
//	    alt, loading="lazy" unless "eager", decoding="async")
//	    {{ with imageSet . "anh.jpg" }}{{ picture . "Họp tổ" }}{{ end }}  →  (a <picture>)
//	jsonLD PAGE: the schema.org graph of a page, for jsonify
//	    {{ (index (jsonLD .).Graph 0).Type }}  →  NewsArticle
//	metaTags PAGE: what <head> tells browsers, search engines and sharing:
//	    <title> (with "Trang N / M" on later pagers), description, canonical,
//	    rel prev/next, a list's RSS and Atom links, Open Graph (article:*
//	    on dated pages), the Twitter card and the JSON-LD; one call in
//	    place of some forty template actions (see meta.go)
//	    {{ metaTags . }}  →  (the sharing and search-engine tags of the page)
//	paginationNav PAGE: a list pager's navigation (previous, numbered links
//	    with "…" and aria-current, next), nothing on a list of one pager
//	    {{ paginationNav . }}  →  (the pager's <nav class="pagination">)
//	pageItem PAGE: a list's entry for a page (title linked, date, summary),
//	    what the theme's page-item.html writes
//	    {{ pageItem . }}  →  (<li class="page-item">…</li>)
//	linkItem PAGE: a short list's entry (title linked, date), what the
//	    theme's link-item.html writes for related pages and other news
//	    {{ linkItem . }}  →  (<li><a href="…">…</a> <time>…</time></li>)
//	termLinks PAGE: the page's topics and tags (every taxonomy but
//	    authors), a paragraph of term links per taxonomy; what the theme's
//	    terms.html writes
//	    {{ termLinks . }}  →  (<p class="terms terms-tags">…</p>)
//
//	tocItems PAGE: the entries of the page's table of contents, an <li>
//	    per heading (class toc-hLEVEL, a link to its id); what the theme's
//	    toc-items.html writes inside the <ol> of single.html
//	    {{ tocItems . }}  →  (<li class="toc-h2"><a href="#…">…</a></li>…)
//
//	metaTags, paginationNav, pageItem, linkItem, termLinks and tocItems are what the
//	theme's partials of those names call: every page or every list entry
//	renders them, and as Go they cost less than half what the template
//	actions they replaced cost. A site that overrides the partial writes
//	its own markup. Tests check that each writes what the template it
//	replaced wrote (testdata/*-template.html).
//
//	safeHTML TEXT: trusted HTML, written as it is
//	    {{ safeHTML "<b>đậm</b>" }}  →  <b>đậm</b>
//	safeURL TEXT: a trusted URL
//	    <a href="{{ safeURL "zalo://chat" }}">  →  <a href="zalo://chat">
//	partial NAME DATA: the output of partials/NAME with DATA
//	    {{ partial "terms.html" . }}  →  (the page's topic and tag links)
//	partialCached NAME DATA KEY: partial, rendered once per build for each
//	NAME and KEY and reused: for fragments the same on many pages ("" for
//	one site-wide copy, .URL for one copy per page shown in many lists)
//	    {{ partialCached "footer.html" . "" }}  →  (the site footer, made once)
//	partialCachedEach NAME LIST: for a list of pages or of terms, what
//	{{ range }} over partialCached with each item's URL (a term's: its
//	list page's) writes, in one call: long lists cost one template call,
//	not one per item
//	    <ul>{{ partialCachedEach "link-item.html" .Related }}</ul>  →  (the related pages, each item made once per build)
//	qrSVG TEXT [MM]: an inline SVG QR code, MM millimetres wide (default
//	config qr.sizeMM); made once per text
//	    {{ hasPrefix (printf "%s" (qrSVG "https://danvan.example.vn/l/dvk001/" 20)) "<svg" }}  →  true
//	qrPrintSVG TEXT [MM]: the same for print editions: error correction
//	config qr.printLevel (default Q), never smaller than 20 mm
//	    {{ hasPrefix (printf "%s" (qrPrintSVG "https://danvan.example.vn/l/dvk001/" 12)) "<svg" }}  →  true
//	qrFile TEXT: the URL of an SVG QR code published under /qr/ (a PNG of
//	the same name beside it)
//	    {{ hasPrefix (qrFile "https://zalo.me/danvan") "/ban-tin/qr/" }}  →  true
//
//	attachments PAGE: the files of the page's bundle that its text does not
//	show or link to (their URL is in no href, src or srcset of .Content),
//	each with .Name, .URL, .Kind ("PDF"), .Size and .SizeText ("1,2 MB"):
//	the "Tệp đính kèm" list
//	    {{ range attachments . }}{{ .Name }} ({{ .Kind }}, {{ .SizeText }}){{ end }}  →  (bien-ban.pdf (PDF, 1,2 MB))
//
// # Shortcodes
//
// A shortcode call in a page's Markdown ({{< figure src="a.jpg" >}}, see
// internal/shortcode) is rendered with the Markdown, by the template
// shortcodes/NAME.html: the site's layouts/shortcodes/NAME.html, else the
// theme's (figure, gallery, video, youtube, pdf, note, qr). An unknown name
// is an error at the call, and so is a call without its closing tag when
// the template uses .Inner, and a pair when it does not. The template receives a [ShortcodeContext]:
// .Get KEY (a name or an index; "" when absent), .Require KEY (the same,
// and an error at the call when absent), .Inner, .Params, .IsNamedParams,
// .Position, .Name, .Parent (the pair the call is in, or nil), .Warnf
// (a warning at the call), .Page (a [ShortcodePage]: front matter, URLs and bundle
// files, since lists do not exist yet) and .Site. Besides the functions
// above, shortcode templates use:
//
//	blockImage PAGE SRC: the [Image] SRC names (a file of the page's folder,
//	a path from the site root under static/ or content/, or a URL): .URL,
//	.Width and .Height read from the file's header, .Type, and .Copies,
//	the published copies, whose .Srcset TYPE is a srcset value. A file of
//	the page's folder that bantin processes (internal/imaging) gives its
//	copies: .URL is the fallback copy (up to 800 pixels), .Type its type,
//	.Width and .Height the widest copy's, .Copies the WebP and fallback
//	copies, .Print the copy print editions load; its original is not
//	published. Other files give one copy, the file itself, and .Print nil
//	    {{ (blockImage .Page "anh.jpg").Width }}  →  (the photo's width in pixels)
//	fileInfo PAGE SRC: the [File] SRC names, found as blockImage finds it:
//	.URL, .Permalink, .Name, .Kind, .Type, .Size, .SizeText
//	    {{ with fileInfo .Page "ke-hoach.pdf" }}{{ .Kind }}, {{ .SizeText }}{{ end }}  →  (PDF, 25 KB)
//	errorf FORMAT ARGS…: fails the call with the message, at its position
//	    {{ errorf "note: kind %q is unknown" $kind }}  →  (an error at the call)
//	cond C A B: A when C is true, else B
//	    {{ cond true "id" 0 }}  →  id
//	youtubeID ID: ID when it is a YouTube video id, else an error
//	    {{ youtubeID "aqz-KE-bpKQ" }}  →  aqz-KE-bpKQ
//	youtubeStart S: whether S is a start time in seconds
//	    {{ youtubeStart "90" }}  →  true
//
// A problem a template reports with errorf or .Require, or a missing file,
// is an error at the call: content/a.md:12:1: error: shortcode "figure":
// missing required argument src="…".
//
// Page methods that take arguments: .Recent N (the newest N other pages of
// the section, "Tin khác"), .TermsOf PLURAL (the page's terms with their
// pages and URLs). Lists: .Pager (.Number, .Total, .Pages, .Prev, .Next,
// .All), .Taxonomy and .Term on taxonomy and term pages, .Children and
// .Year / .Month on archive pages. Regular pages: .Related,
// .PrevInSection, .NextInSection, .ImageURL.
//
// Templates escape by context (html/template); only safeHTML, safeURL and
// .Content (bantin's own Markdown output) are written unescaped.
//
// # Constant actions
//
// Before a layout first renders a page, every template it can run is
// escaped, and each printed action whose value cannot change from page to page — a
// literal, or T, relURL, absURL, printf and the other functions that read
// nothing but their literal arguments, with the escapers html/template put
// after them — is replaced by the text it writes ({{ T "share" }} becomes
// "Chia sẻ", {{ relURL "/css/bantin.css" }} in an href its escaped URL).
// Pages then skip those calls; what they write is the same byte for byte
// (fold.go). An action that fails is left to fail, with its position, when
// a page runs it.
//
// The actions left keep html/template's escaping, but its chain of
// escapers — up to three reflected calls of variadic functions for an
// href — becomes one call of one argument (escapers.go): a string is
// escaped as html/template escapes it in that context, any other value by
// html/template itself. Together with tocItems and metaTags, the
// templates stage of the 10,000-page sitebench corpus takes 0.60× the CPU
// it took before (BenchmarkRenderPages10000), writing the same bytes.
package layout
