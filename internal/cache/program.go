package cache

import (
	"crypto/sha256"
	"io"
	"os"
	"sync"
)

// Program identifies the running bantin: the SHA-256 of its executable.
// Producers put it in their keys besides their own version string, so a
// rebuilt bantin whose code changes a result (a new Markdown extension, a
// faster mask scorer that picks another mask) never reads the results of
// the old one, even when nobody remembered to bump a version. It is
// computed once per process; when the executable cannot be read it is
// empty and the version strings alone tell programs apart.
var Program = sync.OnceValue(func() []byte {
	exe, err := os.Executable()
	if err != nil {
		return nil
	}
	f, err := os.Open(exe)
	if err != nil {
		return nil
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return nil
	}
	return h.Sum(nil)
})
