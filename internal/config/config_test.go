package config

import (
	"bantin/internal/qr"

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

// The QR levels are typed once, here: any case in the file, qr.Level out.
func TestQRLevelsTypedOnce(t *testing.T) {
	c, msgs := load(t, "baseURL = \"https://a.vn/\"\n[qr]\nlevel = \"h\"\n", "")
	if msgs != "" || c.QR.Level != qr.H || c.QR.PrintLevel != qr.Q {
		t.Errorf("levels %q, %q (%s)", c.QR.Level, c.QR.PrintLevel, msgs)
	}
}

// Every number has a range; outside it is an error at the key's line and
// column, and the build goes on with the default.
func TestNumbersOutOfRange(t *testing.T) {
	cases := []struct{ src, want string }{
		{"[qr]\ndpi = 100000000", "config.toml:2:1: error: qr.dpi = 100000000 is out of range: it must be from 72 to 1200"},
		{"[qr]\n  sizeMM = 100000", "config.toml:2:3: error: qr.sizeMM = 100000 is out of range"},
		{"[qr]\nsizeMM = inf", "config.toml:2:1: error: qr.sizeMM = +Inf is out of range"},
		{"[qr]\nsizeMM = nan", "config.toml:2:1: error: qr.sizeMM = NaN is out of range"},
		{"[qr]\nsizeMM = -3", "config.toml:2:1: error: qr.sizeMM = -3 is out of range"},
		{"[related]\ncount = 9223372036854775807", "config.toml:2:1: error: related.count = 9223372036854775807 is out of range: it must be from 1 to 50"},
		{"[related]\ncount = -1", "config.toml:2:1: error: related.count = -1 is out of range"},
		{"[pagination]\npagerSize = 0", "config.toml:2:1: error: pagination.pagerSize = 0 is out of range: it must be from 1 to 1000"},
		{"[feeds]\nlimit = 1000000000", "config.toml:2:1: error: feeds.limit = 1000000000 is out of range"},
		{"title = \"x\"\ntimeZone = \"Mars/Olympus\"", "config.toml:2:1: error: timeZone \"Mars/Olympus\" is not a known time zone"},
		{"[qr]\nlevel = \"Z\"", "config.toml:2:1: error: qr.level \"Z\" must be L, M, Q or H"},
		{"[markup]\nhighlightStyle = \"khong-co\"", "config.toml:2:1: error: markup.highlightStyle \"khong-co\" is not a chroma style"},
	}
	for _, c := range cases {
		cfg, msgs := load(t, `baseURL = "https://x.vn/"`+"\n"+c.src, "")
		want := strings.Replace(c.want, "config.toml:2:", "config.toml:3:", 1)
		if !strings.Contains(msgs, want) {
			t.Errorf("%q:\n got %s\nwant %s", c.src, msgs, want)
		}
		if cfg.QR.DPI != 300 && cfg.QR.DPI != 0 || cfg.QR.SizeMM < MinQRSizeMM || cfg.QR.SizeMM > MaxQRSizeMM || cfg.Related.Count < 1 || cfg.Related.Count > 50 {
			t.Errorf("%q: out-of-range value kept: %+v %+v", c.src, cfg.QR, cfg.Related)
		}
	}
	if _, msgs := load(t, "\n  baseURL = \"ftp://x\"", ""); !strings.Contains(msgs, `config.toml:2:3: error: baseURL "ftp://x" must be`) {
		t.Errorf("baseURL error: %s", msgs)
	}
	if _, msgs := load(t, "baseURL = \"https://x.vn/\"\n[qr]\ndpi = 600\nsizeMM = 40.5\n[related]\ncount = 50", ""); msgs != "" {
		t.Errorf("values in range: %s", msgs)
	}
}

// Print-rule errors stand at their key.
func TestPrintRuleErrorsPositioned(t *testing.T) {
	_, msgs := load(t, "baseURL = \"https://x.vn/\"\n[print.rules.leaflet]\nrequired = [\"publisher\",\n  \"khong-co\"]\nmaxPages = -1\n", "")
	for _, want := range []string{`config.toml:4:3: error: print.rules.leaflet: "khong-co" is not an imprint key`, "config.toml:5:1: error: print.rules.leaflet: maxPages must be 0"} {
		if !strings.Contains(msgs, want) {
			t.Errorf("lack %q:\n%s", want, msgs)
		}
	}
}
