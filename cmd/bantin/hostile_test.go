package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"

	"bantin/internal/tooltest"
)

// hostileSite adds to a site that built once every hostile input the
// build must refuse, each as its own positioned error, and returns the
// lines stderr must hold.
func hostileSite(t *testing.T, src, outside string) []string {
	t.Helper()
	link := func(target, name string) {
		if err := os.Symlink(target, filepath.Join(src, name)); err != nil {
			t.Fatal(err)
		}
	}
	tooltest.WriteFiles(t, src, map[string]string{
		"content/chung/x.md": "+++\ntitle = \"X\"\n+++\n",
	})
	link(outside, "content/bai-viet/link.md")
	link("/etc/passwd", "content/bai-viet/p.txt")
	link("/etc/passwd", "static/passwd")
	link("/dev/zero", "content/bai-viet/z.md")
	link(outside, "layouts/x.html")
	link("../chung", "content/bai-viet/chung") // inside the site: followed
	if err := syscall.Mkfifo(filepath.Join(src, "content/bai-viet/fifo.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	tooltest.WriteFiles(t, src, map[string]string{
		"config.toml":                  "baseURL = \"https://x.vn/\"\n[qr]\ndpi = 100000000\nsizeMM = inf\n[related]\ncount = 9223372036854775807\n",
		"content/bai-viet/marker.md":   "+++\ntitle = \"M\"\nurl = \"/.bantin-output/\"\n+++\n",
		"content/bai-viet/anh.md":      "+++\ntitle = \"Ả\"\nimage = \"../../../../etc/passwd\"\n+++\n",
		"content/bai-viet/sau.md":      "+++\ntitle = \"S\"\n+++\n" + deepList(2000),
		"content/bai-viet/ngoac.md":    "+++\ntitle = \"N\"\n+++\n" + strings.Repeat("[a](", 50000) + "\n",
		"content/bai-viet/yaml.md":     "---\ntitle: a\n  tags: [x\n---\n",
		"content/bai-viet/dai.md":      "+++\ntitle = \"" + strings.Repeat("Tăng cường ", 29) + "\"\nurl = \"/" + strings.Repeat("a", 300) + "/\"\n+++\n",
		"content/bai-viet/dai-2.md":    "+++\ntitle = \"" + strings.Repeat("Tăng cường ", 29) + "\"\n+++\n",
		"content/bai-viet/nam.md":      "+++\ntitle = \"Năm\"\ndate = 0000-01-01\n+++\n",
		"layouts/_default/single.html": "{{ define \"main\" }}\n<h1>{{ .Title }</h1>\n{{ end }}\n",
	})
	return []string{
		"config.toml:3:1: error: qr.dpi = 100000000 is out of range",
		"config.toml:4:1: error: qr.sizeMM = +Inf is out of range",
		"config.toml:6:1: error: related.count = 9223372036854775807 is out of range",
		"content/bai-viet/marker.md:3:1: error: url \"/.bantin-output/\" has a segment",
		"content/bai-viet/anh.md:3:1: error: image \"../../../../etc/passwd\" has a \"..\" segment",
		"content/bai-viet/sau.md:205:1: error: this line is indented 402 columns",
		"content/bai-viet/ngoac.md:4:1: error: this paragraph holds more than 10000",
		"content/bai-viet/yaml.md:3:3: error: invalid YAML",
		"content/bai-viet/dai.md:3:1: error: url \"/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"… has a 300-byte segment",
		"content/bai-viet/nam.md:3:1: error: date: the year 0 is out of range",
		"layouts/_default/single.html:2:15: error: unexpected \"}\" in operand",
		"content/bai-viet/fifo.md: error: not a regular file (a named pipe)",
		"content/bai-viet/link.md: error: symlink leads outside the site folder",
		"content/bai-viet/p.txt: error: symlink leads outside the site folder",
		"content/bai-viet/z.md: error: symlink leads outside the site folder",
		"layouts/x.html: error: symlink leads outside the site folder",
		"static/passwd: error: symlink leads outside the site folder",
	}
}

