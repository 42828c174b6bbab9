package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bantin/internal/tooltest"
)

// runCLI runs bantin with args and returns its exit status and output.
func runCLI(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	status := run(args, &out, &errOut)
	return status, out.String(), errOut.String()
}

func TestUsageExitCodes(t *testing.T) {
	if status, _, _ := runCLI(); status != exitUsage {
		t.Errorf("no args: %d", status)
	}
	if status, _, _ := runCLI("frobnicate"); status != exitUsage {
		t.Errorf("unknown command: %d", status)
	}
	if status, _, _ := runCLI("build", "--nope"); status != exitUsage {
		t.Errorf("unknown flag: %d", status)
	}
	if status, _, _ := runCLI("build", "--help"); status != exitOK {
		t.Errorf("--help: %d", status)
	}
	if status, _, _ := runCLI("new", "poem", "x"); status != exitUsage {
		t.Errorf("bad kind: %d", status)
	}
	if status, out, _ := runCLI("version"); status != exitOK || !strings.HasPrefix(out, "bantin ") {
		t.Errorf("version: %d %q", status, out)
	}
}

// A folder with only content/ builds with the embedded theme; a failed
// build leaves the previous output exactly as it was.
func TestBuildKeepsPreviousOutputOnFailure(t *testing.T) {
	src := t.TempDir()
	tooltest.WriteFiles(t, src, map[string]string{
		"content/bai-viet/a.md": "+++\ntitle = \"Bài A\"\ndate = 2022-01-21T16:58:00\n+++\nXin chào.\n",
	})
	status, out, errOut := runCLI("build", "--source", src, "--baseURL", "https://x.vn/")
	if status != exitOK {
		t.Fatalf("status %d: %s", status, errOut)
	}
	if !strings.Contains(out, "built 1 pages (1 article)") {
		t.Errorf("summary: %q", out)
	}
	page := filepath.Join(src, "public", "bai-viet", "a", "index.html")
	before, err := os.ReadFile(page)
	if err != nil || !bytes.Contains(before, []byte("Thứ Sáu, 21/01/2022 16:58")) {
		t.Fatalf("page: %v\n%s", err, before)
	}
	tooltest.WriteFiles(t, src, map[string]string{"content/bai-viet/b.md": "+++\ntitle = \"B\"\ntags = [\n+++\n"})
	status, _, errOut = runCLI("build", "--source", src, "--baseURL", "https://x.vn/")
	if status != exitContent || !strings.Contains(errOut, "content/bai-viet/b.md:3:") {
		t.Fatalf("status %d, stderr %q", status, errOut)
	}
	after, err := os.ReadFile(page)
	if err != nil || !bytes.Equal(before, after) {
		t.Error("the failed build changed the previous site")
	}
	if _, err := os.Stat(filepath.Join(src, "public", "bai-viet", "b")); !os.IsNotExist(err) {
		t.Error("the failed build wrote a page")
	}
	entries, _ := os.ReadDir(src)
	if len(entries) != 2 {
		t.Errorf("leftover temporary folders: %v", entries)
	}
}

func TestBuildRefusesToReplaceSource(t *testing.T) {
	src := t.TempDir()
	tooltest.WriteFiles(t, src, map[string]string{"content/a.md": "+++\ntitle = \"A\"\n+++\n"})
	if status, _, errOut := runCLI("build", "--source", src, "--destination", "."); status != exitUsage || !strings.Contains(errOut, "would replace the site folder") {
		t.Errorf("status %d: %s", status, errOut)
	}
	if status, _, errOut := runCLI("build", "--source", src, "--destination", ".."); status != exitUsage {
		t.Errorf("parent as destination: status %d: %s", status, errOut)
	}
}

