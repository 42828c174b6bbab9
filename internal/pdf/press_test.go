package pdf

import (
	"bytes"
	"image"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"bantin/internal/build"
	"bantin/internal/publication"
	"bantin/internal/tooltest"

	"github.com/pdfcpu/pdfcpu/pkg/api"
)

// With Press, each publication also gets a press copy whose TrimBox is the
// reading copy's page, whose BleedBox is 3 mm larger on every side, with
// crop marks outside the bleed; the handbook also gets an imposed booklet
// with its pages in saddle-stitch order.
func TestPress(t *testing.T) {
	chrome := tooltest.Chromium(t)
	for _, tool := range []string{"pdfinfo", "pdftotext", "pdftoppm"} {
		tooltest.Require(t, tool, "poppler-utils")
	}
	tooltest.Require(t, "gs", "ghostscript")
	res := build.Build(os.DirFS(filepath.Join("..", "..")), build.Options{PDF: true, Press: true, Now: time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)})
	if err := res.Diags.Err(); err != nil {
		t.Fatal(err)
	}
	pdfs := publishAll(t, res.Site, res.Files, chrome)
	dir := t.TempDir()
	written := map[string]string{}
	for _, f := range pdfs {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, f.Data, 0o644)
		written[f.Path] = p
	}
	for _, stem := range []string{"to-gap/quyen-cua-nguoi-lao-dong/quyen-cua-nguoi-lao-dong", "so-tay/hoi-dap-dan-chu-o-co-so/hoi-dap-dan-chu-o-co-so", "ban-tin/so-12-thang-11-2026/so-12-thang-11-2026"} {
		t.Run(filepath.Base(stem), func(t *testing.T) {
			reading, press := written[stem+".pdf"], written[stem+publication.PressSuffix]
			if reading == "" || press == "" {
				t.Fatalf("missing %s.pdf or its press copy", stem)
			}
			checkPressBoxes(t, reading, press)
			checkCropMarks(t, press)
			if got, want := pages(t, press), pages(t, reading); got != want {
				t.Errorf("press copy has %d pages, the reading copy %d", got, want)
			}
			if text := run(t, "pdftotext", press, "-"); !strings.Contains(text, "Ban Dân vận Thành ủy") {
				t.Errorf("press copy text: %.300s", text)
			}
			checkPressInks(t, reading, press, !strings.HasPrefix(stem, "to-gap")) // a leaflet's back panel has a red title
		})
	}
	handbook := "so-tay/hoi-dap-dan-chu-o-co-so/hoi-dap-dan-chu-o-co-so"
	booklet := written[handbook+publication.BookletSuffix]
	if booklet == "" {
		t.Fatal("no booklet for the handbook")
	}
	if _, ok := written["to-gap/quyen-cua-nguoi-lao-dong/quyen-cua-nguoi-lao-dong"+publication.BookletSuffix]; ok {
		t.Error("a leaflet got a booklet")
	}
	checkBookletOrder(t, written[handbook+".pdf"], booklet)
	checkBookletOutline(t, written[handbook+".pdf"], booklet)
	checkContents(t, written[handbook+".pdf"], 2, func(k int, _ string) string { return "Câu " + strconv.Itoa(k) + "." })
	checkContents(t, written["ban-tin/so-12-thang-11-2026/so-12-thang-11-2026.pdf"], 2, func(_ int, title string) string { return title })
	checkImprint(t, written[handbook+".pdf"], -1, "Chịu trách nhiệm xuất bản: Nguyễn Văn An", "Số trang: 8", "Nộp lưu chiểu: tháng 9/2026", "TÀI LIỆU KHÔNG BÁN")
	checkImprint(t, written["to-gap/quyen-cua-nguoi-lao-dong/quyen-cua-nguoi-lao-dong.pdf"], 1, "Chịu trách nhiệm xuất bản:", "In tại: Công ty In Thanh niên, 62 Trần Quốc Toản", "TÀI LIỆU KHÔNG BÁN")
	bulletin := written["ban-tin/so-12-thang-11-2026/so-12-thang-11-2026.pdf"]
	checkImprint(t, bulletin, -1, "Định kỳ: Ra hằng tháng", "Giấy phép: Giấy phép xuất bản bản tin số 05/GP-STTTT", "Số lượng: 2.000 bản", "Chịu trách nhiệm xuất bản: Trần Thị Bình")
	checkImprint(t, bulletin, 1, "BẢN TIN DÂN VẬN", "Ban Dân vận Thành ủy", "24/11/2026")
	leafletPress := written["to-gap/quyen-cua-nguoi-lao-dong/quyen-cua-nguoi-lao-dong"+publication.PressSuffix]
	checkRegistration(t, leafletPress)
	checkFoldMarks(t, leafletPress)
	for path, file := range written {
		data, _ := os.ReadFile(file)
		facts, err := ReadFacts(data)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, link := range facts.Links {
			if !strings.HasPrefix(link, "https://danvan.example.vn/") {
				t.Errorf("%s links to %s", path, link)
			}
		}
	}
	again := publishAll(t, res.Site, res.Files, chrome)
	for _, f := range again {
		if data, _ := os.ReadFile(written[f.Path]); !bytes.Equal(data, f.Data) {
			t.Errorf("%s differs from one run to the next", f.Path)
		}
	}
	for _, f := range res.Files {
		if f.Path == "an-pham/index.html" && (!strings.Contains(string(f.Data), handbook+publication.PressSuffix) || !strings.Contains(string(f.Data), handbook+publication.BookletSuffix) || !strings.Contains(string(f.Data), "lật theo cạnh ngắn")) {
			t.Error("the catalogue does not link the handbook's press copy and booklet with the printer setting")
		}
	}
}

