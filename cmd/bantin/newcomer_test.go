package main

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"bantin/internal/tooltest"
)

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestNewFromTitle(t *testing.T) {
	src := t.TempDir()
	status, out, errOut := runCLI("new", "--source", src, "article", "Dân vận khéo ở phường 5")
	if status != exitOK {
		t.Fatalf("status %d: %s", status, errOut)
	}
	p := filepath.Join(src, "content", "bai-viet", "dan-van-kheo-o-phuong-5.md")
	if !strings.Contains(out, filepath.Join("content", "bai-viet", "dan-van-kheo-o-phuong-5.md")) {
		t.Errorf("output %q", out)
	}
	if body := readFile(t, p); !strings.Contains(body, `title = "Dân vận khéo ở phường 5"`) || strings.Contains(body, "type =") {
		t.Errorf("scaffold:\n%s", body)
	}
	// The scaffold lists the site's own taxonomies (Hugo's form here).
	src = t.TempDir()
	tooltest.WriteFiles(t, src, map[string]string{"hugo.toml": "baseURL = \"https://x.vn/\"\n[taxonomies]\ntag = \"tags\"\ncategory = \"categories\"\n"})
	if status, _, errOut := runCLI("new", "--source", src, "article", "Bài thứ hai"); status != exitOK {
		t.Fatal(errOut)
	}
	if body := readFile(t, filepath.Join(src, "content", "bai-viet", "bai-thu-hai.md")); !strings.Contains(body, "categories = []\ntags = []\n") || strings.Contains(body, "topics") {
		t.Errorf("scaffold:\n%s", body)
	}
	if status, _, errOut := runCLI("build", "--source", src, "-D"); status != exitOK || errOut != "" {
		t.Errorf("the scaffolds do not build cleanly: %d %s", status, errOut)
	}
	if status, _, _ := runCLI("new", "--source", src, "article", "!!!"); status != exitUsage {
		t.Errorf("a title without letters: %d", status)
	}
}

// A page put outside its kind's section keeps its kind.
func TestNewKeepsKind(t *testing.T) {
	src := t.TempDir()
	if status, _, errOut := runCLI("new", "--source", src, "article", "tin/sub.md"); status != exitOK {
		t.Fatal(errOut)
	}
	if body := readFile(t, filepath.Join(src, "content", "tin", "sub.md")); !strings.Contains(body, `type = "article"`) {
		t.Errorf("scaffold:\n%s", body)
	}
	status, out, errOut := runCLI("build", "--source", src, "-D", "--baseURL", "https://x.vn/")
	if status != exitOK || !strings.Contains(out, "(1 article)") {
		t.Errorf("status %d, out %q, err %q", status, out, errOut)
	}
}

func TestVersion(t *testing.T) {
	status, out, errOut := runCLI("version", "--help")
	if status != exitOK || out != "" || !strings.Contains(errOut, "Usage: bantin version") {
		t.Errorf("version --help: %d %q %q", status, out, errOut)
	}
	info := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "bantin", Version: "v1.2.0"},
		Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "4a52860c1e2f5d0e9b"}, {Key: "vcs.time", Value: "2026-12-03T09:00:00Z"}, {Key: "vcs.modified", Value: "true"}}}
	if got, want := versionLine(info), "bantin v1.2.0 (revision 4a52860c1e2f with local changes, 2026-12-03T09:00:00Z) go1.26.8"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := versionLine(&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}}); got != "bantin (devel) go1.26.8" {
		t.Errorf("devel: %q", got)
	}
}

func TestEmptyFolder(t *testing.T) {
	src := t.TempDir()
	for _, cmd := range []string{"build", "serve"} {
		status, _, errOut := runCLI(cmd, "--source", src)
		want := "bantin: no content/ in " + src + ": run `bantin new site DIR` to start a site, or point --source at one\n"
		if status != exitContent || errOut != want {
			t.Errorf("%s: status %d, stderr %q", cmd, status, errOut)
		}
	}
}

func TestBusyPort(t *testing.T) {
	src := t.TempDir()
	tooltest.WriteFiles(t, src, map[string]string{"content/a.md": "+++\ntitle = \"A\"\n+++\n"})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	status, _, errOut := runCLI("serve", "--source", src, "--port", fmt.Sprint(port))
	if status != exitContent || !strings.Contains(errOut, fmt.Sprintf("port %d is already in use", port)) || !strings.Contains(errOut, "--port 0") {
		t.Errorf("status %d, stderr %q", status, errOut)
	}
}

