package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"bantin/internal/build"
	"bantin/internal/output"
	"bantin/internal/tooltest"

	"github.com/chromedp/chromedp"
)

// The stress copy: a leaflet with three times too much text, a handbook
// of 80 questions, and a bulletin of six long articles with a 12-column
// table, a 120-character token and an 800 × 3000 image. bantin pdf --press
// must fail with a positioned error for each overfull panel and for
// nothing else, write no PDF for the leaflet, and write the handbook and
// the bulletin at full size, passing every preflight check.
func TestStressCopy(t *testing.T) {
	chrome := tooltest.Chromium(t)
	tooltest.Require(t, "pdftotext", "poppler-utils")
	published := printSite(t, chrome, stressSite(), true)
	got := errorsOf(published)
	var wantLines []string // the line of each panel's heading
	for i, line := range strings.Split(string(stressSite()["content/to-gap/qua-dai.md"].Data), "\n") {
		if strings.HasPrefix(line, "## Phần") {
			wantLines = append(wantLines, fmt.Sprintf("content/to-gap/qua-dai.md:%d:1", i+1))
		}
	}
	if len(got) != len(wantLines) {
		t.Fatalf("want an error for each of the six panels, got:\n%s", strings.Join(got, "\n"))
	}
	overflow := regexp.MustCompile(`^(\S+): error: "Phần \d[^"]*" is \d+ mm too long for its \d+ mm`)
	for i, line := range got {
		m := overflow.FindStringSubmatch(line)
		if m == nil || m[1] != wantLines[i] {
			t.Errorf("error %d = %s\nwant %s: … is N mm too long for its M mm", i, line, wantLines[i])
		}
	}
	written := map[string][]byte{}
	for _, f := range published.Files {
		written[f.Path] = f.Data
	}
	keepPDFs(t, published.Files)
	for path := range written {
		if strings.HasPrefix(path, "to-gap/") {
			t.Errorf("the overfull leaflet got a PDF: %s", path)
		}
	}
	reports := map[string]Report{}
	for _, r := range published.Reports {
		reports[r.Path] = r
	}
	for _, path := range []string{"so-tay/tam-muoi-cau/tam-muoi-cau.pdf", "ban-tin/so-dai/so-dai.pdf", "ban-tin/so-dai/so-dai-nha-in.pdf"} {
		r, ok := reports[path]
		if !ok || written[path] == nil {
			t.Errorf("no PDF and report for %s (have %v)", path, keysOf(reports))
			continue
		}
		if r.Facts.MinTextPt < 6.9 {
			t.Errorf("%s: text as small as %.1f pt: the pages were shrunk", path, r.Facts.MinTextPt)
		}
		if r.Facts.Pages%2 != 0 {
			t.Errorf("%s: %d pages, not an even count", path, r.Facts.Pages)
		}
	}
	if r := reports["ban-tin/so-dai/so-dai.pdf"]; r.Facts.WidthMM < 209 || r.Facts.WidthMM > 211 || r.Facts.MinImagePPI < 300 {
		t.Errorf("bulletin: %.1f mm wide, image at %d ppi", r.Facts.WidthMM, r.Facts.MinImagePPI)
	}
	// The 120-character token wrapped instead of widening the page, and the
	// tall image is on one page, scaled, not sliced.
	file := filepath.Join(t.TempDir(), "so-dai.pdf")
	os.WriteFile(file, written["ban-tin/so-dai/so-dai.pdf"], 0o644)
	text := strings.Join(strings.Fields(run(t, "pdftotext", file, "-")), "")
	if !strings.Contains(text, strings.Repeat("x", 120)) {
		t.Error("the long token is missing from the text")
	}
	handbook := filepath.Join(t.TempDir(), "tam-muoi-cau.pdf")
	os.WriteFile(handbook, written["so-tay/tam-muoi-cau/tam-muoi-cau.pdf"], 0o644)
	checkContents(t, handbook, 2, func(k int, _ string) string { return "Câu " + strconv.Itoa(k) + "." })
	if booklet := written["so-tay/tam-muoi-cau/tam-muoi-cau-dong-ghim.pdf"]; booklet == nil {
		t.Error("no booklet for the 80-question handbook")
	} else {
		path := filepath.Join(t.TempDir(), "booklet.pdf")
		os.WriteFile(path, booklet, 0o644)
		n := reports["so-tay/tam-muoi-cau/tam-muoi-cau.pdf"].Facts.Pages
		sides := readSidesLoose(t, path)
		if got := fold(sides); !readsInOrderFrom(got, n, 2) {
			t.Errorf("the %d-page handbook folded reads %v", n, got)
		}
	}
}