// box reads one box of page 1 from pdfinfo -box: llx lly urx ury.
func box(t *testing.T, info, name string) [4]float64 {
	t.Helper()
	m := regexp.MustCompile(name + `:\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)`).FindStringSubmatch(info)
	if m == nil {
		t.Fatalf("no %s in:\n%s", name, info)
	}
	var b [4]float64
	for i := range b {
		b[i], _ = strconv.ParseFloat(m[i+1], 64)
	}
	return b
}

func size(b [4]float64) (float64, float64) { return b[2] - b[0], b[3] - b[1] }

func checkPressBoxes(t *testing.T, reading, press string) {
	t.Helper()
	rw, rh := size(box(t, run(t, "pdfinfo", "-box", reading), "MediaBox"))
	info := run(t, "pdfinfo", "-box", press)
	trim, bleed, media := box(t, info, "TrimBox"), box(t, info, "BleedBox"), box(t, info, "MediaBox")
	near := func(what string, got, want float64) {
		if math.Abs(got-want) > 0.2 {
			t.Errorf("%s = %.2f pt, want %.2f", what, got, want)
		}
	}
	tw, th := size(trim)
	near("trim width", tw, rw)
	near("trim height", th, rh)
	bw, bh := size(bleed)
	near("bleed width", bw, rw+2*pt(Bleed))
	near("bleed height", bh, rh+2*pt(Bleed))
	near("bleed left", trim[0]-bleed[0], pt(Bleed))
	near("bleed bottom", trim[1]-bleed[1], pt(Bleed))
	mw, _ := size(media)
	near("media width", mw, bw+2*pt(Slug))
}

// checkCropMarks renders page 1 and finds the vertical crop mark at the
// trim's left edge below the page, and white slug beside it.
func checkCropMarks(t *testing.T, press string) {
	t.Helper()
	const dpi = 150
	img := tooltest.RenderPDFPage(t, press, 1, dpi)
	info := run(t, "pdfinfo", "-box", press)
	trim, media := box(t, info, "TrimBox"), box(t, info, "MediaBox")
	px := func(v float64) int { return int(math.Round(v / 72 * dpi)) }
	x := px(trim[0] - media[0])
	y := img.Bounds().Dy() - px(trim[1]-media[1]-pt(MarkOffset)-pt(MarkLength)/2) // halfway along the mark
	if !darkNear(img, x, y, 1) {
		t.Errorf("no crop mark at (%d, %d)", x, y)
	}
	if darkNear(img, x+px(pt(3)), y, 0) {
		t.Errorf("the slug is not white at (%d, %d)", x+px(pt(3)), y)
	}
}

func darkNear(img image.Image, x, y, r int) bool {
	for dx := -r; dx <= r; dx++ {
		red, g, b, _ := img.At(x+dx, y).RGBA()
		if (red+g+b)/3 < 0x8000 {
			return true
		}
	}
	return false
}