func TestServePath(t *testing.T) {
	src := t.TempDir()
	tooltest.WriteFiles(t, src, map[string]string{"config.toml": "baseURL = \"https://x.vn/ban-tin/\"\n"})
	for flagURL, want := range map[string]string{"": "/ban-tin/", "/danvan/": "/danvan/", "/danvan": "/danvan/", "https://example.vn/danvan/": "/danvan/", "https://example.vn": "/", "/": "/"} {
		got, err := servePath(src, flagURL)
		if err != nil || got != want {
			t.Errorf("%q: got %q, %v; want %q", flagURL, got, err, want)
		}
	}
	if _, err := servePath(src, "danvan"); err == nil {
		t.Error("a relative path was accepted")
	}
	status, _, errOut := runCLI("build", "--source", src, "--baseURL", "/danvan/")
	if status != exitUsage || !strings.Contains(errOut, "--baseURL \"/danvan/\" must be an absolute URL") || strings.Contains(errOut, "config.toml") {
		t.Errorf("build with a path-only baseURL: %d %q", status, errOut)
	}
}

func TestMinify(t *testing.T) {
	src := t.TempDir()
	tooltest.WriteFiles(t, src, map[string]string{"content/bai-viet/a.md": "+++\nid = \"aaaa\"\ntitle = \"Bài A\"\ndate = 2022-01-21\n+++\nXin chào.\n"})
	for _, args := range [][]string{{"--destination", "plain"}, {"--destination", "small", "--minify"}} {
		if status, _, errOut := runCLI(append([]string{"build", "--source", src, "--baseURL", "https://x.vn/"}, args...)...); status != exitOK {
			t.Fatal(errOut)
		}
	}
	plain := readFile(t, filepath.Join(src, "plain", "bai-viet", "a", "index.html"))
	small := readFile(t, filepath.Join(src, "small", "bai-viet", "a", "index.html"))
	// The theme's markup is already compact (its scripts lowered and
	// minified by the build): minifying the HTML takes out whitespace and
	// optional quotes, about a tenth.
	if len(small) >= len(plain)*95/100 || strings.Count(small, "\n") >= strings.Count(plain, "\n")/2 || !strings.Contains(small, "Xin chào.") || !strings.Contains(small, "</html>") {
		t.Errorf("minified %d bytes (%d lines) from %d (%d lines)", len(small), strings.Count(small, "\n"), len(plain), strings.Count(plain, "\n"))
	}
	css, _ := filepath.Glob(filepath.Join(src, "small", "css", "*.css"))
	if len(css) == 0 || strings.Count(readFile(t, css[0]), "\n") > 2 {
		t.Errorf("css not minified: %v", css)
	}
}

func TestNewSiteBuilds(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "trang")
	if status, out, errOut := runCLI("new", "site", dir); status != exitOK || !strings.Contains(out, "bantin serve") {
		t.Fatalf("status %d: %s %s", status, out, errOut)
	}
	status, out, errOut := runCLI("build", "--source", dir)
	if status != exitOK || errOut != "" || !strings.Contains(out, "(1 article)") {
		t.Errorf("status %d, out %q, stderr %q", status, out, errOut)
	}
	if status, _, _ := runCLI("new", "site", dir); status != exitUsage {
		t.Errorf("a non-empty folder was reused: %d", status)
	}
}

