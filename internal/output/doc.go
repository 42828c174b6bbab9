// Package output holds what a build produces and writes it.
//
// Every stage returns its outputs as data: a [File] is a slash-separated
// path relative to the site root ("bai-viet/dan-van-kheo/index.html"), its
// bytes, and the source that produced it, so that two sources that would
// write the same path are reported by name instead of one overwriting the
// other ([Check]).
//
// A build streams its files as it makes them into a [Sink], which checks
// each against the paths before it ([Check]'s rules, keeping paths and
// sources but no bytes) and passes it to a [Writer]: [Dir] on disk, [Mem]
// in memory. Memory then holds the site model, not the site.
//
// [Dir] (and [WriteDir], for a site already in memory) writes to disk: it
// fills a fresh temporary folder beside the destination
// (".public-new-PID-N") as files come, and only on [Dir.Commit], when the
// whole build succeeded, does it swap that folder in place of the
// destination; [Dir.Abort] removes it. On
// Linux the swap is one renameat2(RENAME_EXCHANGE), atomic for readers;
// where that is not available it is two renames, and the destination is
// missing between them. A failed build therefore never touches the
// previous site, and nothing is written outside the destination's parent
// folder. Temporary folders of killed builds (whose process is gone) are
// removed by the next WriteDir or NewDir, or by [RemoveLeftovers] (a
// build found up to date writes nothing). A destination that is a symbolic link
// stays one; its target is replaced.
//
// [Check] refuses outputs that cannot be written side by side: two on one
// path, a file where another needs a folder, one that would replace
// [Marker], a name longer than [NameMax] or a path longer than [PathMax].
//
// [MemFS] holds a built site in memory as an io/fs.FS, so that it can be
// served without writing it (PDF printing serves it to Chromium).
package output