// A build of a site holding every hostile input at once reports each as
// its own positioned error in one run, exits 1, leaves the old output
// byte-identical and writes nothing else.
func TestHostileSiteFailsWholeAndCleanly(t *testing.T) {
	top := t.TempDir()
	src := filepath.Join(top, "site")
	outside := filepath.Join(top, "outside.md")
	tooltest.WriteFiles(t, top, map[string]string{
		"outside.md":                 "+++\ntitle = \"Bí mật\"\n+++\nbí mật\n",
		"site/content/bai-viet/a.md": "+++\ntitle = \"A\"\n+++\nXin chào.\n",
		"site/static/robots.txt":     "User-agent: *\n",
		"site/layouts/.keep":         "",
		"site/config.toml":           "baseURL = \"https://x.vn/\"\n",
	})
	if status, _, errOut := runCLI("build", "--source", src, "--baseURL", "https://x.vn/"); status != exitOK {
		t.Fatalf("first build: %d %s", status, errOut)
	}
	before, names := treeOf(t, filepath.Join(src, "public")), dirNames(t, top, src)
	want := hostileSite(t, src, outside)
	done := make(chan struct{})
	var status int
	var errOut string
	go func() {
		status, _, errOut = runCLI("build", "--source", src, "--baseURL", "https://x.vn/")
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("the build hangs")
	}
	if status != exitContent {
		t.Errorf("status %d, want %d", status, exitContent)
	}
	for _, line := range want {
		if !strings.Contains(errOut, line) {
			t.Errorf("stderr lacks %q", line)
		}
	}
	if strings.Contains(errOut, "Bí mật") || strings.Contains(errOut, "root:") {
		t.Errorf("stderr shows what lies outside the site:\n%s", errOut)
	}
	if after := treeOf(t, filepath.Join(src, "public")); !reflect.DeepEqual(before, after) {
		t.Errorf("the failed build changed the previous output: %d files before, %d after", len(before), len(after))
	}
	if after := dirNames(t, top, src); !reflect.DeepEqual(names, after) {
		t.Errorf("the failed build wrote beside the output: %q, then %q", names, after)
	}
	t.Logf("stderr:\n%s", errOut)
}

// dirNames lists the entries of the given folders.
func dirNames(t *testing.T, dirs ...string) []string {
	t.Helper()
	var out []string
	for _, d := range dirs {
		entries, err := os.ReadDir(d)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			out = append(out, filepath.Join(d, e.Name()))
		}
	}
	return out
}

// A destination inside a folder the build reads would nest the output in
// itself on every build; it is refused before anything is read.
func TestBuildRefusesDestinationInsideSources(t *testing.T) {
	src := t.TempDir()
	tooltest.WriteFiles(t, src, map[string]string{"content/a.md": "+++\ntitle = \"A\"\n+++\n", "static/x.css": "a{}"})
	if err := os.Symlink("static", filepath.Join(src, "tinh")); err != nil {
		t.Fatal(err)
	}
	for _, dest := range []string{"static/out", "content/out", "layouts/out", "content", "tinh/out"} {
		status, _, errOut := runCLI("build", "--source", src, "--destination", dest)
		if status != exitUsage || !strings.Contains(errOut, "lies inside the site's") {
			t.Errorf("--destination %s: status %d: %s", dest, status, errOut)
		}
	}
	if _, err := os.Stat(filepath.Join(src, "static", "out")); !os.IsNotExist(err) {
		t.Error("static/out was written")
	}
}

// A destination that is a symbolic link to an earlier output stays a link.
func TestBuildKeepsDestinationLink(t *testing.T) {
	src := t.TempDir()
	tooltest.WriteFiles(t, src, map[string]string{"content/a.md": "+++\ntitle = \"A\"\n+++\n"})
	if status, _, errOut := runCLI("build", "--source", src, "--destination", "v1"); status != exitOK {
		t.Fatalf("%d %s", status, errOut)
	}
	if err := os.Symlink("v1", filepath.Join(src, "public")); err != nil {
		t.Fatal(err)
	}
	if status, _, errOut := runCLI("build", "--source", src); status != exitOK {
		t.Fatalf("%d %s", status, errOut)
	}
	if info, err := os.Lstat(filepath.Join(src, "public")); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("public is no longer a link: %v", err)
	}
	if _, err := os.Stat(filepath.Join(src, "v1", "a", "index.html")); err != nil {
		t.Error(err)
	}
}

func deepList(depth int) string {
	var b strings.Builder
	for i := range depth {
		b.WriteString(strings.Repeat("  ", i) + "- mục\n")
	}
	return b.String()
}
