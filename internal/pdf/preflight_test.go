package pdf

import (
	"bytes"
	"image"
	"image/png"
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"bantin/internal/build"
	"bantin/internal/diag"
	"bantin/internal/tooltest"
)

// A bulletin whose article asks for an image from another server, shows
// a picture of 200 pixels across the whole column, holds a block wider
// than the page and a character no web font of the site has: each is an
// error at its line, and no PDF is written.
func TestPreflightCatches(t *testing.T) {
	chrome := tooltest.Chromium(t)
	var small bytes.Buffer
	png.Encode(&small, image.NewGray(image.Rect(0, 0, 200, 100)))
	fsys := fstest.MapFS{
		"config.toml":              {Data: []byte("title = \"Thử\"\nbaseURL = \"https://danvan.example.vn/\"\n[markup]\nunsafe = true\n[print.rules.bulletin]\nrequired = []\n")},
		"content/bai-viet/anh.png": {Data: small.Bytes()},
		"content/bai-viet/a.md": {Data: []byte(`+++
id = "aaa001"
title = "Bài có lỗi in"
date = 2026-10-01
+++
Mở đầu.

## Ảnh ngoài

![Ảnh ngoài](http://127.0.0.1:9/ngoai.png)

## Ảnh nhỏ

![Ảnh nhỏ](anh.png)

## Khối rộng

<div style="width: 300mm">Khối rộng hơn trang.</div>

## Mũi tên

Quay lại ↩ đầu trang.
`)},
		"content/ban-tin/so-1.md": {Data: []byte("+++\nid = \"bt0001\"\ntitle = \"Số 1\"\ndate = 2026-10-02\narticles = [\"bai-viet/a.md\"]\n+++\nSố thử.\n")},
	}
	published := printSite(t, chrome, fsys, false)
	got := errorsOf(published)
	all := strings.Join(got, "\n")
	for _, want := range []string{
		"content/bai-viet/a.md:10:14: error: the print edition asks for http://127.0.0.1:9/ngoai.png",
		"content/bai-viet/a.md:12:1: error: image anh-200.png prints at 96 ppi", // the copy it printed: anh.png is 200 pixels wide
		"content/bai-viet/a.md:16:1: error: <div> “Khối rộng hơn trang.” is 124 mm wider than its 176 mm column",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("missing %q in:\n%s", want, all)
		}
	}
	if len(got) != 3 {
		t.Errorf("want 3 errors, got %d:\n%s", len(got), all)
	}
	if len(published.Files) != 0 {
		t.Errorf("PDFs written despite errors: %d", len(published.Files))
	}
}

// A character that none of the site's web fonts has is printed by
// Chromium in a font of the machine it runs on: the preflight names it.
func TestPreflightFindsHostFonts(t *testing.T) {
	chrome := tooltest.Chromium(t)
	fsys := fstest.MapFS{
		"config.toml":             {Data: []byte("title = \"Thử\"\nbaseURL = \"https://danvan.example.vn/\"\n[print.rules.bulletin]\nrequired = []\n")},
		"content/bai-viet/a.md":   {Data: []byte("+++\nid = \"aaa001\"\ntitle = \"Bài\"\ndate = 2026-10-01\n+++\nQuay lại ↩ đầu trang.\n")},
		"content/ban-tin/so-1.md": {Data: []byte("+++\nid = \"bt0001\"\ntitle = \"Số 1\"\ndate = 2026-10-02\narticles = [\"bai-viet/a.md\"]\n+++\nSố thử.\n")},
	}
	err := printSite(t, chrome, fsys, false).Diags.Err()
	if err == nil || !strings.Contains(err.Error(), "content/ban-tin/so-1.md:1:1: error: ban-tin/so-1/so-1.pdf: fonts of the printing machine, not of the site:") {
		t.Errorf("want a host-font error, got %v", err)
	}
}

// A bulletin longer than its licence allows (config maxPages) is refused.
func TestPreflightMaxPages(t *testing.T) {
	chrome := tooltest.Chromium(t)
	fsys := fstest.MapFS{
		"config.toml":             {Data: []byte("title = \"Thử\"\nbaseURL = \"https://danvan.example.vn/\"\n[print.rules.bulletin]\nrequired = []\nmaxPages = 2\n")},
		"content/bai-viet/a.md":   {Data: []byte("+++\nid = \"aaa001\"\ntitle = \"Bài\"\ndate = 2026-10-01\n+++\n" + strings.Repeat("Cán bộ dân vận đến từng nhà, nghe dân nói. ", 400) + "\n")},
		"content/ban-tin/so-1.md": {Data: []byte("+++\nid = \"bt0001\"\ntitle = \"Số 1\"\ndate = 2026-10-02\narticles = [\"bai-viet/a.md\"]\n+++\nSố thử.\n")},
	}
	err := printSite(t, chrome, fsys, false).Diags.Err()
	if err == nil || !regexp.MustCompile(`content/ban-tin/so-1.md:\d+:1: error: ban-tin/so-1/so-1.pdf: \d+ pages, more than the 2 its licence allows`).MatchString(err.Error()) {
		t.Errorf("want a page-count error, got %v", err)
	}
}

// printSite builds a site (with its print editions, for the press when
// press is set) and prints them, failing the test on build errors.
func printSite(t *testing.T, chrome string, fsys fs.FS, press bool) Result {
	t.Helper()
	res := build.Build(fsys, build.Options{PDF: true, Press: press, Now: time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)})
	if err := res.Diags.Err(); err != nil {
		t.Fatal(err)
	}
	published, err := Publish(res.Site, res.Files, Options{Chrome: chrome})
	if err != nil {
		t.Fatal(err)
	}
	return published
}

// errorsOf returns the errors of a Publish run, one line each.
func errorsOf(r Result) []string {
	var out []string
	for _, d := range r.Diags.Items() {
		if d.Severity == diag.Error {
			out = append(out, d.String())
		}
	}
	return out
}
