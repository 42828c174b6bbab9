package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"bantin/internal/config"
	"bantin/internal/content"
	"bantin/internal/diag"
	"bantin/internal/sitefs"
)

// kindSections maps a `bantin new` KIND to its section folder.
var kindSections = map[string]string{"article": "bai-viet", "leaflet": "to-gap", "handbook": "so-tay", "bulletin": "ban-tin"}

func runNew(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bantin new", flag.ContinueOnError)
	source := fs.String("source", ".", "the site folder")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: bantin new KIND PATH\n\nWrites content/[SECTION/]PATH with a front-matter scaffold (draft = true).\nKIND: article (bai-viet/), leaflet (to-gap/), handbook (so-tay/), bulletin (ban-tin/).\nA PATH without a folder goes into the kind's section.\n\nFlags:")
		fs.PrintDefaults()
	}
	if status, done := parseFlags(fs, args, stderr); done {
		return status
	}
	if fs.NArg() != 2 {
		fs.Usage()
		return exitUsage
	}
	kind, rel := fs.Arg(0), filepath.ToSlash(fs.Arg(1))
	section, ok := kindSections[kind]
	if !ok {
		fmt.Fprintf(stderr, "bantin new: unknown kind %q; use article, leaflet, handbook or bulletin\n", kind)
		return exitUsage
	}
	rel = strings.TrimPrefix(rel, content.Dir+"/")
	if !strings.Contains(rel, "/") {
		rel = section + "/" + rel
	}
	if !strings.HasSuffix(rel, ".md") {
		rel += ".md"
	}
	if strings.Contains("/"+rel+"/", "/../") || filepath.IsAbs(rel) {
		fmt.Fprintf(stderr, "bantin new: %s leaves content/\n", rel)
		return exitUsage
	}
	var dl diag.List
	site, err := sitefs.Open(*source)
	if err != nil {
		fmt.Fprintf(stderr, "bantin new: %v\n", err)
		return exitUsage
	}
	cfg := config.Load(site, "", &dl)
	full := filepath.Join(*source, content.Dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		fmt.Fprintf(stderr, "bantin new: %v\n", err)
		return exitContent
	}
	f, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		fmt.Fprintf(stderr, "bantin new: %v\n", err)
		return exitContent
	}
	defer f.Close()
	id, err := content.NewID()
	if err == nil {
		_, err = io.WriteString(f, content.Scaffold(kind, id, time.Now().In(cfg.Location)))
	}
	if err != nil {
		fmt.Fprintf(stderr, "bantin new: %v\n", err)
		return exitContent
	}
	fmt.Fprintf(stdout, "wrote %s\n", filepath.Join(content.Dir, filepath.FromSlash(rel)))
	return exitOK
}
