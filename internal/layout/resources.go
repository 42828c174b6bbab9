package layout

import (
	"fmt"
	"html/template"
	"image"
	_ "image/gif" // image.DecodeConfig reads their headers
	_ "image/jpeg"
	_ "image/png"
	"io/fs"
	"mime"
	"path"
	"strings"

	"bantin/internal/config"
	"bantin/internal/content"
	"bantin/internal/imaging"
	"bantin/internal/site"
	"bantin/internal/vi"

	_ "golang.org/x/image/webp"
)

// Image is a picture a shortcode shows: the file's URL and pixel size, and
// the copies to offer the browser (srcset). Without image processing the
// one copy is the original file; with it (internal/imaging), URL is the
// fallback copy an old browser loads, Copies the WebP and fallback copies
// and Print the copy print editions load.
type Image struct {
	URL, Type     string // Type: "image/jpeg"
	Width, Height int    // 0 when unknown (an external URL)
	Copies        []ImageCopy
	Print         *ImageCopy // nil without image processing
}

// ImageCopy is one published copy of an image.
type ImageCopy struct {
	URL, Type     string
	Width, Height int
}

// Srcset is the copies of type typ ("" for all) as a srcset value.
func (im *Image) Srcset(typ string) string {
	var parts []string
	for _, c := range im.Copies {
		if (typ == "" || c.Type == typ) && c.Width > 0 {
			parts = append(parts, fmt.Sprintf("%s %dw", c.URL, c.Width))
		}
	}
	return strings.Join(parts, ", ")
}

// File is a document or media file a shortcode links to, or an attachment.
type File struct {
	Name, URL, Permalink string
	Type                 string // MIME type
	Kind                 string // what readers call it: "PDF", "Word", "MP4"
	Size                 int64  // 0 when unknown (an external URL)
	SizeText             string // "1,2 MB"
}

// fileFuncs are the template functions that read the site's files
// (blockImage, fileInfo, attachments) and the shortcodes' helpers (errorf,
// cond, youtubeID).
func fileFuncs(fsys fs.FS, cfg *config.Config) template.FuncMap {
	files := siteFiles{fsys: fsys, cfg: cfg}
	return template.FuncMap{
		"blockImage": files.blockImage, "fileInfo": files.fileInfo, "attachments": files.attachments,
		"errorf":    func(format string, args ...any) (string, error) { return "", callErrorf(format, args...) },
		"cond":      func(c bool, a, b any) any { return map[bool]any{true: a, false: b}[c] },
		"youtubeID": youtubeID,
		"youtubeStart": func(s string) bool {
			return s != "" && len(s) <= 6 && strings.Trim(s, "0123456789") == ""
		},
	}
}

// youtubeID checks a YouTube video id: eleven letters, digits, - or _.
func youtubeID(id string) (string, error) {
	ok := len(id) == 11
	for _, c := range id {
		ok = ok && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')
	}
	if !ok {
		return "", callErrorf("%q is not a YouTube video id (eleven letters, digits, - or _, as in youtube.com/watch?v=ID)", id)
	}
	return id, nil
}

type siteFiles struct {
	fsys fs.FS
	cfg  *config.Config
}

// locate finds what src names from page: its path in the site ("" for an
// external URL) and its URL. A relative path is a file of the page's
// folder; a root-relative one is under static/, else content/.
func (s siteFiles) locate(page *ShortcodePage, src string) (file, url string, err error) {
	switch {
	case src == "":
		return "", "", callErrorf("no file named")
	case strings.Contains(src, "://"):
		return "", src, nil
	case strings.HasPrefix(src, "/"):
		for _, dir := range []string{"static", content.Dir} {
			f := path.Join(dir, src)
			if st, err := fs.Stat(s.fsys, f); err == nil && !st.IsDir() {
				return f, s.cfg.RelURL(src), nil
			}
		}
		return "", "", callErrorf("%s: no such file under static/ or content/", src)
	}
	url, err = page.resolve(src)
	if err != nil {
		return "", "", callErrorf("%s: %v", src, err)
	}
	return path.Join(content.Dir, path.Dir(page.rel), src), url, nil
}

// blockImage is the Image src names from page.
func (s siteFiles) blockImage(page *ShortcodePage, src string) (*Image, error) {
	if page.images != nil && src != "" && !strings.Contains(src, "://") && !strings.HasPrefix(src, "/") {
		set, err := page.images(src)
		if err != nil {
			return nil, callErrorf("%s: %v", src, err)
		}
		if set != nil {
			return processedImage(set), nil
		}
	}
	file, url, err := s.locate(page, src)
	if err != nil {
		return nil, err
	}
	im := &Image{URL: url, Type: mimeType(strings.ToLower(path.Ext(src)))}
	if file != "" {
		f, err := s.fsys.Open(file)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		conf, _, err := image.DecodeConfig(f)
		if err != nil {
			return nil, callErrorf("%s: not an image bantin can read (JPEG, PNG, GIF, WebP): %v", src, err)
		}
		im.Width, im.Height = conf.Width, conf.Height
	}
	im.Copies = []ImageCopy{{URL: im.URL, Type: im.Type, Width: im.Width, Height: im.Height}}
	return im, nil
}

