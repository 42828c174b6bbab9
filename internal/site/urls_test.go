package site

import "testing"

// Aliases with Hugo's meaning: site-relative with a leading slash,
// page-relative without one.
func TestAliasURL(t *testing.T) {
	for _, c := range []struct{ raw, page, want, err string }{
		{"/old-url", "/examples/example-1/", "/old-url/", ""},
		{"old-name", "/examples/example-1/", "/examples/old-name/", ""},
		{"../old/path", "/examples/example-1/", "/old/path/", ""},
		{"cu.html", "/tin/moi/", "/tin/cu.html", ""},
		{"cu", "/gioi-thieu/", "/cu/", ""},
		{"../../x", "/tin/moi/", "", `alias "../../x" has a ".." segment; it would leave the site`},
		{"/../x", "/tin/moi/", "", `alias "/../x" has a ".." segment; it would leave the site`},
		{"https://x.vn/a/", "/tin/moi/", "", `alias "https://x.vn/a/" must be a path on this site, not a full URL`},
	} {
		got, err := aliasURL(c.raw, c.page)
		if got != c.want || (err == nil) != (c.err == "") || (err != nil && err.Error() != c.err) {
			t.Errorf("aliasURL(%q, %q) = %q, %v; want %q, %s", c.raw, c.page, got, err, c.want, c.err)
		}
	}
}
