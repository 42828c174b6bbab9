// Package markdown renders a document's Markdown body to HTML with goldmark.
//
// One [Renderer] is made per build and is safe for concurrent use; each
// document gets its own parser context (its own heading IDs and link
// resolver).
//
// Syntax: CommonMark; GFM tables, strikethrough, autolinks and task lists;
// footnotes; definition lists; the typographer (curly quotes, dashes,
// ellipses: on unless config says otherwise); attributes after headings
// ({#id .class}); fenced code highlighted by chroma with CSS classes.
//
// Heading IDs come from the Vietnamese slugger: "## Đường đi" gets id
// "duong-di", a second one "duong-di-1"; an explicit {#id} is kept.
//
// Raw HTML is written escaped, so the reader sees the tags as text, unless
// the site's config sets markup.unsafe = true. The "<!--more-->" marker is
// never written; it ends the summary.
//
// Links: a relative link destination (no scheme, not starting with / or #)
// is handed to the document's [Resolver] together with its fragment, and
// replaced by the URL it returns. A link to a .md file that the resolver
// cannot resolve is an error at the link's line and column; any other
// unresolved relative link is a warning. Images go through the same
// resolver. A link to a .md file with a fragment is kept in [Result].Anchors,
// and every heading id in [Result].IDs, so that the build can warn about a
// fragment the target does not have once every document is rendered.
//
// [Result] also carries what lists and feeds need without parsing twice:
// the table of contents (h2 and h3), the plain text, the word count and the
// summary (the text before <!--more-->, else the first 50 words cut at a
// word boundary).
//
// Images: a relative image destination is handed to the document's
// [ImageFinder] ([Input].Image). When it returns planned copies
// (internal/imaging), the image is written as
//
//	<picture><source media="print" srcset="PRINT.jpg 2400w" sizes="2400px">
//	<source type="image/webp" srcset="… 480w, … 800w …" sizes="[ImageSizes]">
//	<img src="800.jpg" srcset="…jpg …w" sizes="…" width height alt loading="lazy" decoding="async"></picture>
//
// with the widest copy's width and height (the browser reserves the space:
// no layout shift), and without loading="lazy" on the document's first
// image (it is likely in view at once). The print source makes a print
// edition (printed in print media, internal/pdf) load the print copy
// (imaging.Set.PrintCopy: up to 2480 pixels, 300 ppi across A4), its
// sizes equal to its width so that its natural width is its pixel width
// for the print check. Other images (SVG, absolute URLs) keep an
// <img> with their resolved URL. A paragraph holding nothing but an image
// with a title, ![alt](a.jpg "chú thích"), becomes <figure> with the title
// as <figcaption>; an image with a title inside text keeps it as its title
// attribute. An image without alt text is a warning at its "![" (an error
// with [Options].RequireAlt); a file the finder cannot read as an image is
// an error.
//
// Heading IDs: an explicit {#id} stays as written (a repeat gets -1, -2 …);
// every other heading gets the Vietnamese slug of its text (the text of a
// link in it, never its URL), made unique against the explicit IDs, the
// headings before it and [ReservedIDs], the ids of the theme's own page
// parts ("Tiện ích" → tien-ich-1).
//
// Shortcodes: before goldmark sees a document, its shortcode calls
// (internal/shortcode) are rendered by [Input].Shortcodes and replaced by
// placeholders of letters and digits, which no Markdown rule changes, as
// long as a call on one line (so columns after it stay right); a
// call keeps its line count (alone on its lines, as blank lines; inside a
// paragraph, as line breaks written as nothing), so that positions after
// it stay right. After rendering, a placeholder that is a paragraph of its
// own becomes the call's HTML without the <p>, any other the HTML inline;
// in the plain text (search, summary, word count) it becomes the HTML's
// text, without scripts, SVG drawings and print forms (class="print-only").
// A {{% %}} pair's inner text is rendered by the same renderer, with the
// same resolver (its links are checked) and the page's heading IDs (a
// heading in a note and one outside never share an id), at most
// [MaxShortcodeDepth] deep; its heading ids, its links to other pages'
// headings and its highlighted code count in the page's [Result];
// when the pair stands inside a sentence and renders to one paragraph, the
// <p> is dropped. A {{< >}} pair's inner text is HTML-escaped unless
// Options.Unsafe, with the calls in it rendered. Escapes ({{</* x */>}})
// are unescaped everywhere, code included. Syntax errors and the errors of
// Shortcodes are reported at the call's line and column.
//
// Limits: before goldmark sees a document, Render refuses input that would
// take it seconds or minutes (its list and link parsing is quadratic on
// such input), with an error at the line: a line indented more than
// [MaxIndent] columns outside fenced code (lists or quotes nested ~200
// deep), more than [MaxQuoteDepth] ">" opening one line, more than
// [MaxBrackets] "[" in one paragraph. Positions of headings and links are
// found by binary search over the line starts, so a page with 50,000
// headings costs what goldmark costs.
package markdown
