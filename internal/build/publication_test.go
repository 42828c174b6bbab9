package build

import (
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"bantin/internal/tooltest"
)

func TestPublicationChecks(t *testing.T) {
	cases := []struct{ name, site, want string }{
		{"leaflet with five panels", `
-- content/to-gap/a.md --
+++
title = "A"
+++
## Một
x
## Hai
x
## Ba
x
## Bốn
x
## Năm
x
`, "content/to-gap/a.md:1:1: error: a leaflet has six panels, one per ## heading; this one has 5"},
		{"panel marked twice", `
-- content/to-gap/a.md --
+++
title = "A"
+++
## Bìa {.bia}
## Vạt {.vat}
## Một {.trong-1}
## Hai {.trong-2}
## Ba {.bia}
## Sau {.sau}
`, "content/to-gap/a.md:8:1: error: panel .bia is marked twice (first at line 4)"},
		{"panel missing", `
-- content/to-gap/a.md --
+++
title = "A"
+++
## Bìa {.bia}
## Vạt {.vat}
## Một {.trong-1}
## Hai {.trong-2}
## Sau {.sau}
`, "content/to-gap/a.md:1:1: error: the leaflet has no panel .trong-3"},
		{"question without answer", `
-- content/so-tay/a.md --
+++
title = "A"
+++
## Câu 1. Có gì?

Có.

## Câu 2. Không có gì?
`, "content/so-tay/a.md:8:1: error: question 2 has no answer"},
		{"question numbered out of place", `
-- content/so-tay/a.md --
+++
title = "A"
+++
## Câu 1. Một?

Một.

## Câu 3. Hai?

Hai.
`, `content/so-tay/a.md:8:1: error: question 2 is numbered "Câu 3"; number it 2 or leave the number out`},
		{"bulletin names a missing article", `
-- content/bai-viet/a.md --
+++
title = "A"
+++
-- content/ban-tin/so-1.md --
+++
title = "Số 1"
articles = [
  "bai-viet/a.md",
  "bai-viet/khong-co.md",
]
+++
`, `content/ban-tin/so-1.md:5:3: error: article "bai-viet/khong-co.md" is not a page of this build`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, msgs := build(t, minimalConfig+c.site, Options{})
			if !strings.Contains(msgs, c.want) {
				t.Errorf("diagnostics:\n%s\nwant %s", msgs, c.want)
			}
		})
	}
}

func TestPublicationPages(t *testing.T) {
	res := Build(os.DirFS(filepath.Join("..", "..")), Options{Now: fixedNow})
	if err := res.Diags.Err(); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range res.Files {
		files[f.Path] = string(f.Data)
	}
	hb := files["so-tay/hoi-dap-dan-chu-o-co-so/index.html"]
	if !strings.Contains(hb, `<section class="qa" id="cau-20">`) || !strings.Contains(hb, `<a href="#cau-1">Luật Thực hiện dân chủ ở cơ sở có hiệu lực từ khi nào?</a>`) {
		t.Error("handbook questions not numbered with anchors and a table of contents")
	}
	m := ldScript.FindStringSubmatch(hb)
	var ld struct {
		Graph []struct {
			Type       string `json:"@type"`
			MainEntity []struct {
				Type   string `json:"@type"`
				Name   string `json:"name"`
				Answer struct {
					Text string `json:"text"`
				} `json:"acceptedAnswer"`
			} `json:"mainEntity"`
		} `json:"@graph"`
	}
	if m == nil || json.Unmarshal([]byte(m[1]), &ld) != nil || ld.Graph[0].Type != "FAQPage" || len(ld.Graph[0].MainEntity) != 20 || ld.Graph[0].MainEntity[0].Answer.Text == "" {
		t.Errorf("FAQPage JSON-LD: %+v", ld)
	}
	contains(t, files, "an-pham/index.html", "Người lao động cần biết", "Sổ tay hỏi – đáp về dân chủ ở cơ sở", "Bản tin Dân vận số 12", "Số lượng: 10.000 bản", `href="/to-gap/quyen-cua-nguoi-lao-dong/ban-in/"`)
	contains(t, files, "to-gap/quyen-cua-nguoi-lao-dong/ban-in/index.html", `class="sheet outside"`, `class="panel panel-sau"`, "Số lượng:</dt> <dd>10.000 bản", "Giấy phép xuất bản tài liệu không kinh doanh số 27/GP-STTTT", "TÀI LIỆU KHÔNG BÁN")
	contains(t, files, "ban-tin/so-12-thang-11-2026/ban-in/index.html", `id="bai-4"`, "Dân vận khéo: từ phong trào thành nếp làm việc ở khu phố")
	contains(t, files, "bai-viet/dan-van-kheo/index.html", `onclick="window.print()"`)
}

