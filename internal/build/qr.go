package build

import (
	"path"

	"bantin/internal/cache"
	"bantin/internal/diag"
	"bantin/internal/layout"
	"bantin/internal/output"
	"bantin/internal/qr"
	"bantin/internal/shortlink"
	"bantin/internal/site"
)

// pageQRFiles hands add the short-link redirects and every page's QR
// files as they are made.
// It runs before the templates (see Build): the codes need only the short
// links, and the templates then find them made.
func pageQRFiles(s *site.Site, tmpls *layout.Templates, codes *qr.Cache, add func(output.File), dl *diag.List) {
	if err := shortlink.Files(s, codes, tmpls.Strings.Translate("redirecting"), add); err != nil {
		dl.Errorf(s.Config.Pos("qr"), "%v", err)
	}
}

// wantedQRFiles returns the files of the codes that templates asked for
// with qrFile.
func wantedQRFiles(s *site.Site, codes *qr.Cache, dl *diag.List) []output.File {
	return qrCodeFiles(s, codes, codes.Wanted(), dl)
}

// qrCodeFiles returns the SVG and PNG files of the codes.
func qrCodeFiles(s *site.Site, codes *qr.Cache, wanted []*qr.Code, dl *diag.List) []output.File {
	cfg := s.Config.QR
	var files []output.File
	for _, code := range wanted {
		name := path.Join(layout.QRDir, qr.FileName(code.Text, code.Level))
		pngData, err := codes.PNG(code, cfg.SizeMM, cfg.DPI)
		if err != nil {
			dl.Errorf(diag.Pos{File: "layouts"}, "%v", err)
			continue
		}
		files = append(files,
			output.File{Path: name + ".svg", Data: code.SVG(cfg.SizeMM), Source: "qrFile " + code.Text},
			output.File{Path: name + ".png", Data: pngData, Source: "qrFile " + code.Text})
	}
	return files
}

// qrVersion names the layout of cached QR codes (qr's marshal).
const qrVersion = "qr/1"

// qrStore keeps encoded QR codes in the build cache, keyed by the program
// and the code's text and level.
type qrStore struct{ c *cache.Store }

func (s qrStore) key(name string) cache.Key {
	return cache.NewKey([]byte(qrVersion), cache.Program(), []byte(name))
}

func (s qrStore) Get(name string) ([]byte, bool) { return s.c.Get("qr", s.key(name)) }
func (s qrStore) Put(name string, data []byte)   { s.c.Put("qr", s.key(name), data) }

// newCodes is the QR codes of one build, backed by the build cache.
func newCodes(c *cache.Store) *qr.Cache {
	if c == nil {
		return qr.NewCache()
	}
	return qr.NewCache().WithStore(qrStore{c})
}
