// Package pdf prints pages to press-ready PDF files with headless Chromium,
// driven from Go with chromedp.
//
// One browser serves a whole run; pages print in parallel tabs. Before a
// page prints, the tab waits for its web fonts (document.fonts.ready) and
// its images. Printing uses the page's CSS page size and margins
// (@page), keeps background colours, embeds the fonts, and asks Chromium
// for a tagged PDF with a document outline (bookmarks) made from the
// headings. The document information — title, author, subject, keywords —
// is then set with pdfcpu; the language comes from <html lang> through the
// tagged PDF.
//
// Finding the browser: the --chrome flag, else the BANTIN_CHROME
// environment variable, else chromium, chromium-browser, google-chrome or
// google-chrome-stable on PATH. [Find] returns an error that says how to
// install one or point bantin at one.
package pdf