// printed is one print edition printed by Chromium, read back by poppler.
type printed struct {
	pages int
	sizes []string // "842x595" per page, in points
	text  []string // per page
	fonts string   // pdffonts output
}

func printEdition(t *testing.T, chrome, url string) printed {
	t.Helper()
	pdf := tooltest.PrintToPDF(t, chrome, url)
	info, err := exec.Command("pdfinfo", "-f", "1", "-l", "99", pdf).Output()
	if err != nil {
		t.Fatal(err)
	}
	var p printed
	for _, m := range regexp.MustCompile(`Page +\d+ size: +([\d.]+) x ([\d.]+) pts`).FindAllStringSubmatch(string(info), -1) {
		p.sizes = append(p.sizes, round(m[1])+"x"+round(m[2]))
	}
	p.pages = len(p.sizes)
	for i := 1; i <= p.pages; i++ {
		out, err := exec.Command("pdftotext", "-f", strconv.Itoa(i), "-l", strconv.Itoa(i), pdf, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		p.text = append(p.text, strings.Join(strings.Fields(string(out)), " ")) // lines joined: text wraps
	}
	fonts, err := exec.Command("pdffonts", pdf).Output()
	if err != nil {
		t.Fatal(err)
	}
	p.fonts = string(fonts)
	return p
}

func round(pts string) string {
	f, _ := strconv.ParseFloat(pts, 64)
	return strconv.Itoa(int(math.Round(f)))
}

// everyFontEmbedded checks pdffonts' "emb" column.
func everyFontEmbedded(t *testing.T, name, fonts string) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(fonts), "\n")
	if len(lines) < 3 {
		t.Errorf("%s: no fonts", name)
		return
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		if len(f) < 5 || f[len(f)-5] != "yes" {
			t.Errorf("%s: font not embedded: %s", name, l)
		}
	}
	if !strings.Contains(fonts, "NotoSerif") || !strings.Contains(fonts, "BeVietnamPro") {
		t.Errorf("%s: the theme's fonts are not used:\n%s", name, fonts)
	}
}

func TestPrintEditionsInChromium(t *testing.T) {
	chrome := tooltest.Chromium(t)
	for _, tool := range []string{"pdfinfo", "pdftotext", "pdffonts"} {
		tooltest.Require(t, tool, "poppler-utils")
	}
	_, base := serveSample(t, "http://127.0.0.1/")

	leaflet := printEdition(t, chrome, base+"/to-gap/quyen-cua-nguoi-lao-dong/ban-in/")
	if leaflet.pages != 2 || leaflet.sizes[0] != "842x595" || leaflet.sizes[1] != "842x595" {
		t.Errorf("leaflet: %d pages %v, want 2 × A4 landscape (842x595 pt)", leaflet.pages, leaflet.sizes)
	}
	if len(leaflet.text) == 2 {
		for _, want := range []string{"Người lao động cần biết", "Quyền có hợp đồng", "Khi cần giúp đỡ", "Số lượng: 10.000 bản"} {
			if !strings.Contains(leaflet.text[0], want) {
				t.Errorf("leaflet outside sheet lacks %q:\n%s", want, leaflet.text[0])
			}
		}
		for _, want := range []string{"Quyền được trả lương đúng, đủ", "Quyền nghỉ ngơi", "Quyền được bảo hiểm"} {
			if !strings.Contains(leaflet.text[1], want) {
				t.Errorf("leaflet inside sheet lacks %q", want)
			}
		}
	}
	everyFontEmbedded(t, "leaflet", leaflet.fonts)

	handbook := printEdition(t, chrome, base+"/so-tay/hoi-dap-dan-chu-o-co-so/ban-in/")
	for i, s := range handbook.sizes {
		if s != "420x595" {
			t.Errorf("handbook page %d is %s, want A5 (420x595 pt)", i+1, s)
		}
	}
	all := strings.Join(handbook.text, "\n")
	for _, want := range []string{"Sổ tay hỏi – đáp về dân chủ ở cơ sở", "Câu 1. Luật Thực hiện dân chủ ở cơ sở có hiệu lực từ khi nào?", "Câu 20. Những hành vi nào bị nghiêm cấm khi thực hiện dân chủ ở cơ sở?"} {
		if !strings.Contains(all, want) {
			t.Errorf("handbook text lacks %q", want)
		}
	}
	if handbook.pages < 3 || strings.Contains(handbook.text[0], "Trang 1") || !strings.Contains(handbook.text[2], "Trang 3") {
		t.Errorf("handbook page numbers: cover must have none, page 3 must say Trang 3")
	}
	everyFontEmbedded(t, "handbook", handbook.fonts)

	bulletin := printEdition(t, chrome, base+"/ban-tin/so-12-thang-11-2026/ban-in/")
	for i, s := range bulletin.sizes {
		if s != "595x842" {
			t.Errorf("bulletin page %d is %s, want A4 (595x842 pt)", i+1, s)
		}
	}
	if bulletin.pages < 6 || !strings.Contains(bulletin.text[1], "Trang 2") || !strings.Contains(strings.Join(bulletin.text, "\n"), "Mùa lễ cuối năm: cơ sở tôn giáo và khu dân cư cùng giữ an toàn, tiết kiệm") {
		t.Errorf("bulletin: %d pages; page 2: %q", bulletin.pages, bulletin.text[1])
	}
	everyFontEmbedded(t, "bulletin", bulletin.fonts)
}

