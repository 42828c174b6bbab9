// Package output holds what a build produces and writes it.
//
// Every stage returns its outputs as data: a [File] is a slash-separated
// path relative to the site root ("bai-viet/dan-van-kheo/index.html"), its
// bytes, and the source that produced it, so that two sources that would
// write the same path are reported by name instead of one overwriting the
// other ([Check]).
//
// [WriteDir] writes a complete site to disk atomically: it fills a fresh
// temporary folder beside the destination, and only when every file is
// written does it swap that folder in place of the destination. A failed
// build therefore never touches the previous site, and nothing is written
// outside the destination's parent folder.
//
// [MemFS] holds a built site in memory as an io/fs.FS, so that it can be
// served without writing it (PDF printing serves it to Chromium).
package output
