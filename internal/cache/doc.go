// Package cache is bantin's persistent build cache: a content-addressed
// store of the results that depend on one input and the options that shape
// it (rendered Markdown, QR codes, a page's search analysis, processed
// images), kept across builds and shared by `bantin build` and `bantin
// serve`.
//
// A producer names its results with a [Key] made from everything they
// depend on — the input's bytes, the options, and the producer's own
// version string (bump it whenever the output for the same input would
// change; [Program], the running executable's hash, besides it) — and
// calls [Store.Get] before the work and [Store.Put] after. A result that
// also depends on something no key can hold (a rendered document on the
// URLs its links resolve to) keeps those answers in its payload, checks
// them on a hit, and calls [Store.Stale] when they moved: the hit is
// counted as a miss and the caller puts the new result.
//
// [Store.Stats] counts hits, misses, rejected entries and failed writes
// in all, [Store.StatsOf] by namespace ("markdown", "qr"); a Put that
// fails is also kept in [Store.FirstError], so that a build can say once
// that its cache could not be written.
//
// Entries are files under Dir/NAMESPACE/ab/cdef…: a header (magic,
// format version, the full key, the payload's length and SHA-256) and the
// payload. An entry is written to a temporary file and renamed into place,
// so a reader sees a whole entry or none. Get checks the header against
// the key it asked for and the payload against its length and checksum: a
// damaged, truncated or foreign entry is a miss (and is removed), never
// trusted. A nil *Store is a valid store that keeps nothing (--noCache).
//
// The default folder, [DefaultDir], is outside the source tree: the user's
// cache folder (os.UserCacheDir, $XDG_CACHE_HOME or ~/.cache on Linux)
// under bantin/ and a hash of the source root's absolute path, so two
// sites never share entries by accident (they could safely: keys are
// content hashes).
//
// The store does not evict; `rm -rf` the folder to reclaim it.
package cache