// The catalogue is paged like any list: each page shows its own share of
// the publications, not all of them.
func TestCatalogueIsPaged(t *testing.T) {
	files := buildOK(t, `
-- config.toml --
title = "T"
baseURL = "https://x.vn/"
[pagination]
pagerSize = 1
-- content/so-tay/a.md --
+++
title = "Sổ tay A"
date = 2026-01-02
+++
## Hỏi gì?
Đáp.
-- content/so-tay/b.md --
+++
title = "Sổ tay B"
date = 2026-01-01
+++
## Hỏi gì?
Đáp.
`)
	first, second := files["an-pham/index.html"], files["an-pham/page/2/index.html"]
	if !strings.Contains(first, "Sổ tay A") || strings.Contains(first, "Sổ tay B") {
		t.Errorf("catalogue page 1 should list A only")
	}
	if !strings.Contains(second, "Sổ tay B") || strings.Contains(second, "Sổ tay A") {
		t.Errorf("catalogue page 2 should list B only (have pages %v)", keysWith(files, "an-pham"))
	}
}

func keysWith(files map[string]string, part string) []string {
	var out []string
	for k := range files {
		if strings.Contains(k, part) {
			out = append(out, k)
		}
	}
	return out
}

// The imprint rules of config print.rules: a handbook without the person
// responsible for it is an error at its [print] table when it is to be
// printed, a warning for the site alone; a site can change the rule.
func TestImprintRules(t *testing.T) {
	const handbook = `
-- content/so-tay/a.md --
+++
title = "Sổ tay"

[print]
publisher = "Ban Dân vận"
licence = "Giấy phép số 1/GP-STTTT ngày 1/1/2026 của Sở Thông tin và Truyền thông"
copies = 1000
size = "A5"
printer = "Công ty In"
printerAddress = "1 Lê Lợi"
date = 2026-10-01
deposit = "tháng 10/2026"
+++
## Câu hỏi?
Trả lời.
`
	_, msgs := build(t, minimalConfig+handbook, Options{PDF: true})
	if want := "content/so-tay/a.md:4:1: error: the imprint lacks responsible: a handbook needs them in print (config print.rules.handbook)"; !strings.Contains(msgs, want) {
		t.Errorf("with PDFs:\n%s\nwant %s", msgs, want)
	}
	_, msgs = build(t, minimalConfig+handbook, Options{})
	if want := "content/so-tay/a.md:4:1: warning: the imprint lacks responsible"; !strings.Contains(msgs, want) {
		t.Errorf("without PDFs:\n%s\nwant %s", msgs, want)
	}
	relaxed := strings.Replace(minimalConfig, "-- config.toml --\n", "-- config.toml --\n[print.rules.handbook]\nrequired = [\"publisher\"]\n", 1)
	if !strings.Contains(relaxed, "print.rules") {
		t.Fatal("minimalConfig has no config.toml to extend")
	}
	if _, msgs = build(t, relaxed+handbook, Options{PDF: true}); strings.Contains(msgs, "imprint lacks") {
		t.Errorf("a site's own rule is not used:\n%s", msgs)
	}
}
