package serve

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bantin/internal/build"
	"bantin/internal/diag"
	"bantin/internal/sitefs"
)

func TestHostsAllowed(t *testing.T) {
	cases := []struct {
		bind, baseURL, host string
		want                bool
	}{
		{"127.0.0.1", "", "127.0.0.1:1313", true},
		{"127.0.0.1", "", "localhost:1313", true},
		{"127.0.0.1", "", "LOCALHOST.:1313", true},
		{"127.0.0.1", "", "ban-tin.localhost:1313", true},
		{"127.0.0.1", "", "[::1]:1313", true},
		{"127.0.0.1", "", "127.0.0.2", true},
		{"127.0.0.1", "", "attacker.example:1313", false},
		{"127.0.0.1", "", "localhost.attacker.example", false},
		{"127.0.0.1", "", "192.168.1.5:1313", false},
		{"127.0.0.1", "", "", false},
		{"192.168.1.5", "", "192.168.1.5:1313", true},
		{"192.168.1.5", "", "10.0.0.1:1313", false},
		{"0.0.0.0", "", "10.0.0.1:1313", true},
		{"::", "", "[fe80::1]:1313", true},
		{"0.0.0.0", "", "attacker.example", false},
		{"127.0.0.1", "https://bantin.example/", "bantin.example", true},
		{"ban-tin.lan", "", "ban-tin.lan:1313", true},
	}
	for _, c := range cases {
		if got := NewHosts(c.bind, c.baseURL).Allowed(c.host); got != c.want {
			t.Errorf("bind %q baseURL %q: Host %q allowed = %v, want %v", c.bind, c.baseURL, c.host, got, c.want)
		}
	}
}

// A DNS-rebinding page reaches the server under its own name: it gets 403,
// not the error report with source lines. The server's own endpoints answer
// GET and HEAD only.
func TestGuardAndMethods(t *testing.T) {
	root := t.TempDir()
	for name, body := range fixture {
		write(t, root, name, body)
	}
	srv := New(root, build.Options{BaseURL: "http://127.0.0.1/"}, io.Discard)
	ts := httptest.NewServer(NewHosts("127.0.0.1", "").Guard(srv.Handler()))
	defer ts.Close()
	do := func(method, path, host string) int {
		req, _ := http.NewRequest(method, ts.URL+path, strings.NewReader("x"))
		if host != "" {
			req.Host = host
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	for _, p := range []string{"/__bantin/errors", "/__bantin/live.js", "/"} {
		if got := do("GET", p, "attacker.example"); got != http.StatusForbidden {
			t.Errorf("GET %s as attacker.example: %d, want 403", p, got)
		}
		if got := do("GET", p, ""); got != http.StatusOK {
			t.Errorf("GET %s: %d, want 200", p, got)
		}
		if got := do("HEAD", p, "localhost"); got != http.StatusOK {
			t.Errorf("HEAD %s: %d, want 200", p, got)
		}
		for _, m := range []string{"POST", "PUT", "DELETE", "OPTIONS"} {
			if got := do(m, p, ""); got != http.StatusMethodNotAllowed {
				t.Errorf("%s %s: %d, want 405", m, p, got)
			}
		}
	}
	if got := do("POST", "/__bantin/events", ""); got != http.StatusMethodNotAllowed {
		t.Errorf("POST events: %d, want 405", got)
	}
}

// The error overlay shows source lines read through the site's file
// system: never those of a file a symlink points to outside the site.
func TestErrorReportStaysInSite(t *testing.T) {
	top := t.TempDir()
	root := filepath.Join(top, "site")
	write(t, root, "content/a.md", "+++\ntitle = \"A\"\n+++\ndòng bốn\n")
	if err := os.WriteFile(filepath.Join(top, "secret.txt"), []byte("bí mật\nbí mật\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../../secret.txt", filepath.Join(root, "content", "b.md")); err != nil {
		t.Fatal(err)
	}
	fsys, err := sitefs.Open(root)
	if err != nil {
		t.Fatal(err)
	}
	r := errorReport(fsys, []diag.Diagnostic{{Pos: diag.Pos{File: "content/b.md", Line: 1, Col: 1}}, {Pos: diag.Pos{File: "content/a.md", Line: 4, Col: 1}}})
	if len(r.Errors[0].Lines) != 0 {
		t.Errorf("lines of a file outside the site: %+v", r.Errors[0].Lines)
	}
	if len(r.Errors[1].Lines) != 4 || r.Errors[1].Lines[2].Text != "dòng bốn" || !r.Errors[1].Lines[2].Error {
		t.Errorf("lines of content/a.md: %+v", r.Errors[1].Lines)
	}
}
