package tooltest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// Required reports whether missing tools fail tests instead of skipping them.
func Required() bool { return os.Getenv("BANTIN_REQUIRE_TOOLS") == "1" }

// Require returns the path of program, or skips (fails when Required) the
// test with a hint naming the Debian package that provides it.
func Require(t testing.TB, program, debianPackage string) string {
	t.Helper()
	p, err := exec.LookPath(program)
	if err == nil {
		return p
	}
	missing(t, fmt.Sprintf("%s not found (apt-get install %s)", program, debianPackage))
	return ""
}

// Chromium returns the path of a Chromium or Chrome browser.
func Chromium(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("BANTIN_CHROME"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	missing(t, "no Chromium found (apt-get install chromium, or set BANTIN_CHROME)")
	return ""
}

func missing(t testing.TB, why string) {
	t.Helper()
	if Required() {
		t.Fatalf("%s; BANTIN_REQUIRE_TOOLS=1 makes this a failure", why)
	}
	t.Skip(why)
}

// ChromeFlags are the flags every headless run uses on this kind of
// machine: no sandbox (root), no GPU, and no background network traffic.
var ChromeFlags = []string{
	"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
	"--disable-background-networking", "--disable-component-update", "--disable-sync",
	"--disable-dev-shm-usage", "--hide-scrollbars",
}

// PrintToPDF prints url to a PDF file in a fresh profile and returns the
// file's path.
func PrintToPDF(t testing.TB, chrome, url string) string {
	t.Helper()
	dir := t.TempDir()
	out := filepath.Join(dir, "page.pdf")
	args := append(append([]string{}, ChromeFlags...), "--user-data-dir="+filepath.Join(dir, "profile"),
		"--no-pdf-header-footer", "--print-to-pdf="+out, url)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	if msg, err := exec.CommandContext(ctx, chrome, args...).CombinedOutput(); err != nil {
		t.Fatalf("chromium --print-to-pdf: %v\n%s", err, msg)
	}
	return out
}

// ServeDir serves a folder over HTTP on loopback for the test's lifetime.
func ServeDir(t testing.TB, dir string) string {
	t.Helper()
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	return srv.URL
}
