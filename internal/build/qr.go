package build

import (
	"path"

	"bantin/internal/diag"
	"bantin/internal/layout"
	"bantin/internal/output"
	"bantin/internal/qr"
	"bantin/internal/shortlink"
	"bantin/internal/site"
)

// pageQRFiles returns the short-link redirects and every page's QR files.
// It runs before the templates (see Build): the codes need only the short
// links, and the templates then find them made.
func pageQRFiles(s *site.Site, tmpls *layout.Templates, codes *qr.Cache, dl *diag.List) []output.File {
	files, err := shortlink.Files(s, codes, tmpls.Strings.Translate("redirecting"))
	if err != nil {
		dl.Errorf(s.Config.Pos("qr"), "%v", err)
		return nil
	}
	return files
}

// wantedQRFiles returns the files of the codes that templates asked for
// with qrFile.
func wantedQRFiles(s *site.Site, codes *qr.Cache, dl *diag.List) []output.File {
	cfg := s.Config.QR
	var files []output.File
	for _, code := range codes.Wanted() {
		name := path.Join(layout.QRDir, qr.FileName(code.Text, code.Level))
		pngData, err := code.PNG(cfg.SizeMM, cfg.DPI)
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
