package config

import (
	"strings"
	"testing"
	"testing/fstest"

	"bantin/internal/diag"
)

func load(t *testing.T, src, baseURL string) (*Config, string) {
	t.Helper()
	var dl diag.List
	c := Load(fstest.MapFS{File: {Data: []byte(src)}}, baseURL, &dl)
	var msgs []string
	for _, d := range dl.Items() {
		msgs = append(msgs, d.String())
	}
	return c, strings.Join(msgs, "\n")
}

func TestDefaults(t *testing.T) {
	c, msgs := load(t, `baseURL = "https://danvan.example.vn/ban-tin"`, "")
	if msgs != "" {
		t.Fatal(msgs)
	}
	if c.LanguageCode != "vi" || c.Location.String() != "Asia/Ho_Chi_Minh" || c.Pagination.PagerSize != 10 || !*c.Markup.Typographer {
		t.Errorf("defaults %+v", c)
	}
	if c.Types["to-gap"] != "leaflet" || c.Taxonomies["topics"] != "Chủ đề" {
		t.Errorf("types %v taxonomies %v", c.Types, c.Taxonomies)
	}
	if got := c.RelURL("/bai-viet/a/"); got != "/ban-tin/bai-viet/a/" {
		t.Errorf("RelURL = %q", got)
	}
	if got := c.AbsURL("/bai-viet/a/"); got != "https://danvan.example.vn/ban-tin/bai-viet/a/" {
		t.Errorf("AbsURL = %q", got)
	}
}

func TestProblems(t *testing.T) {
	src := "baseURL = \"https://x.vn/\"\ntitel = \"x\"\n[pagination]\npagerSize = \"mười\"\n"
	_, msgs := load(t, src, "")
	want := "config.toml:2:1: warning: unknown key \"titel\"\n" +
		"config.toml:4:1: error: pagination.pagerSize must be a whole number, not the string \"mười\""
	if msgs != want {
		t.Errorf("got\n%s\nwant\n%s", msgs, want)
	}
	if _, msgs := load(t, `baseURL = "ftp:/x"`, ""); !strings.Contains(msgs, "must be an absolute http(s) URL") {
		t.Errorf("bad baseURL: %s", msgs)
	}
	if _, msgs := load(t, `timeZone = "Sao Hỏa"`, "https://x.vn/"); !strings.Contains(msgs, "not a known time zone") {
		t.Errorf("bad zone: %s", msgs)
	}
}

func TestFlagOverridesBaseURL(t *testing.T) {
	c, _ := load(t, `baseURL = "https://a.vn/"`, "http://127.0.0.1:1313/")
	if c.Base.Host != "127.0.0.1:1313" {
		t.Errorf("Base = %v", c.Base)
	}
}

func TestTypographerOff(t *testing.T) {
	c, msgs := load(t, "baseURL = \"https://a.vn/\"\n[markup]\ntypographer = false\n", "")
	if msgs != "" || *c.Markup.Typographer {
		t.Errorf("typographer = %v (%s)", *c.Markup.Typographer, msgs)
	}
}
