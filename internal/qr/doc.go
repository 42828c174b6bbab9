// Package qr draws QR codes for print and screen.
//
// The module matrix comes from rsc.io/qr/coding (data encoding, Reed–Solomon
// error correction, function patterns). That package leaves the choice of
// mask to its caller, so this package scores all eight masks by the four
// penalty rules of ISO/IEC 18004:2015 §7.8.3 and keeps the best (the
// first of equal scores), as a conforming encoder must: the right mask keeps data from looking like
// finder patterns and evens out contrast, which is what lets a cheap phone
// read a 20 mm print. (github.com/skip2/go-qrcode, which also selects masks,
// took 0.6 ms a code against 0.22 ms here; at 10,000 pages that decided
// whether codes dominated the build.) The data and its error correction
// are computed once per code, not once per mask; each mask's layout (the
// plan's modules as bits, and which codeword bit flips which module) is
// made once per version, level and mask; the four rules are scored on
// rows and columns as 64-bit words. A short link costs about 24 µs of CPU,
// against 190 µs when each mask was encoded whole and scored module by
// module, rule by rule; the chosen masks are the same
// (testdata/codes.golden, and reference_test.go keeps the former encoder
// to compare with). The package adds the 4-module quiet
// zone itself and draws:
//
//   - SVG: one <path> of dark modules on a light square, runs of dark
//     modules merged into one rectangle each, shape-rendering crispEdges,
//     sized in millimetres (25 mm by default) so print layouts place it at
//     its true size.
//   - PNG: a whole number of pixels per module, at least the requested size
//     at the requested resolution (300 dpi for 25 mm by default: 8 px per
//     module for a 37-module code), with a pHYs chunk so that layout
//     programs place it at its true size.
//
// Error correction is M by default (about 15% of the code can be damaged);
// L, Q and H are available.
//
// A [Cache] makes each code once per distinct text and level, safe for
// concurrent use, and names files by content ("qr/3f9a…c2.svg"), so the same
// text always gives the same file.
package qr
