package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"bantin/internal/content"
)

// newSite writes a minimal working site into dir: a config file, the home
// page's text, one section and one published article. dir must not exist
// or be empty.
func newSite(dir string, stdout, stderr io.Writer) int {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		fmt.Fprintf(stderr, "bantin new site: %s is not empty; choose a new folder\n", dir)
		return exitUsage
	}
	id, err := content.NewID()
	if err != nil {
		fmt.Fprintf(stderr, "bantin new site: %v\n", err)
		return exitContent
	}
	for _, f := range siteFiles(id, time.Now()) {
		if err := writeNew(filepath.Join(dir, filepath.FromSlash(f.path)), f.text); err != nil {
			fmt.Fprintf(stderr, "bantin new site: %v\n", err)
			return exitContent
		}
	}
	fmt.Fprintf(stdout, "wrote a new site in %s. Next:\n  cd %s\n  bantin serve              # preview it at http://127.0.0.1:1313/\n  bantin new article \"Tiêu đề bài mới\"\n", dir, dir)
	return exitOK
}

type siteFile struct{ path, text string }

func siteFiles(id string, now time.Time) []siteFile {
	date := now.UTC().Format("2006-01-02")
	return []siteFile{
		{"config.toml", `# Cấu hình trang: xem README của bantin, mục "The config file".
title = "Bản tin Dân vận"
baseURL = "https://danvan.example.vn/"
languageCode = "vi"
timeZone = "Asia/Ho_Chi_Minh"
description = "Bản tin của Ban Dân vận."

[[menus.main]]
name = "Trang chủ"
url = "/"
weight = 1

[[menus.main]]
name = "Bài viết"
url = "/bai-viet/"
weight = 2
`},
		{"content/_index.md", "+++\ntitle = \"Bản tin Dân vận\"\n+++\nChào mừng bạn đọc đến với bản tin.\n"},
		{"content/bai-viet/_index.md", "+++\ntitle = \"Bài viết\"\n+++\n"},
		{"content/bai-viet/chao-mung.md", fmt.Sprintf(`+++
id = %q
title = "Chào mừng đến với bản tin"
date = %s
topics = ["Giới thiệu"]
+++
Đây là bài viết đầu tiên. Sửa tệp content/bai-viet/chao-mung.md và trang tự tải lại.

<!--more-->

Viết bài mới bằng lệnh `+"`bantin new article \"Tiêu đề\"`"+`.
`, id, date)},
	}
}
