// Package publication turns leaflets, handbooks and bulletin issues into
// what their layouts and print editions need, and checks them.
//
// Leaflet (tờ gấp, type "leaflet"): an A4 sheet printed on both sides and
// folded in three. Its Markdown is six panels, one per ## heading. Mark a
// heading with the panel it fills:
//
//	## Người lao động cần biết {.bia}    front cover (outside, right, 100 mm)
//	## Quyền có hợp đồng {.vat}          inside flap (outside, left, 97 mm)
//	## … {.trong-1}                      inside, left (100 mm)
//	## … {.trong-2}                      inside, middle (100 mm)
//	## … {.trong-3}                      inside, right (97 mm)
//	## Khi cần giúp đỡ {.sau}            back (outside, middle, 100 mm)
//
// or mark none: the six headings then fill the panels in the order above
// (cover, flap, inside 1–3, back), which is the order a reader meets them.
// Text before the first heading opens the cover. The back panel also gets
// the page's QR code and the imprint from the [print] front matter.
// Errors: not six panels; a heading without a mark when others have one; a
// panel marked twice (at the second); a panel missing.
//
// Handbook (sổ tay hỏi–đáp, type "handbook"): every ## heading is a
// question, numbered in order. Write "## Câu 3. Ai được bầu?" or just
// "## Ai được bầu?"; a written number must match the position. Question N
// has the anchor #cau-N. Errors: a number out of place, a question with no
// answer.
//
// Bulletin issue (bản tin, type "bulletin"): the articles front-matter key
// lists its articles as paths under content/ ("bai-viet/dan-van-kheo.md"),
// in order. Errors: a path that is not a page of this build, at its line.
//
// Each of the three gets a print edition at its URL + "ban-in/" (laid out
// with CSS paged media by the print templates), and all of them are listed,
// newest first, on the publications catalogue at /an-pham/.
package publication