func TestNewWritesScaffoldOnce(t *testing.T) {
	src := t.TempDir()
	status, out, errOut := runCLI("new", "--source", src, "handbook", "hoi-dap-lao-dong")
	if status != exitOK {
		t.Fatalf("status %d: %s", status, errOut)
	}
	p := filepath.Join(src, "content", "so-tay", "hoi-dap-lao-dong.md")
	if !strings.Contains(out, filepath.Join("content", "so-tay", "hoi-dap-lao-dong.md")) {
		t.Errorf("output %q", out)
	}
	body, err := os.ReadFile(p)
	if err != nil || !bytes.Contains(body, []byte("draft = true")) || !bytes.Contains(body, []byte("## Câu 1.")) || !bytes.Contains(body, []byte(`id = "`)) {
		t.Fatalf("scaffold: %v\n%s", err, body)
	}
	if status, _, _ := runCLI("new", "--source", src, "handbook", "hoi-dap-lao-dong"); status != exitContent {
		t.Errorf("overwrite allowed: %d", status)
	}
	// The scaffold builds (as a draft).
	if status, _, errOut := runCLI("build", "--source", src, "--drafts", "--baseURL", "https://x.vn/"); status != exitOK {
		t.Errorf("scaffold does not build: %s", errOut)
	}
	for _, kind := range []string{"article", "leaflet", "bulletin"} {
		if status, _, errOut := runCLI("new", "--source", src, kind, "mau-"+kind); status != exitOK {
			t.Fatalf("new %s: %s", kind, errOut)
		}
	}
	if status, _, errOut := runCLI("build", "--source", src, "--drafts", "--baseURL", "https://x.vn/", "--destination", "out2"); status != exitOK {
		t.Errorf("every scaffold builds as a draft: %s", errOut)
	}
	if status, _, _ := runCLI("new", "--source", src, "article", "../../evil"); status != exitUsage {
		t.Errorf("traversal allowed: %d", status)
	}
}

// The repository's own sample site builds without a single diagnostic and
// twice to the same bytes.
func TestSampleSite(t *testing.T) {
	root, _ := filepath.Abs(filepath.Join("..", ".."))
	dest := t.TempDir()
	for i := 0; i < 2; i++ {
		out := filepath.Join(dest, "run"+string(rune('a'+i)))
		status, stdout, errOut := runCLI("build", "--source", root, "--destination", out)
		if status != exitOK || errOut != "" {
			t.Fatalf("status %d, stderr:\n%s", status, errOut)
		}
		if !strings.Contains(stdout, "article") {
			t.Errorf("summary %q", stdout)
		}
	}
	a, b := treeOf(t, filepath.Join(dest, "runa")), treeOf(t, filepath.Join(dest, "runb"))
	if len(a) < 20 || len(a) != len(b) {
		t.Fatalf("%d vs %d files", len(a), len(b))
	}
	for p, data := range a {
		if !bytes.Equal(data, b[p]) {
			t.Errorf("%s differs between builds", p)
		}
	}
	for _, p := range []string{"index.html", "404.html", "robots.txt", "sitemap.xml", "index.xml", "bai-viet/index.html", "bai-viet/index.xml",
		"bai-viet/dan-van-kheo/index.html", "bai-viet/tra-cuu-cong-khai-thong-tin/bieu-do-cong-khai-800.webp", "so-tay/hoi-dap-dan-chu-o-co-so/index.html",
		"to-gap/quyen-cua-nguoi-lao-dong/index.html", "ban-tin/so-12-thang-11-2026/index.html", "gioi-thieu/index.html", "css/chroma.css"} {
		if _, ok := a[p]; !ok {
			t.Errorf("sample site lacks %s", p)
		}
	}
}

func treeOf(t *testing.T, root string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	return out
}

// Without a browser, PDFs fail with a clear error and exit 1, and the
// previous site stays as it was.
func TestPDFWithoutBrowser(t *testing.T) {
	src := t.TempDir()
	tooltest.WriteFiles(t, src, map[string]string{"content/to-gap/a.md": "+++\ntitle = \"A\"\n+++\n## 1\nx\n## 2\nx\n## 3\nx\n## 4\nx\n## 5\nx\n## 6\nx\n"})
	if status, _, errOut := runCLI("build", "--source", src, "--baseURL", "https://x.vn/"); status != exitOK {
		t.Fatal(errOut)
	}
	before, _ := os.ReadFile(filepath.Join(src, "public", "index.html"))
	status, _, errOut := runCLI("pdf", "--source", src, "--chrome", "/no/such/browser")
	if status != exitContent || !strings.Contains(errOut, "apt-get install chromium") || !strings.Contains(errOut, "BANTIN_CHROME") {
		t.Errorf("status %d, stderr %q", status, errOut)
	}
	after, _ := os.ReadFile(filepath.Join(src, "public", "index.html"))
	if !bytes.Equal(before, after) || len(before) == 0 {
		t.Error("the site changed")
	}
}
