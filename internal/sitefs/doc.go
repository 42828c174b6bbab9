// Package sitefs opens a site folder as an io/fs.FS that never leaves it
// and never blocks on a special file.
//
// [Open] returns a file system rooted at the site folder (an [os.Root]):
//
//   - A symbolic link is followed only when its target stays inside the
//     site folder and is written as a relative path (content/a.md →
//     ../chung/a.md). A link to an absolute path or out of the folder
//     (→ /etc/passwd, → ../../x) fails with [ErrOutside].
//   - Only regular files and folders are read. A file is opened without
//     blocking (O_NONBLOCK) and the opened file, not its path, is checked:
//     a named pipe, device or socket fails with [ErrSpecial] before a byte
//     is read, so a FIFO under content/ cannot hang a build and /dev/zero
//     cannot fill the memory, even if the path changes meanwhile.
//
// [Walk] lists the regular files under a folder for the build's three
// walkers (content/, static/, layouts/), and for the up-to-date check's
// fingerprint of them (internal/uptodate), which also asks for every
// folder (Walker.Dir). It follows a symbolic link to a
// folder inside the site as if the folder were there (at most
// [MaxLinkDepth] such links deep, and never to a folder that holds the
// link, so a loop is refused), and hands every entry it refuses to the
// caller with a sentence saying why, so that the build reports each as
// its own positioned error and goes on.
//
// Files of a build that are not walked (config.toml, a layout named by
// path) are read through the same file system and refused the same way.
package sitefs
