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
// under the site's static/, which wins on equal paths).
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
// A template receives the *site.Page being rendered: .Title, .Content,
// .Summary, .Date, .Lastmod, .RelPermalink, .Permalink, .Pages (a list's
// pages, newest first), .Parent, .Ancestors, .Recent N, .TOC, .ReadingTime,
// .Terms, .Params, .Resources, .ShortURL (the short link the page's QR
// code holds), .QR.SVG and .QR.PNG (its code files), .Kind, .Type, .Section, .IsPage, .IsSection,
// .IsHome, and .Site (.Site.Title, .Site.Config, .Site.Menus, .Site.Sections,
// .Site.Pages, .Site.Params, .Site.Section NAME).
//
// # Functions
//
//	T KEY ARGS…        UI string for the site's language; ARGS fill %v verbs
//	                   {{ T "readingTime" .ReadingTime }} → "5 phút đọc"
//	relURL PATH        "/a/" → "/BASEPATH/a/"
//	absURL PATH        "/a/" → "https://host/BASEPATH/a/"
//	dateVI TIME        "Thứ Sáu, 21/01/2022 16:58" in the site's time zone
//	dateShort TIME     "21/01/2022"
//	isoDate TIME       "2022-01-21T16:58:00+07:00", for <time datetime>
//	monthName TIME     "Tháng 1 năm 2022"
//	slugify TEXT       "Dân vận khéo" → "dan-van-kheo"
//	first N LIST       the first N items of a list
//	truncate N TEXT    at most N characters, cut at a space, with "…"
//	dict K V …         a map for passing several values to a partial
//	slice V …          a list
//	default D V        V, or D when V is empty
//	add A B, sub A B   integer arithmetic
//	jsonify V          V as JSON, for <script type="application/ld+json">
//	safeHTML TEXT      trusted HTML, not escaped
//	safeURL TEXT       a trusted URL
//	partial NAME DATA  the output of partials/NAME with DATA
//	hasPrefix S P      strings.HasPrefix
//	qrSVG TEXT [MM]    an inline SVG QR code of TEXT, MM millimetres wide
//	                   (default: config qr.sizeMM); made once per text
//	qrFile TEXT        the URL of an SVG QR code of TEXT, published under /qr/
//	                   with a PNG beside it (same name, .png)
//
// Templates escape by context (html/template); only safeHTML, safeURL and
// .Content (bantin's own Markdown output) are written unescaped.
package layout