func pages(t *testing.T, file string) int {
	t.Helper()
	m := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(run(t, "pdfinfo", file))
	if m == nil {
		t.Fatalf("no page count for %s", file)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// checkBookletOrder reads each half of each A4 side of the booklet and
// names the reading copy's page on it: side k holds pages k and n+1-k
// (n rounded up to a multiple of four, pages past the end blank), as
// saddle stitching needs.
func checkBookletOrder(t *testing.T, reading, booklet string) {
	t.Helper()
	if s := run(t, "pdfinfo", booklet); !strings.Contains(s, "Page size:       842 x 595") {
		t.Fatalf("booklet is not A4 landscape:\n%s", s)
	}
	n := pages(t, reading)
	total := (n + 3) / 4 * 4
	if got := pages(t, booklet); got != total/2 {
		t.Fatalf("booklet has %d sides, want %d", got, total/2)
	}
	signature := func(text string) string {
		s := strings.Join(strings.Fields(text), " ")
		return s[:min(len(s), 40)]
	}
	byText := map[string]int{}
	for p := 1; p <= n; p++ {
		byText[signature(run(t, "pdftotext", "-f", strconv.Itoa(p), "-l", strconv.Itoa(p), reading, "-"))] = p
	}
	pageOn := func(side int, x int) int {
		text := run(t, "pdftotext", "-f", strconv.Itoa(side), "-l", strconv.Itoa(side), "-x", strconv.Itoa(x), "-y", "0", "-W", "421", "-H", "595", booklet, "-")
		if strings.TrimSpace(text) == "" {
			return 0 // blank
		}
		p, ok := byText[signature(text)]
		if !ok {
			t.Fatalf("side %d: text matches no page: %.80s", side, text)
		}
		return p
	}
	for side := 1; side <= total/2; side++ {
		want := map[int]bool{side: true, total + 1 - side: true}
		for _, p := range []int{pageOn(side, 0), pageOn(side, 421)} {
			if p == 0 && (side > n || total+1-side > n) {
				continue
			}
			if !want[p] {
				t.Errorf("side %d shows page %d; want pages %d and %d", side, p, side, total+1-side)
			}
		}
	}
}

// checkRegistration reads page 1's registration colour space: marks print
// on every plate.
func checkRegistration(t *testing.T, file string) {
	t.Helper()
	data, _ := os.ReadFile(file)
	ctx, err := api.ReadAndValidate(bytes.NewReader(data), pdfcpuConfig())
	if err != nil {
		t.Fatal(err)
	}
	page, _, _, err := ctx.PageDict(1, false)
	if err != nil {
		t.Fatal(err)
	}
	res, _ := ctx.DereferenceDict(page["Resources"])
	spaces, _ := ctx.DereferenceDict(res["ColorSpace"])
	cs, _ := ctx.DereferenceArray(spaces[registration])
	if len(cs) != 4 || cs[0].String() != "Separation" || cs[1].String() != "All" || cs[2].String() != "DeviceCMYK" {
		t.Errorf("registration colour space %v", cs)
	}
}

// checkFoldMarks renders the leaflet's outside sheet and finds a fold mark
// in the slug above the trim at each fold (97 and 197 mm from the trim's
// left edge), and none halfway between.
func checkFoldMarks(t *testing.T, file string) {
	t.Helper()
	const dpi = 150
	img := tooltest.RenderPDFPage(t, file, 1, dpi)
	info := run(t, "pdfinfo", "-box", file)
	trim, media := box(t, info, "TrimBox"), box(t, info, "MediaBox")
	px := func(v float64) int { return int(math.Round(v / 72 * dpi)) }
	top := img.Bounds().Dy() - px(trim[3]-media[1]) // the trim's top edge, in pixels from the top
	markAt := func(xmm float64) bool {
		x := px(trim[0] - media[0] + pt(xmm))
		for y := top - px(pt(MarkOffset+MarkLength)); y <= top-px(pt(MarkOffset)); y++ {
			if darkNear(img, x, y, 1) {
				return true
			}
		}
		return false
	}
	for _, f := range leafletFolds[0] {
		if !markAt(f) {
			t.Errorf("no fold mark at %.0f mm", f)
		}
	}
	if markAt(50) {
		t.Error("a mark where there is no fold")
	}
}

// checkBookletOutline reads the booklet's outline: the reading copy's
// bookmarks, same titles, each pointing at a page of the booklet (the
// sheet side its page is on).
func checkBookletOutline(t *testing.T, reading, booklet string) {
	t.Helper()
	read := func(file string) []outlineItem {
		data, _ := os.ReadFile(file)
		ctx, err := api.ReadAndValidate(bytes.NewReader(data), pdfcpuConfig())
		if err != nil {
			t.Fatal(err)
		}
		items, err := readOutline(ctx)
		if err != nil {
			t.Fatalf("%s: outline: %v", file, err)
		}
		return items
	}
	var flat func([]outlineItem) []outlineItem
	flat = func(items []outlineItem) (out []outlineItem) {
		for _, it := range items {
			out = append(append(out, it), flat(it.Kids)...)
		}
		return out
	}
	want, got := flat(read(reading)), flat(read(booklet))
	if len(got) != len(want) || len(got) < 20 {
		t.Fatalf("booklet outline has %d bookmarks, the reading copy %d", len(got), len(want))
	}
	for i := range got {
		if got[i].Title != want[i].Title || got[i].Page < 1 || got[i].Page > pages(t, booklet) {
			t.Errorf("bookmark %d: %q on side %d (reading copy: %q)", i, got[i].Title, got[i].Page, want[i].Title)
		}
	}
	if want[2].Title != "Câu 1. Luật Thực hiện dân chủ ở cơ sở có hiệu lực từ khi nào?" {
		t.Errorf("outline title %q: not the heading as written", want[2].Title)
	}
}

// checkContents reads the contents of a printed handbook or bulletin
// (pdftotext -layout: "12. Ý kiến … 7") and checks that every entry's page
// shows what the entry names: heading(k, title) is the text that page must
// hold for entry k.
func checkContents(t *testing.T, file string, contentsPage int, heading func(k int, title string) string) {
	t.Helper()
	entry := regexp.MustCompile(`^\s*(\d+)\.\s+(.*?)\s{2,}(\d+)\s*$`)
	toc := run(t, "pdftotext", "-layout", "-f", strconv.Itoa(contentsPage), "-l", strconv.Itoa(contentsPage+2), file, "-")
	seen := 0
	for _, line := range strings.Split(toc, "\n") {
		m := entry.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		k, _ := strconv.Atoi(m[1])
		if k != seen+1 {
			continue // a wrapped line or another list
		}
		seen = k
		page, _ := strconv.Atoi(m[3])
		text := strings.Join(strings.Fields(run(t, "pdftotext", "-f", m[3], "-l", m[3], file, "-")), " ")
		if want := heading(k, m[2]); !strings.Contains(text, want) {
			t.Errorf("contents: entry %d (%q) says page %d, which does not show %q", k, m[2], page, want)
		}
	}
	if seen < 2 {
		t.Errorf("contents of %s: %d entries with page numbers read", file, seen)
	}
}

// checkImprint reads one page of a printed publication (-1: its last) and
// finds each of the texts on it.
func checkImprint(t *testing.T, file string, page int, texts ...string) {
	t.Helper()
	if page < 0 {
		page = pages(t, file)
	}
	p := strconv.Itoa(page)
	got := strings.Join(strings.Fields(run(t, "pdftotext", "-f", p, "-l", p, file, "-")), " ")
	for _, want := range texts {
		if !strings.Contains(got, want) {
			t.Errorf("%s, page %d: no %q in %.400s", filepath.Base(file), page, want, got)
		}
	}
}

// checkPressInks reads a press copy back as a print shop would: PDF/X-4
// with its output intent (pdfinfo), CMYK only and no text in rich black
// (ReadFacts), the closing page of a handbook or bulletin (imprint and QR
// code, all black) on the black plate alone (Ghostscript's ink coverage within the trim), and the
// same words as the reading copy, every Vietnamese mark intact.
func checkPressInks(t *testing.T, reading, press string, blackClosing bool) {
	t.Helper()
	if a, b := words(run(t, "pdftotext", reading, "-")), words(run(t, "pdftotext", press, "-")); a != b {
		t.Errorf("the press copy's text differs from the reading copy's:\n%.400s\n%.400s", a, b)
	}
	data, _ := os.ReadFile(press)
	f, err := ReadFacts(data)
	if err != nil {
		t.Fatal(err)
	}
	if f.PDFX != "PDF/X-4" || f.OutputIntent != "FOGRA39" || len(f.RGB) > 0 || f.RichBlackText > 0 {
		t.Errorf("press copy: PDF/X %q, output intent %q, RGB left %v, rich black text runs %d", f.PDFX, f.OutputIntent, f.RGB, f.RichBlackText)
	}
	info := strings.Join(strings.Fields(run(t, "pdfinfo", press)), " ")
	for _, want := range []string{"PDF version: 1.6", "PDF subtype: PDF/X-4", "Standard: ISO 15930-7"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q: %s", want, info)
		}
	}
	if meta := run(t, "pdfinfo", "-meta", press); !strings.Contains(meta, "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>") {
		t.Errorf("pdfinfo -meta: no PDF/X-4 version in the XMP:\n%.500s", meta)
	}
	if !blackClosing {
		return
	}
	last := strconv.Itoa(pages(t, press))
	cov := strings.Fields(run(t, "gs", "-q", "-dSAFER", "-dUseTrimBox", "-dFirstPage="+last, "-dLastPage="+last, "-o", "-", "-sDEVICE=inkcov", press))
	if len(cov) < 4 || cov[0] != "0.00000" || cov[1] != "0.00000" || cov[2] != "0.00000" || cov[3] == "0.00000" {
		t.Errorf("ink coverage of the closing page (C M Y K): %v, want black ink only", cov)
	}
}

// words are a text's words, sorted (a press copy may lay out its columns
// in another reading order).
func words(text string) string {
	w := strings.Fields(text)
	sort.Strings(w)
	return strings.Join(w, " ")
}
