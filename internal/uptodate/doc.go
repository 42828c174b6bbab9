// Package uptodate decides, before a build runs, that it would write
// exactly what its destination already holds, so that `bantin build`
// can leave the destination as it is (make's and ninja's question, asked
// of the whole site). It must never say yes wrongly: a wrong "up to date"
// publishes a stale site. Every part below errs towards "build".
//
// A successful build records a [Stamp] in the build cache (namespace
// "uptodate", keyed by [Key] of the source folder and the destination,
// both real absolute paths; the cache's header and checksum make a
// damaged stamp no stamp). The next build is skipped only when all of
// these hold ([Stamp.Stale] returns "", else the first that fails):
//
//   - Options: the digest of the running program ([cache.Program], the
//     executable's SHA-256) and of every flag that changes what is written
//     (baseURL, drafts, future, expired, minify, …; the CLI makes it) is
//     the stamp's.
//   - The clock: now is not before the stamp's Built (the clock reading
//     the build filtered drafts, future and expired pages by) and is
//     before its Until, the next instant at which that filter could
//     answer otherwise for some page (a publish date still ahead, just
//     past an expiry date; content.Set.Until). Nothing else in a build
//     reads the clock.
//   - Inputs: the fingerprint of the site ([Inputs]) is the stamp's. It
//     holds the state of every root name a build looks at (each config
//     file, hugo.* and config.*, hashed; config/_default), and under
//     content/, layouts/ and static/ ([Folders]) every folder, every file
//     with the SHA-256 of its bytes and its change stamp (device, inode,
//     ctime: a write, even one that puts the size and modification time
//     back, changes it), and every entry the walk refuses (a FIFO, a link
//     out of the site), with why. Nothing is skipped, not even the dot
//     files the build ignores. Files are read through the same sitefs file
//     system as the build, and hashed on every core. The fingerprint is
//     taken before the build reads a file: a file edited during the build
//     has another change stamp afterwards, so the next check sees it.
//   - Output: the manifest of the destination ([Output]: every entry
//     under it with its type, permissions, size, modification time and
//     change stamp, listed on every core, and its real path) is the one
//     recorded just after the build swapped it in. A file edited, added or
//     removed there, even with its times put back, makes the next build
//     run.
//
// A build whose site is read through a [Guard] that saw a path outside
// the fingerprint ([Covers]; data/, i18n/, themes/ or assets/, should a
// build ever read them) records no stamp, so a new kind of input cannot
// slip past the check unseen; the CLI says so on stderr.
//
// Not fingerprinted, hence never skipped: builds that print PDFs
// (Chromium and the system's fonts are inputs), builds with --noCache
// (the stamp lives in the cache), builds by a program that cannot read
// its own executable (cache.Program is empty: a new bantin could not be
// told from the old), and systems without inodes and change times
// ([Supported] is false elsewhere than Linux). The time zone
// database of the system (which the site's time zone is read from) is
// not fingerprinted; a tzdata update that moves the site's zone needs
// `bantin build --force`.
//
// The stamp keeps the build's diagnostics (warnings only: a build with an
// error records nothing), so that a skipped build prints them again.
package uptodate
