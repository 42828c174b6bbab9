package config

import (
	"math"
	"strings"
	"testing"
	"testing/fstest"

	"bantin/internal/diag"
)

// FuzzLoad: loading never panics; every diagnostic stands in config.toml
// within its lines; every number the build uses is inside its range.
func FuzzLoad(f *testing.F) {
	for _, s := range []string{
		"baseURL = \"https://x.vn/\"\ntitle = \"Bản tin\"\n[qr]\ndpi = 300\nsizeMM = 25.0\n",
		"[qr]\ndpi = 100000000\nsizeMM = inf\n[related]\ncount = 9223372036854775807\n",
		"[pagination]\npagerSize = -1\n[feeds]\nlimit = 0\n",
		"timeZone = \"Mars/Olympus\"\nbaseURL = \"ftp://x\"\n",
		"[[menus.main]]\nname = \"Trang chủ\"\nurl = \"/\"\nweight = 1\n",
		"[taxonomies]\ntopics = \"Chủ đề\"\n[types]\nthong-bao = \"article\"\n",
		"titel = 1\n[qr]\nlevel = \"Z\"\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		var dl diag.List
		c := Load(fstest.MapFS{File: {Data: []byte(src)}}, "", &dl)
		lines := strings.Count(src, "\n") + 1
		for _, d := range dl.Items() {
			if d.Pos.File != File || d.Pos.Line > lines+1 || d.Pos.Line < 0 {
				t.Errorf("%v: not within config.toml's %d lines", d, lines)
			}
		}
		for _, r := range intRanges {
			if v := *r.value(c); v < r.min || v > r.max {
				t.Errorf("%s.%s = %d after Load, out of %d–%d", r.key[0], r.key[1], v, r.min, r.max)
			}
		}
		if s := c.QR.SizeMM; math.IsNaN(s) || s < MinQRSizeMM || s > MaxQRSizeMM {
			t.Errorf("qr.sizeMM = %v after Load", s)
		}
		if c.Location == nil || c.Base == nil {
			t.Error("no location or base URL")
		}
	})
}