// Ten thousand pages without ids print one warning line, not ten
// thousand, and an error is printed after it.
func TestWarningsGrouped(t *testing.T) {
	const pages = 1000
	src := t.TempDir()
	files := map[string]string{"config.toml": "baseURL = \"https://x.vn/\"\n"}
	for i := 0; i < pages; i++ {
		files[fmt.Sprintf("content/bai-viet/p%04d.md", i)] = fmt.Sprintf("+++\ntitle = \"Bài %d\"\ndate = 2022-01-21\noutputs = [\"html\"]\ntieu_de = \"x\"\n+++\nXin chào.\n", i)
	}
	tooltest.WriteFiles(t, src, files)
	status, _, errOut := runCLI("build", "--source", src)
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	if status != exitOK || len(lines) != 3 {
		t.Fatalf("status %d, %d lines:\n%s", status, len(lines), errOut)
	}
	if !strings.Contains(errOut, "[and 999 more like it: content/bai-viet/p0001.md:") || !strings.Contains(errOut, `front-matter key "outputs" is Hugo's; bantin does not use it (ignored in this file and 999 others)`) {
		t.Errorf("grouped:\n%s", errOut)
	}
	tooltest.WriteFiles(t, src, map[string]string{"content/bai-viet/p0500.md": "+++\ntitle = \"Hỏng\"\n+++\n[x](khong-co.md)\n"})
	status, _, errOut = runCLI("build", "--source", src)
	lines = strings.Split(strings.TrimSpace(errOut), "\n")
	if status != exitContent || !strings.Contains(lines[len(lines)-2], "p0500.md:4:2: error: broken link") {
		t.Errorf("the error is not last:\n%s", errOut)
	}
	if status, _, errOut = runCLI("build", "--source", src, "--quiet"); strings.Contains(errOut, "warning") {
		t.Errorf("--quiet printed warnings:\n%s", errOut)
	}
	if status, _, errOut = runCLI("build", "--source", src, "--verbose"); strings.Count(errOut, "warning: no id") != pages {
		t.Errorf("--verbose printed %d id warnings", strings.Count(errOut, "warning: no id"))
	}
}

func TestFixIDs(t *testing.T) {
	src := t.TempDir()
	orig := map[string]string{
		"content/bai-viet/toml.md":   "+++\r\ntitle = \"TOML\"\r\ndate = 2022-01-21\r\n+++\r\nThân bài.\r\n",
		"content/bai-viet/yaml.md":   "---\ntitle: YAML\ndate: 2022-01-21\n---\nThân bài.\n",
		"content/bai-viet/json.md":   "{\n  \"title\": \"JSON\",\n  \"date\": \"2022-01-21\"\n}\nThân bài.\n",
		"content/bai-viet/co-id.md":  "+++\nid = \"coid\"\ntitle = \"Có id\"\ndate = 2022-01-21\n+++\n",
		"content/bai-viet/_index.md": "+++\ntitle = \"Bài viết\"\n+++\n",
	}
	tooltest.WriteFiles(t, src, orig)
	_, _, before := runCLI("build", "--source", src, "--baseURL", "https://x.vn/", "--verbose")
	if !strings.Contains(before, `yaml.md:1:1: warning: no id: the QR code and short link change if this file is renamed; add id: "`) {
		t.Errorf("the YAML hint is not YAML:\n%s", before)
	}
	status, out, errOut := runCLI("fix", "ids", "--source", src)
	if status != exitOK || !strings.Contains(out, "added an id to 3 files") {
		t.Fatalf("status %d: %s %s", status, out, errOut)
	}
	toml := readFile(t, filepath.Join(src, "content/bai-viet/toml.md"))
	yaml := readFile(t, filepath.Join(src, "content/bai-viet/yaml.md"))
	if !strings.HasPrefix(toml, "+++\r\nid = \"p") || strings.Replace(toml, toml[5:5+len(`id = "p1234567890a"`)+2], "", 1) == toml {
		t.Errorf("toml:\n%q", toml)
	}
	json := readFile(t, filepath.Join(src, "content/bai-viet/json.md"))
	if !strings.HasPrefix(json, "{\n  \"id\": \"") {
		t.Errorf("json:\n%q", json)
	}
	for name, got := range map[string]string{"toml.md": toml, "yaml.md": yaml, "json.md": json} {
		lines := strings.SplitAfterN(got, "\n", 3)
		if lines[0]+lines[2] != orig["content/bai-viet/"+name] {
			t.Errorf("%s changed beyond its id line:\n%q", name, got)
		}
	}
	if !strings.HasPrefix(yaml, "---\nid: \"") {
		t.Errorf("yaml:\n%q", yaml)
	}
	for _, untouched := range []string{"content/bai-viet/co-id.md", "content/bai-viet/_index.md"} {
		if readFile(t, filepath.Join(src, untouched)) != orig[untouched] {
			t.Errorf("%s was changed", untouched)
		}
	}
	// The ids written are those the build used: the short links stay.
	for _, line := range strings.Split(before, "\n") {
		if i := strings.Index(line, `id = "`); i >= 0 && strings.HasPrefix(line, "content/bai-viet/toml.md") {
			id := line[i : i+len(`id = "`)+strings.Index(line[i+len(`id = "`):], `"`)+1]
			if !strings.Contains(toml, id) {
				t.Errorf("toml.md got another id than the build's %s", id)
			}
		}
	}
	_, _, after := runCLI("build", "--source", src, "--baseURL", "https://x.vn/")
	if strings.Contains(after, "no id") {
		t.Errorf("ids still missing:\n%s", after)
	}
	if _, out, _ := runCLI("fix", "ids", "--source", src); !strings.Contains(out, "added an id to 0 files") {
		t.Errorf("second run: %s", out)
	}
}

