package site

import (
	"fmt"
	"path"
	"strings"

	"bantin/internal/vi"
)

// checkSlug returns the slug of a slug front-matter value.
func checkSlug(raw string) (string, error) {
	if strings.ContainsAny(raw, `/\`) || raw == "." || raw == ".." {
		return "", fmt.Errorf("slug %q must be one URL segment: no / and no ..", raw)
	}
	s := vi.Slug(raw)
	if s == "" {
		return "", fmt.Errorf("slug %q has no letters or digits to make a URL from", raw)
	}
	return s, nil
}

// maxSegment is the longest URL segment, in bytes: a segment is a folder
// name on disk, and file systems allow 255 bytes (output.NameMax).
const maxSegment = 255

// checkURLPath validates a url or alias value and returns it root-relative
// with a trailing slash unless it names a file ("/404.html").
func checkURLPath(raw, key string) (string, error) {
	if strings.Contains(raw, "://") || strings.HasPrefix(raw, "//") {
		return "", fmt.Errorf("%s %q must be a path on this site, not a full URL", key, raw)
	}
	if strings.ContainsAny(raw, "\\?#\x00") {
		return "", fmt.Errorf("%s %q may not hold \\, ?, # or NUL", key, raw)
	}
	for _, seg := range strings.Split(raw, "/") {
		if seg == ".." || seg == "." {
			return "", fmt.Errorf("%s %q has a %q segment; it would leave the site", key, raw, seg)
		}
		if len(seg) > maxSegment {
			return "", fmt.Errorf("%s %.40q… has a %d-byte segment; file systems allow %d bytes in a file name", key, raw, len(seg), maxSegment)
		}
		if strings.HasPrefix(seg, ".") {
			return "", fmt.Errorf("%s %q has a segment %q that starts with a dot: such files are hidden, and .bantin-output marks the output folder", key, raw, seg)
		}
	}
	p := path.Clean("/" + raw)
	if p == "/" {
		return "", fmt.Errorf("%s %q is the home page's URL", key, raw)
	}
	if strings.HasSuffix(raw, "/") || path.Ext(p) == "" {
		p += "/" // "/van-ban/nghi-quyet-01.2022/" is a folder, not a file named .2022
	}
	return p, nil
}

// aliasURL returns the root-relative URL of an alias of the page at
// pageURL, as Hugo reads it: "/old/x/" is site-relative; "old-name" and
// "../old/path" are page-relative, from the folder the page's URL is in
// (for /tin/moi/, "cu" is /tin/cu/). An alias may not leave the site.
func aliasURL(raw, pageURL string) (string, error) {
	if strings.HasPrefix(raw, "/") || strings.Contains(raw, "://") {
		return checkURLPath(raw, "alias")
	}
	dir := path.Dir(strings.Trim(pageURL, "/"))
	if dir == "." {
		dir = ""
	}
	joined := path.Join(dir, raw)
	if joined == ".." || strings.HasPrefix(joined, "../") {
		return "", fmt.Errorf("alias %q has a \"..\" segment; it would leave the site", raw)
	}
	if strings.HasSuffix(raw, "/") {
		joined += "/"
	}
	return checkURLPath(joined, "alias")
}

// outPath returns the file a root-relative URL is written to.
func outPath(url string) string {
	rel := strings.TrimPrefix(url, "/")
	if rel == "" || strings.HasSuffix(rel, "/") {
		return rel + "index.html"
	}
	return rel
}

// slugPath slugifies every segment of a content-relative folder path.
func slugPath(dir string) string {
	if dir == "." || dir == "" {
		return ""
	}
	parts := strings.Split(dir, "/")
	for i, p := range parts {
		if s := vi.Slug(p); s != "" {
			parts[i] = s
		}
	}
	return strings.Join(parts, "/")
}

// checkImage validates an image front-matter value: a file of the page's
// bundle ("anh.png"), a site path ("/anh/logo.png") or an http(s) URL.
func checkImage(raw string) error {
	if raw == "" {
		return nil
	}
	if scheme, _, ok := strings.Cut(raw, "://"); ok {
		if scheme != "http" && scheme != "https" {
			return fmt.Errorf("image %q must be a file of the page, a path on this site or an http(s) URL", raw)
		}
		return nil
	}
	if strings.ContainsAny(raw, "\\?#\x00") || strings.HasPrefix(raw, "//") || strings.Contains(raw, ":") {
		return fmt.Errorf("image %q must be a file of the page, a path on this site or an http(s) URL", raw)
	}
	for _, seg := range strings.Split(raw, "/") {
		if seg == ".." || seg == "." {
			return fmt.Errorf("image %q has a %q segment: name a file of the page or a path from the site root", raw, seg)
		}
	}
	return nil
}