// processedImage is the Image of a set of processed copies.
func processedImage(set *imaging.Set) *Image {
	if len(set.Copies) == 0 { // an animated GIF, published as it is
		o := set.Original
		return &Image{URL: o.URL, Type: o.MediaType, Width: o.Width, Height: o.Height, Copies: []ImageCopy{{URL: o.URL, Type: o.MediaType, Width: o.Width, Height: o.Height}}}
	}
	src, largest, print := set.Src(), set.Largest(set.Fallback), set.PrintCopy()
	im := &Image{URL: src.URL, Type: src.MediaType, Width: largest.Width, Height: largest.Height,
		Print: &ImageCopy{URL: print.URL, Type: print.MediaType, Width: print.Width, Height: print.Height}}
	for _, c := range set.Copies {
		im.Copies = append(im.Copies, ImageCopy{URL: c.URL, Type: c.MediaType, Width: c.Width, Height: c.Height})
	}
	return im
}

// fileInfo is the File src names from page.
func (s siteFiles) fileInfo(page *ShortcodePage, src string) (*File, error) {
	file, url, err := s.locate(page, src)
	if err != nil {
		return nil, err
	}
	f := s.describe(path.Base(src), url, file)
	return &f, nil
}

// describe is the File published at url from the site's file (or "").
func (s siteFiles) describe(name, url, file string) File {
	ext := strings.ToLower(path.Ext(name))
	f := File{Name: name, URL: url, Permalink: url, Type: mimeType(ext), Kind: fileKind(ext)}
	if !strings.Contains(url, "://") {
		f.Permalink = s.cfg.Base.Scheme + "://" + s.cfg.Base.Host + url
	}
	if file != "" {
		if st, err := fs.Stat(s.fsys, file); err == nil {
			f.Size, f.SizeText = st.Size(), vi.FormatSize(st.Size())
		}
	}
	return f
}

// attachments are the files of p's bundle that its text does not already
// show or link to: the "Tệp đính kèm" list.
func (s siteFiles) attachments(p *site.Page) []File {
	var out []File
	for _, r := range p.Resources {
		if set := p.Images[r.Name]; set != nil && len(set.Copies) > 0 {
			// a processed photo: its original is not published; list its
			// widest copy unless the text shows one
			if !copyInText(string(p.Content()), set) {
				c := set.Largest(set.Fallback)
				out = append(out, s.describe(r.Name, c.URL, ""))
			}
			continue
		}
		if !inText(string(p.Content()), r.RelPermalink) {
			out = append(out, s.describe(r.Name, r.RelPermalink, r.Source))
		}
	}
	return out
}

// copyInText reports whether html uses one of set's copies.
func copyInText(html string, set *imaging.Set) bool {
	for _, c := range set.Copies {
		if inText(html, c.URL) {
			return true
		}
	}
	return false
}

// inText reports whether html uses url in an attribute (href, src,
// srcset, poster, data), as written or percent-encoded.
func inText(html, url string) bool {
	for _, u := range []string{url, escapePath(url)} {
		for _, end := range []string{`"`, " ", "#", "?"} {
			if strings.Contains(html, `"`+u+end) || strings.Contains(html, ", "+u+end) {
				return true
			}
		}
	}
	return false
}

// escapePath percent-encodes what goldmark encodes in a link: bytes
// outside ASCII and spaces.
func escapePath(u string) string {
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		if c := u[i]; c >= 0x80 || c == ' ' {
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// fileKind names a file type as readers know it.
func fileKind(ext string) string {
	switch ext {
	case ".pdf":
		return "PDF"
	case ".doc", ".docx", ".odt":
		return "Word"
	case ".xls", ".xlsx", ".ods":
		return "Excel"
	case ".ppt", ".pptx", ".odp":
		return "PowerPoint"
	case ".jpg", ".jpeg":
		return "Ảnh JPEG"
	case ".png", ".webp", ".gif", ".svg":
		return "Ảnh " + strings.ToUpper(ext[1:])
	case ".mp4", ".webm":
		return "Video " + strings.ToUpper(ext[1:])
	case ".mp3", ".ogg", ".m4a":
		return "Âm thanh " + strings.ToUpper(ext[1:])
	case ".vtt":
		return "Phụ đề"
	case ".zip":
		return "ZIP"
	case ".txt":
		return "Văn bản"
	case "":
		return "Tệp"
	}
	return strings.ToUpper(ext[1:])
}

// mimeType is the media type of a file extension: a fixed table for the
// types blocks write into type attributes, so that the output does not
// depend on the system's mime.types.
func mimeType(ext string) string {
	switch ext {
	case ".mp4":
		return "video/mp4"
	case ".webm":
		return "video/webm"
	case ".vtt":
		return "text/vtt"
	case ".jpg", ".jpeg":
		return "image/jpeg"
	}
	return mime.TypeByExtension(ext)
}
