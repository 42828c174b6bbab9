//go:build unix

package cache

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// tryLock takes f's exclusive lock (flock) without waiting and reports
// whether it did: false when another open file holds it, in this process
// or another. The lock goes when f is closed or its process ends, however
// it ends, so a pack whose lock can be taken has no writer left.
func tryLock(f *os.File) (bool, error) {
	err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
	if errors.Is(err, unix.EWOULDBLOCK) {
		return false, nil
	}
	return err == nil, err
}

// unlock lets f's lock go.
func unlock(f *os.File) { unix.Flock(int(f.Fd()), unix.LOCK_UN) }
