package build

import (
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"bantin/internal/tooltest"
)

var refreshTarget = regexp.MustCompile(`http-equiv="refresh" content="0; url=([^"]+)"`)

// Every code bantin writes for the sample site decodes to the page's short
// URL, and the short URL's redirect page points back at the page.
func TestSampleSiteQRCodesDecode(t *testing.T) {
	res := Build(os.DirFS(filepath.Join("..", "..")), Options{Now: fixedNow})
	if err := res.Diags.Err(); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range res.Files {
		files[f.Path] = f.Data
	}
	checked := 0
	for _, p := range res.Site.All {
		if p.QR().SVG == "" {
			continue
		}
		dir := strings.TrimSuffix(p.OutPath, "index.html")
		png, svg := files[dir+"qr.png"], files[dir+"qr.svg"]
		if png == nil || svg == nil {
			t.Errorf("%s: QR files missing", p.URL)
			continue
		}
		if got := tooltest.DecodeQR(t, tooltest.DecodePNG(t, png)); got != p.ShortURL() {
			t.Errorf("%s: qr.png holds %q, want %q", p.URL, got, p.ShortURL())
		}
		if got := tooltest.DecodeQR(t, tooltest.RasterizeQRSVG(t, svg, 6)); got != p.ShortURL() {
			t.Errorf("%s: qr.svg holds %q, want %q", p.URL, got, p.ShortURL())
		}
		if strings.Trim(p.ShortURL(), "abcdefghijklmnopqrstuvwxyz0123456789:/.-") != "" {
			t.Errorf("%s: short URL %q is not plain ASCII", p.URL, p.ShortURL())
		}
		if p.ShortID() != "" {
			target := redirectTarget(t, files, p.ShortURL(), res.Site.Config.Base.String())
			if target != p.RelPermalink {
				t.Errorf("%s: short link redirects to %q", p.URL, target)
			}
		}
		checked++
	}
	if checked < 20 {
		t.Errorf("only %d pages carry a QR code", checked)
	}
	// The footer's site-wide code for the board's social page.
	social := res.Site.Config.QR.Social
	found := false
	for p, data := range files {
		if strings.HasPrefix(p, "qr/") && strings.HasSuffix(p, ".png") {
			found = found || tooltest.DecodeQR(t, tooltest.DecodePNG(t, data)) == social
		}
	}
	if social == "" || !found {
		t.Errorf("no decodable site-wide code for %q", social)
	}
}

func redirectTarget(t *testing.T, files map[string][]byte, shortURL, base string) string {
	t.Helper()
	rel := strings.TrimPrefix(shortURL, base)
	page, ok := files[path.Join(rel, "index.html")]
	if !ok {
		t.Fatalf("no redirect page for %s", shortURL)
	}
	m := refreshTarget.FindSubmatch(page)
	if m == nil {
		t.Fatalf("%s is not a redirect", shortURL)
	}
	return string(m[1])
}

// A page renamed and moved to another section keeps its id, so its short
// URL and its QR code stay the same and redirect to the new URL.
func TestRenamedPageKeepsItsCode(t *testing.T) {
	page := "+++\nid = \"dvk001\"\ntitle = \"Dân vận khéo\"\n+++\nNội dung.\n"
	before := buildOK(t, minimalConfig+"-- content/bai-viet/dan-van-kheo.md --\n"+page)
	after := buildOK(t, minimalConfig+"-- content/ban-tin/dan-van-kheo-o-khu-pho.md --\n"+page)
	if before["bai-viet/dan-van-kheo/qr.svg"] == "" || before["bai-viet/dan-van-kheo/qr.svg"] != after["ban-tin/dan-van-kheo-o-khu-pho/qr.svg"] {
		t.Error("the QR code changed with the rename")
	}
	if before["bai-viet/dan-van-kheo/qr.png"] != after["ban-tin/dan-van-kheo-o-khu-pho/qr.png"] {
		t.Error("the PNG code changed with the rename")
	}
	for files, want := range map[*map[string]string]string{&before: "/bai-viet/dan-van-kheo/", &after: "/ban-tin/dan-van-kheo-o-khu-pho/"} {
		m := refreshTarget.FindStringSubmatch((*files)["l/dvk001/index.html"])
		if m == nil || m[1] != want {
			t.Errorf("l/dvk001/ redirects to %v, want %s", m, want)
		}
	}
}

func TestShortLinkErrors(t *testing.T) {
	_, msgs := build(t, minimalConfig+`
-- content/a.md --
+++
title = "A"
id = "dvk001"
+++
-- content/b.md --
+++
title = "B"
id = "dvk001"
+++
-- content/c.md --
+++
title = "C"
id = "Đường/../x"
+++
`, Options{})
	for _, want := range []string{
		`content/b.md:3:1: error: id "dvk001" is also the id of content/a.md; each page needs its own`,
		`content/c.md:3:1: error: id "Đường/../x" must be 2 to 32 lowercase ASCII letters, digits or hyphens`,
	} {
		if !strings.Contains(msgs, want) {
			t.Errorf("diagnostics:\n%s\nlack %s", msgs, want)
		}
	}
}

func TestPageWithoutIDWarns(t *testing.T) {
	res := Build(siteFS(t, minimalConfig+"-- content/a.md --\n+++\ntitle = \"A\"\n+++\n"), Options{Now: fixedNow})
	items := res.Diags.Items()
	if len(items) != 1 || !strings.HasPrefix(items[0].String(), `content/a.md:1:1: warning: no id: the QR code and short link change if this file is renamed; add id = "p`) {
		t.Errorf("diagnostics: %v", items)
	}
	if len(res.Files) == 0 {
		t.Error("a warning must not fail the build")
	}
}

// The code printed at the end of a page (print stylesheet), rendered from
// Chromium's PDF at 150 dpi, decodes to the page's short URL.
func TestPrintedPageQRDecodes(t *testing.T) {
	chrome := tooltest.Chromium(t)
	tooltest.Require(t, "pdftoppm", "poppler-utils")
	res, base := serveSample(t, "http://127.0.0.1/")
	for _, p := range res.Site.Pages {
		if p.Type != "leaflet" {
			continue
		}
		pdf := tooltest.PrintToPDF(t, chrome, base+p.URL)
		var got []string
		for page := 1; page <= 4 && len(got) == 0; page++ {
			got = tooltest.DecodeAllQR(t, tooltest.RenderPDFPage(t, pdf, page, 150))
		}
		if len(got) == 0 || got[0] != p.ShortURL() {
			t.Errorf("%s: printed code holds %v, want %s", p.URL, got, p.ShortURL())
		}
		return
	}
	t.Fatal("the sample site has no leaflet")
}