// Hugo's forms, new content PATH and new PATH, make a page of its folder's
// kind.
func TestNewHugoForms(t *testing.T) {
	src := t.TempDir()
	for _, args := range [][]string{{"content", "posts/hello.md"}, {"so-tay/hoi-dap.md"}, {"content", "gioi-thieu.md"}} {
		if status, _, errOut := runCLI(append([]string{"new", "--source", src}, args...)...); status != exitOK {
			t.Fatalf("new %v: %s", args, errOut)
		}
	}
	posts := readFile(t, filepath.Join(src, "content", "posts", "hello.md"))
	if strings.Contains(posts, "type =") || strings.Contains(posts, "[print]") || !strings.Contains(posts, `title = "Tiêu đề"`) {
		t.Errorf("posts/hello.md:\n%s", posts)
	}
	if hb := readFile(t, filepath.Join(src, "content", "so-tay", "hoi-dap.md")); !strings.Contains(hb, "## Câu 1.") || strings.Contains(hb, "type =") {
		t.Errorf("so-tay/hoi-dap.md is not a handbook:\n%s", hb)
	}
	readFile(t, filepath.Join(src, "content", "gioi-thieu.md"))
	status, out, errOut := runCLI("build", "--source", src, "-D", "--baseURL", "https://x.vn/")
	if status != exitOK || !strings.Contains(out, "1 handbook") || !strings.Contains(out, "1 posts") {
		t.Errorf("status %d, out %q, err %q", status, out, errOut)
	}
	if status, _, _ := runCLI("new", "--source", src, "hello"); status != exitUsage {
		t.Errorf("new with a bare word: %d", status)
	}
}

// Hugo's flag names work: -s, -d, -b, -D, -F, --buildDrafts.
func TestHugoFlagNames(t *testing.T) {
	src := t.TempDir()
	tooltest.WriteFiles(t, src, map[string]string{
		"content/bai-viet/nhap.md":      "+++\nid = \"nhap\"\ntitle = \"Nháp\"\ndate = 2022-01-21\ndraft = true\n+++\n",
		"content/bai-viet/tuong-lai.md": "+++\nid = \"tlai\"\ntitle = \"Tương lai\"\ndate = 2999-01-01\n+++\n",
	})
	status, out, errOut := runCLI("build", "-s", src, "-d", "ra", "-b", "https://x.vn/", "-D", "-F")
	if status != exitOK || !strings.Contains(out, "built 2 pages") {
		t.Fatalf("status %d, out %q, err %q", status, out, errOut)
	}
	readFile(t, filepath.Join(src, "ra", "bai-viet", "tuong-lai", "index.html"))
	if status, out, _ := runCLI("build", "--source", src, "--buildDrafts", "--baseURL", "https://x.vn/"); status != exitOK || !strings.Contains(out, "built 1 pages") {
		t.Errorf("--buildDrafts: %d %q", status, out)
	}
}

// A folder is not a page: "new article bai-viet/" wrote content/bai-viet/.md,
// a file the build ignores.
func TestNewRefusesAFolder(t *testing.T) {
	src := t.TempDir()
	status, _, errOut := runCLI("new", "--source", src, "article", "bai-viet/")
	if status != exitUsage || !strings.Contains(errOut, `"bai-viet/" is a folder`) {
		t.Errorf("status %d, %s", status, errOut)
	}
	if _, err := os.Stat(filepath.Join(src, "content", "bai-viet", ".md")); err == nil {
		t.Error("wrote content/bai-viet/.md")
	}
}
