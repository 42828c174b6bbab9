// Package shrink minifies a built site's HTML, CSS and JavaScript files
// (`bantin build --minify`) with tdewolff/minify.
//
// HTML keeps its document tags (<html>, <head>, <body>), its end tags and
// its special comments, so that the pages parse as they did; whitespace
// between tags, comments and redundant attribute quotes go. Inline <style>
// and <script> are minified too; JSON-LD and other script types are left as
// they are. Every other file (images, PDFs, XML feeds, the search index)
// is passed through untouched. The result is deterministic: two builds of
// one site give the same bytes.
//
// A file the minifier cannot read is an error naming its path; the build
// then writes nothing.
package shrink