// stressSite is the stress copy as a site.
func stressSite() fstest.MapFS {
	fsys := fstest.MapFS{
		"config.toml": {Data: []byte("title = \"Bản tin thử\"\nbaseURL = \"https://danvan.example.vn/\"\n")},
	}
	add := func(name, text string) { fsys[name] = &fstest.MapFile{Data: []byte(text)} }
	const imprint = "[print]\npublisher = \"Ban Dân vận\"\nresponsible = \"Nguyễn Văn An\"\nlicence = \"Giấy phép số 9/GP-STTTT ngày 1/9/2026 của Sở Thông tin và Truyền thông\"\ncopies = 3000\nsize = \"A5\"\nprinter = \"Công ty In\"\nprinterAddress = \"1 Lê Lợi\"\ndate = 2026-10-01\ndeposit = \"tháng 10/2026\"\nperiodicity = \"Ra hằng tháng\"\n"
	long := strings.Repeat("Người lao động có quyền được biết, được bàn, được làm và được kiểm tra. ", 30)
	var leaflet strings.Builder
	leaflet.WriteString("+++\nid = \"qd0001\"\ntitle = \"Tờ gấp quá dài\"\ndate = 2026-10-01\n" + imprint + "+++\n")
	for i, mark := range []string{"bia", "vat", "trong-1", "trong-2", "trong-3", "sau"} {
		fmt.Fprintf(&leaflet, "## Phần %d {.%s}\n\n%s\n\n", i+1, mark, long)
	}
	add("content/to-gap/qua-dai.md", leaflet.String())
	var handbook strings.Builder
	handbook.WriteString("+++\nid = \"tm0080\"\ntitle = \"Tám mươi câu hỏi\"\ndate = 2026-10-01\n" + imprint + "+++\nSổ tay thử.\n\n")
	for i := 1; i <= 80; i++ {
		fmt.Fprintf(&handbook, "## Câu %d. Người dân được làm gì ở tổ dân phố số %d?\n\nNgười dân được bàn và quyết định trực tiếp những việc chung của tổ dân phố, theo Luật Thực hiện dân chủ ở cơ sở.\n\n", i, i)
	}
	add("content/so-tay/tam-muoi-cau.md", handbook.String())
	var articles []string
	for i := 1; i <= 6; i++ {
		name := fmt.Sprintf("bai-viet/bai-%d.md", i)
		articles = append(articles, `"`+name+`"`)
		body := strings.Repeat("Cán bộ dân vận đến từng nhà, nghe dân nói và cùng dân làm. ", 60)
		extra := ""
		switch i {
		case 2:
			extra = "## Bảng số liệu\n\n" + wideTable(12)
		case 3:
			extra = "## Mã tra cứu\n\n" + strings.Repeat("x", 120) + "\n"
		case 4:
			extra = "## Ảnh\n\n![Ảnh dọc rất cao](anh-doc.png)\n"
		}
		add("content/"+name, fmt.Sprintf("+++\nid = \"bv%04d\"\ntitle = \"Bài số %d\"\ndate = 2026-10-0%d\n+++\n%s\n\n%s\n\n%s", i, i, i, body, extra, body))
	}
	fsys["content/bai-viet/anh-doc.png"] = &fstest.MapFile{Data: tallPNG(800, 3000)}
	add("content/ban-tin/so-dai.md", "+++\nid = \"sd0001\"\ntitle = \"Số dài\"\ndate = 2026-10-10\narticles = ["+strings.Join(articles, ", ")+"]\n"+imprint+"+++\nSố thử với sáu bài dài.\n")
	return fsys
}

func wideTable(cols int) string {
	var b strings.Builder
	for row := 0; row < 4; row++ {
		b.WriteString("|")
		for c := 1; c <= cols; c++ {
			if row == 0 {
				fmt.Fprintf(&b, " Chỉ tiêu %d |", c)
			} else if row == 1 {
				b.WriteString("---|")
			} else {
				fmt.Fprintf(&b, " %d.%03d.%03d |", c, row*137, c*71)
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

// tallPNG is a w × h picture with bands, so that a slice of it shows.
func tallPNG(w, h int) []byte {
	img := image.NewGray(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.SetGray(x, y, color.Gray{Y: uint8(40 + (y/100)%2*160)})
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

func keysOf[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// keepPDFs writes the PDFs under $BANTIN_KEEP_PDFS, to look at them.
func keepPDFs(t *testing.T, files []output.File) {
	dir := os.Getenv("BANTIN_KEEP_PDFS")
	if dir == "" {
		return
	}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Error(err)
		}
	}
}

// On screen (bantin serve, or the built site), the overfull leaflet's
// print edition outlines each panel that is too long in red and says by
// how much, as bantin pdf does.
func TestOverflowShownOnScreen(t *testing.T) {
	res := build.Build(stressSite(), build.Options{Now: time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)})
	if err := res.Diags.Err(); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	keep := map[string]string{}
	for _, f := range res.Files {
		keep[f.Path] = string(f.Data)
	}
	tooltest.WriteFiles(t, dir, keep)
	ctx := tooltest.Browser(t, 1366, 900)
	if err := chromedp.Do(ctx, chromedp.Navigate(tooltest.ServeDir(t, dir)+"/to-gap/qua-dai/ban-in/")); err != nil {
		t.Fatal(err)
	}
	if err := tooltest.WaitTrue(ctx, `document.querySelectorAll(".fit-overflow").length === 6`, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	msg, err := chromedp.Run(ctx, chromedp.Evaluate[string](`[getComputedStyle(document.querySelector(".fit-overflow"), "::before").content, getComputedStyle(document.querySelector(".fit-overflow")).outlineColor].join(" | ")`))
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`"“Phần \d” dài quá \d+(\.\d)? mm so với \d+(\.\d)? mm" \| rgb\(221, 0, 0\)`).MatchString(msg) {
		t.Errorf("overflow shown as %s", msg)
	}
}
