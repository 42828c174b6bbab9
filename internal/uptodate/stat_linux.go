package uptodate

import (
	"fmt"
	"io/fs"
	"syscall"
)

// Supported reports whether this system gives what the check needs to be
// exact: a change time and an inode for every file.
const Supported = true

// changeStamp is what changes whenever a file is written, renamed into
// place or has its times set, even back: its device, inode and change
// time (ctime, which no program can set). "" when info has none.
func changeStamp(info fs.FileInfo) string {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return ""
	}
	return fmt.Sprintf("%d %d %d.%09d", st.Dev, st.Ino, st.Ctim.Sec, st.Ctim.Nsec)
}
