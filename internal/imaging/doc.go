// Package imaging makes the published copies of a site's photographs:
// resized, correctly turned, stripped of every metadata field, in WebP and
// in JPEG (PNG for an image with transparency), plus a sharing copy for
// Open Graph.
//
// Input: JPEG, PNG, WebP and GIF. The EXIF orientation is read from a
// JPEG's APP1 segment and a WebP's EXIF chunk (a PNG's rare eXIf chunk is
// not read). An animated GIF (more than one frame) is
// not processed: its frames would be lost, so it is published as it is.
//
// Two steps, so that the HTML can be written before any pixel is touched:
//
//   - [Plan] reads only the header (the size and the EXIF orientation) and
//     returns the [Set] of copies the image will have: their names, URLs,
//     widths and heights. Markdown and templates use it.
//   - [Processor.Make] decodes the image, applies the EXIF orientation
//     (tags 1–8), resizes it and encodes every copy of the set. It is safe
//     for concurrent use; the build runs one per core.
//
// Widths: [DefaultWidths] (480, 800, 1200, 1600) that are narrower than the
// image, and the image's own width when it is under 1600 pixels: a copy is
// never wider than its original (never upscaled). Heights keep the aspect
// ratio, rounded. Each width is made in WebP and in a fallback format: for
// a JPEG (a photograph), lossy WebP (quality 75) and JPEG (quality 82); for
// a PNG or GIF (a chart, a drawing, a screenshot: sharp edges that lossy
// formats blur) or a WebP with transparency, lossless WebP and PNG. Resampling: Catmull-Rom (golang.org/x/image/draw)
// from the original to the widest copy, then from that copy to each
// narrower one (a cascade: the narrow copies cost a fraction of the first).
// The sharing copy ([Set.WantOG], made only for an image a page shares) is
// 1200×630 JPEG, the centre of the image cut to that ratio (cover) and
// scaled, upscaled if it must be (social sites ask for that size).
//
// Print: an original wider than the widest copy also gets a print copy
// ([Set].Print) in the fallback format, as wide as the original up to
// [PrintWidth] (2480 pixels: 300 ppi across an A4 page), which print
// editions load so that the press gets every pixel there is.
//
// Names: a copy of "anh.jpg" is "anh-800.webp", "anh-800.jpg" … and the
// sharing copy "anh-og.jpg", beside the original's output path.
//
// Metadata: copies are encoded from pixels, so no EXIF (GPS position,
// camera, date), XMP, IPTC or ICC block reaches them. Colours are taken as
// sRGB.
//
// Cache: Make keeps its result in a [cache.Store] under the namespace
// "images", keyed by the original's bytes, the [Options] and [Version];
// bump Version whenever the same input would give other bytes.
//
// WebP is encoded by github.com/gen2brain/webp: libwebp compiled to
// WebAssembly, run by wazero (no cgo). When a system libwebp.so is
// installed it uses that instead; the cache key records which.
package imaging
