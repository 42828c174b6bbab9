package serve

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"bantin/internal/build"
)

// A site whose baseURL has a path is served under it, as it will be
// published: its links and stylesheets are found, and / leads there.
func TestServeUnderBasePath(t *testing.T) {
	root := t.TempDir()
	for name, body := range fixture {
		write(t, root, name, body)
	}
	var log strings.Builder
	srv := New(root, build.Options{BaseURL: "http://127.0.0.1/danvan/"}, &log)
	ts := httptest.NewServer(srv.HandlerAt("/danvan/"))
	defer ts.Close()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	get := func(p string) (int, string, string) {
		t.Helper()
		resp, err := client.Get(ts.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header.Get("Location"), string(body)
	}
	if status, loc, _ := get("/"); status != http.StatusFound || loc != "/danvan/" {
		t.Errorf("/: %d → %q", status, loc)
	}
	status, _, home := get("/danvan/")
	if status != http.StatusOK || !strings.Contains(home, `href="/danvan/bai-viet/`) {
		t.Fatalf("/danvan/: %d\n%s", status, home)
	}
	for _, p := range []string{"/danvan/bai-viet/a/", "/danvan/css/rieng.css", "/__bantin/live.js"} {
		if status, _, _ := get(p); status != http.StatusOK {
			t.Errorf("%s: %d", p, status)
		}
	}
	if status, loc, _ := get("/danvan/bai-viet/a"); status != http.StatusFound || loc != "/danvan/bai-viet/a/" {
		t.Errorf("folder without slash: %d → %q", status, loc)
	}
	if status, _, body := get("/bai-viet/a/"); status != http.StatusNotFound || !strings.Contains(body, "served under /danvan/") {
		t.Errorf("outside the base: %d %q", status, body)
	}
}

// A first build that fails does not claim to serve a last good site.
func TestFirstBuildFails(t *testing.T) {
	root := t.TempDir()
	write(t, root, "content/a.md", "+++\ntitle = [\n+++\n")
	var log strings.Builder
	New(root, build.Options{BaseURL: "http://127.0.0.1/"}, &log)
	if strings.Contains(log.String(), "last good site") || !strings.Contains(log.String(), "served once the errors above are fixed") {
		t.Errorf("log:\n%s", log.String())
	}
}
