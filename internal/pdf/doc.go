// Package pdf prints the print editions of publications to PDF files for
// readers and for the press with headless Chromium, driven from Go with
// chromedp, and proves each file fit for the press before it is published.
//
// # Printing
//
// One browser serves a whole run; publications print in parallel tabs
// ([Tabs]). A tab loads the print edition from a loopback server of the
// built site and nothing else: every other request is refused and
// reported. It loads the page in print media, so that a <picture> picks
// its print source (a photograph's print copy), adds the press stylesheet
// css/press.css for press copies, waits for web fonts and every image
// (lazy ones made eager), runs
// the print check (the theme's js/print-check.js, see below), points every
// link to a page of the site at its public address (baseURL), and prints
// at the page's CSS size with backgrounds, a tagged structure and an
// outline. When the page shows page numbers of its own — the imprint's
// page count (data-page-count), contents entries (data-page-of="ID"),
// "(xem trang N)" after links to anchors — it is printed, the numbers are
// read from the PDF's named destinations, filled in, and printed again
// until they do not move; an odd count moves the page's .closing section
// (QR code and imprint) to a last page of its own, after a blank page if
// need be, so that every PDF has an even number of pages with the imprint
// on the last one.
//
// Then each PDF gets its bookmarks named by the page's headings as written
// (Chromium drops spaces at line breaks and doubles split headings),
// pdfcpu sets its document information, and [reproducible] rewrites it so
// that the same input prints the same bytes: objects renumbered by a walk
// from the catalog, structure ids renumbered, Chromium's occasional
// one-child NonStruct wrapper folded away, dates from the publication,
// the file id from the content.
//
// # Press copies and booklets
//
// [Press] grows each page of a copy printed at bleed size by a slug and
// sets TrimBox and BleedBox, with crop marks and (leaflets) dashed fold
// marks in registration colour. A press copy is then converted to the
// press condition's CMYK (package cmyk: neutral colours to black ink alone,
// other colours and images through the FOGRA39 table; anything that cannot
// be converted — sampled shading functions, mesh shadings, RGB inline
// images, 16-bit images — is an error, never left in RGB) and marked
// PDF/X-4: output intent with the profile embedded, GTS_PDFXVersion and
// Trapped in the information and XMP metadata, PDF 1.6, no annotations.
// Reading copies and booklets stay sRGB. [Booklet] imposes an A5 reading copy for
// saddle stitching in [BookletOrder], every side upright, for duplex
// printing flipped on the short edge ([BookletSetting]).
//
// # Preflight
//
// Before printing, the print check measures the page laid out for print:
// fixed-size boxes ([data-fit], with data-line) that hold too much, elements
// wider than their column, each raster image's resolution at its printed
// size, and each printed QR code ([data-qr]), which is captured at 150 dpi,
// blotted over [BlotShare] of its symbol and decoded. After printing,
// [ReadFacts] reads the written PDF back: trim size, pages, fonts (all
// embedded, none from the host), the smallest text size and lowest image
// resolution from the page content streams, link targets, press boxes, the
// page limit of the type's print rule, and for press copies the colour: RGB
// left, the output intent, PDF/X version, text shown in rich black. Every problem is a diagnostic at
// the source line it comes from; a publication with an error gets no PDF.
// [Report] is the one line bantin pdf prints for each file.
//
// Finding the browser: the --chrome flag, else the BANTIN_CHROME
// environment variable, else chromium, chromium-browser, google-chrome or
// google-chrome-stable on PATH. [Find] returns an error that says how to
// install one or point bantin at one.
package pdf
