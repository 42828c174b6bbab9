// Package cache is bantin's persistent build cache: a content-addressed
// store of the results that depend on one input and the options that shape
// it (rendered Markdown, QR codes, a page's search analysis, processed
// images), kept across builds and shared by `bantin build`, `bantin pdf`
// and `bantin serve`.
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
// [Store.Stats] counts hits, misses, rejected entries and entries that
// could not be written in all, [Store.StatsOf] by namespace ("markdown",
// "qr"); the first write error is kept in [Store.FirstError], so that a
// build can say once that its cache could not be written.
//
// # Layout
//
// Entries are appended to pack files, Dir/packs/TIME-PID-RANDOM.pack, each
// with its index beside it (.idx), so that a cold build pays one write
// call a megabyte instead of a file (and five calls) an entry.
//
// A pack is "bantin-pack" and a format byte (16 bytes), then records: a
// marker, the namespace (length-prefixed, at most 255 bytes), the key,
// the payload's length and SHA-256, and the payload. Every Get checks the
// record it reads against the namespace and key it asked for and the
// payload against its length and checksum: a damaged, truncated or
// foreign record is a miss (counted as rejected, and not read again by
// this store), never trusted.
//
// An index is "bantin-index" and a format byte, then chunks appended by
// the pack's writer each time it publishes: the count of entries, the
// pack's length they cover, the entries (namespace, key, offset and
// length of the record, and when the entry was last put or used), and the
// chunk's SHA-256. A reader keeps the chunks before the first that is not
// whole. When packs name the same entry, the newest pack's record wins.
// An entry with offset and length 0 is a use: a hit on an entry whose
// last use is more than a day old is recorded so in the store's own
// index (so warm builds write nothing more than once a day).
//
// # Writers, readers and crashes
//
// Each store appends only to its own pack, made on its first Put: created
// under a temporary name with O_EXCL, locked (flock) for as long as the
// store is open, and then renamed into place. Records are gathered in a
// 1 MB buffer (Get reads a record still there from the buffer), written
// in one call, and published: a chunk naming them is appended to the
// index, so the index never lags the pack by more than the buffer.
// [Store.Flush] writes and publishes what is buffered (and the uses
// recorded). A build flushes when it ends, the dev server after every
// rebuild, and [Store.Close] flushes too; the commands close their store
// when they finish. So two processes on one folder (serve while build
// runs) never write to one file, and a reader reads only records that a
// published chunk names, which were whole when it was published.
//
// [Open] reads every index. A pack longer than its index covers belongs
// to a live writer (its lock is held: the rest is ignored) or to one that
// was killed (the lock went with the process; it lost at most its buffer):
// then Open indexes the tail's whole, checked records (a chunk lost with
// the writer, a damaged one), publishes them, and cuts off the
// half-written rest. A store sees the entries published before it opened, and its own.
//
// # Growth
//
// A record is dead when a later record names the same entry (a rendered
// document put again after its links moved, two processes that filled
// one folder at once), when it was rejected, or when its entry was not
// used for 30 days (the result of a file since edited or deleted, of
// options no longer used). [Store.Close] compacts the
// folder when more than half of its record bytes are dead or it holds more
// than 8 packs (each build that put something adds one, if only the
// up-to-date stamp): the live records of every pack no writer holds are
// copied, checked, into one new pack and the old ones removed (a reader
// that has one open goes on reading it) — all but the largest pack while
// at least half of it is live, so that merging builds' small packs does
// not copy the bulk of the cache;
// one store compacts at a time (Dir/packs/compact.lock), others skip it.
// So the folder holds at most about twice its live entries, plus what 30
// days of edits made. Close also removes the folders
// of the earlier layout, one file per entry (Dir/markdown/ab/cdef…), which
// no store reads. A nil *Store is a valid store that keeps nothing
// (--noCache). [Entries] lists a folder's published entries, for tools
// and tests.
//
// The default folder, [DefaultDir], is outside the source tree: the user's
// cache folder (os.UserCacheDir, $XDG_CACHE_HOME or ~/.cache on Linux)
// under bantin/ and a hash of the source root's absolute path, so two
// sites never share entries by accident (they could safely: keys are
// content hashes).
package cache
