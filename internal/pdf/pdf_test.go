package pdf

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"bantin/internal/build"
	"bantin/internal/output"
	"bantin/internal/site"
	"bantin/internal/tooltest"

	"github.com/pdfcpu/pdfcpu/pkg/api"
)

func TestFindSaysHowToGetABrowser(t *testing.T) {
	_, err := Find("/no/such/chromium")
	if !errors.Is(err, ErrNoBrowser) || !strings.Contains(err.Error(), "apt-get install chromium") || !strings.Contains(err.Error(), "--chrome PATH") {
		t.Errorf("error %v", err)
	}
}

// The sample site's leaflet, handbook and bulletin issue print to PDFs with
// the right pages, fonts, text, outline, information and a QR code that
// decodes from a 150 dpi rendering.
func TestSamplePublications(t *testing.T) {
	chrome := tooltest.Chromium(t)
	for _, tool := range []string{"pdfinfo", "pdffonts", "pdftotext", "pdftoppm"} {
		tooltest.Require(t, tool, "poppler-utils")
	}
	res := build.Build(os.DirFS(filepath.Join("..", "..")), build.Options{PDF: true, Now: time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)})
	if err := res.Diags.Err(); err != nil {
		t.Fatal(err)
	}
	pdfs := publishAll(t, res.Site, res.Files, chrome)
	byPath := map[string][]byte{}
	for _, f := range pdfs {
		byPath[f.Path] = f.Data
	}
	cases := []struct {
		path, size, title, author, text, bookmark, shortURL string
		pages                                               int
	}{
		{"to-gap/quyen-cua-nguoi-lao-dong/quyen-cua-nguoi-lao-dong.pdf", "841.92 x 594.96", "Người lao động cần biết: 6 quyền cơ bản khi đi làm",
			"Ban Dân vận Thành ủy, Liên đoàn Lao động thành phố", "Người sử dụng lao động không được giữ giấy tờ tùy thân", "Quyền được bảo hiểm", "https://danvan.example.vn/l/tgl012/", 2},
		{"so-tay/hoi-dap-dan-chu-o-co-so/hoi-dap-dan-chu-o-co-so.pdf", "420 x 594.96", "Sổ tay hỏi – đáp về dân chủ ở cơ sở",
			"Ban Dân vận Thành ủy", "Cuộc họp hợp lệ khi có trên 50% tổng số hộ gia đình", "Câu 9. Cuộc họp thôn, tổ dân phố hợp lệ khi nào?", "https://danvan.example.vn/l/std011/", 0},
		{"ban-tin/so-12-thang-11-2026/so-12-thang-11-2026.pdf", "594.96 x 841.92", "Bản tin Dân vận số 12, tháng 11/2026",
			"Ban Dân vận Thành ủy", "Khi dân được bàn và được kiểm tra, việc chung trở thành việc của từng nhà.", "Dân vận khéo: từ phong trào thành nếp làm việc ở khu phố", "https://danvan.example.vn/l/bt1226/", 0},
	}
	for _, c := range cases {
		t.Run(filepath.Base(c.path), func(t *testing.T) {
			data := byPath[c.path]
			if data == nil {
				t.Fatalf("no PDF at %s (have %v)", c.path, keys(byPath))
			}
			file := filepath.Join(t.TempDir(), "doc.pdf")
			os.WriteFile(file, data, 0o644)
			info := run(t, "pdfinfo", file)
			for _, want := range []string{"Title:           " + c.title, "Author:          " + c.author, "Tagged:          yes", "Page size:       " + c.size} {
				if !strings.Contains(info, want) {
					t.Errorf("pdfinfo lacks %q:\n%s", want, info)
				}
			}
			if !regexp.MustCompile(`Keywords: +\S`).MatchString(info) || !regexp.MustCompile(`Subject: +\S`).MatchString(info) {
				t.Errorf("no keywords or subject:\n%s", info)
			}
			if c.pages > 0 && !strings.Contains(info, "Pages:           "+string(rune('0'+c.pages))) {
				t.Errorf("want %d pages:\n%s", c.pages, info)
			}
			if !bytes.Contains(data, []byte("/Lang(vi)")) {
				t.Error("no /Lang (vi)")
			}
			fonts := run(t, "pdffonts", file)
			for _, l := range strings.Split(strings.TrimSpace(fonts), "\n")[2:] {
				if f := strings.Fields(l); f[len(f)-5] != "yes" {
					t.Errorf("font not embedded: %s", l)
				}
			}
			text := strings.Join(strings.Fields(run(t, "pdftotext", file, "-")), " ")
			if !strings.Contains(text, c.text) {
				t.Errorf("text lacks %q", c.text)
			}
			bookmarks, err := api.Bookmarks(bytes.NewReader(data), nil)
			if err != nil || !hasBookmark(bookmarks, c.bookmark) {
				t.Errorf("outline lacks %q (%v)", c.bookmark, err)
			}
			if got := tooltest.DecodeAllQR(t, tooltest.RenderPDFPage(t, file, 1, 150)); len(got) == 0 || got[0] != c.shortURL {
				t.Errorf("QR on page 1 holds %v, want %s", got, c.shortURL)
			}
		})
	}
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return string(out)
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// publishAll prints every publication of a site and fails the test on any
// error, of the machinery or of the publications.
func publishAll(t *testing.T, s *site.Site, files []output.File, chrome string) []output.File {
	t.Helper()
	res, err := Publish(s, files, Options{Chrome: chrome})
	if err != nil {
		t.Fatal(err)
	}
	if err := res.Diags.Err(); err != nil {
		t.Fatal(err)
	}
	return res.Files
}
