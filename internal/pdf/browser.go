package pdf

import (
	"errors"
	"os"
	"os/exec"
)

// ErrNoBrowser says that no Chromium could be found, and what to do.
var ErrNoBrowser = errors.New("no Chromium or Chrome found: install it (apt-get install chromium) or point bantin at a browser with --chrome PATH or BANTIN_CHROME=PATH")

// Find returns the browser to print with: path when not empty, else
// $BANTIN_CHROME, else the first Chromium or Chrome on PATH.
func Find(path string) (string, error) {
	if path == "" {
		path = os.Getenv("BANTIN_CHROME")
	}
	if path != "" {
		found, err := exec.LookPath(path)
		if err != nil {
			return "", errors.Join(ErrNoBrowser, err)
		}
		return found, nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if found, err := exec.LookPath(name); err == nil {
			return found, nil
		}
	}
	return "", ErrNoBrowser
}
