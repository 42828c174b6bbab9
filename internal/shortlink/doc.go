// Package shortlink gives every page a short, stable link and its QR code.
//
// A printed leaflet lives for years; its QR code must keep working when an
// editor renames or moves the page. So the code never holds the page's own
// URL. It holds a short ASCII link, https://SITE/l/ID/, and the build
// publishes /l/ID/ as a redirect to wherever the page is now.
//
// ID comes from the page's `id` front-matter key, which `bantin new`
// writes (six characters from an alphabet without look-alike letters). An
// editor keeps it by never changing that line: rename the file, change the
// slug or move it to another section, and the short link follows. An id is 2
// to 32 lowercase ASCII letters, digits or hyphens; two pages with one id are
// an error naming both files. A page without an id gets one derived from
// its file path, with a warning: its code would change if the file moved.
// A section's id is its folder name. The home page, taxonomy, term and
// archive pages have URLs made from names that do not move; their codes
// hold those URLs.
//
// For every page with an index.html, the build writes qr.svg (vector, for
// print and screen, [config.QR] SizeMM wide) and qr.png (SizeMM at DPI)
// beside it.
package shortlink
