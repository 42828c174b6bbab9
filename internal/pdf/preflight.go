package pdf

import (
	"bytes"
	"fmt"
	"path"
	"slices"
	"strings"

	"bantin/internal/diag"
	"bantin/internal/site"
)

// Preflight limits. Images under WarnPPI print soft and are warnings;
// under MinPPI they print visibly blurred and are errors. Text under
// MinTextPt cannot be read once printed.
const (
	WarnPPI   = 300
	MinPPI    = 150
	MinTextPt = 5.0
	MinQRMM   = 20.0
)

// Report is the preflight of one written PDF.
type Report struct {
	Path  string
	Facts Facts
}

// String is the report's one line, as bantin pdf prints it.
func (r Report) String() string {
	f := r.Facts
	images := "no raster images"
	if f.MinImagePPI > 0 {
		images = fmt.Sprintf("images ≥ %d ppi", f.MinImagePPI)
	}
	boxes := ""
	if f.HasTrimBox {
		boxes = fmt.Sprintf(", bleed %.1f mm, slug %.1f mm", f.BleedMM, f.MediaMarginsMM)
	}
	if f.PDFX != "" {
		boxes += fmt.Sprintf(", %s, CMYK for %s", f.PDFX, f.OutputIntent)
	}
	return fmt.Sprintf("preflight %s: %.0f × %.0f mm, %d pages, %d fonts all embedded, smallest text %.1f pt, %s, %d links%s",
		r.Path, f.WidthMM, f.HeightMM, f.Pages, len(f.Fonts), f.MinTextPt, images, len(f.Links), boxes)
}

// checkPage turns what the print check measured in the page of edition
// into diagnostics at the source lines they come from.
func checkPage(edition *site.Page, c Check, refused []string, dl *diag.List) {
	for _, o := range c.Fits {
		pos := diag.Pos{File: o.Source, Line: o.Line, Col: 1}
		if o.Source == "" {
			pos = editionPos(edition, "title")
		}
		dl.Errorf(pos, "%q is %.0f mm too long for its %.0f mm: shorten it or move text to another panel (nothing is hidden: the PDF is not written)", o.Label, o.OverMM, o.BoxMM)
	}
	for _, w := range c.Wide {
		dl.Errorf(sectionPos(edition, w.Source, w.Section), "%s is %.0f mm wider than its %.0f mm column: Chromium would shrink every page to fit it; make it narrower or split it", w.What, w.OverMM, w.ColumnMM)
	}
	for _, img := range c.Images {
		pos := sectionPos(edition, img.Source, img.Section)
		name := path.Base(img.Src)
		switch {
		case !img.Loaded && slices.Contains(refused, img.URL):
			// reported below, where the address is written
		case !img.Loaded:
			dl.Errorf(pos, "image %s did not load", img.Src)
		case img.PPI < MinPPI:
			dl.Errorf(pos, "image %s prints at %d ppi (%.0f × %.0f mm), under the %d ppi the press needs at least: use a copy at least %d pixels wide", name, img.PPI, img.WidthMM, img.HeightMM, MinPPI, pixelsFor(img.WidthMM, WarnPPI))
		case img.PPI < WarnPPI:
			dl.Warnf(pos, "image %s prints at %d ppi (%.0f × %.0f mm); %d ppi is sharp: a copy %d pixels wide", name, img.PPI, img.WidthMM, img.HeightMM, WarnPPI, pixelsFor(img.WidthMM, WarnPPI))
		}
	}
	for _, code := range c.Codes {
		if len(c.Fits) > 0 {
			break // an overfull box pushes its code off the page: that is the one problem
		}
		pos := editionPos(edition, "id")
		switch {
		case code.SizeMM+0.05 < MinQRMM:
			dl.Errorf(pos, "the printed QR code is %.1f mm wide; printed codes need at least %.0f mm", code.SizeMM, MinQRMM)
		case code.Decoded != code.Text:
			dl.Errorf(pos, "the printed QR code for %s does not read back at %d dpi with %.0f%% of it blotted out (read %q)", code.Text, checkDPI, BlotShare*100, code.Decoded)
		}
	}
	for _, url := range refused {
		dl.Errorf(urlPos(edition, url), "the print edition asks for %s: a print edition may load only the site's own files (the request was refused)", url)
	}
}

// checkFacts reports what the written PDF itself shows wrong.
func checkFacts(edition *site.Page, name string, f Facts, c Check, press bool, printingOrigin string, dl *diag.List) {
	pos := editionPos(edition, "")
	if len(f.NotEmbedded) > 0 {
		dl.Errorf(pos, "%s: fonts not embedded: %s", name, strings.Join(f.NotEmbedded, ", "))
	}
	if host := hostFonts(f.Fonts, c.Fonts); len(host) > 0 {
		dl.Errorf(pos, "%s: fonts of the printing machine, not of the site: %s (a character the site's fonts lack; give it a web font)", name, strings.Join(host, ", "))
	}
	if f.MinTextPt > 0 && f.MinTextPt < MinTextPt {
		dl.Errorf(pos, "%s: text as small as %.1f pt, under %.0f pt", name, f.MinTextPt, MinTextPt)
	}
	if f.MinImagePPI > 0 && f.MinImagePPI < MinPPI {
		dl.Errorf(pos, "%s: an image prints at %d ppi", name, f.MinImagePPI)
	}
	for _, link := range f.Links {
		if strings.HasPrefix(link, printingOrigin) || strings.Contains(link, "://127.") || strings.Contains(link, "://localhost") {
			dl.Errorf(pos, "%s: a link points to %s, which readers cannot reach", name, link)
		}
	}
	if max := edition.Edition.PrintRule().MaxPages; max > 0 && f.Pages > max {
		dl.Errorf(editionPos(edition, "print"), "%s: %d pages, more than the %d its licence allows (config print.rules.%s.maxPages)", name, f.Pages, max, edition.Type)
	}
	if press && (!f.HasTrimBox || f.BleedMM < Bleed-0.1) {
		dl.Errorf(pos, "%s: a press copy needs a TrimBox and a BleedBox %.0f mm outside it on every page", name, Bleed)
	}
	if press {
		checkPressColour(name, f, pos, dl)
	}
}

// checkPressColour reports a press copy that an offset press could not
// take as it is: RGB left, no PDF/X output intent, text in rich black.
func checkPressColour(name string, f Facts, pos diag.Pos, dl *diag.List) {
	if len(f.RGB) > 0 {
		dl.Errorf(pos, "%s: a press copy still paints in RGB (%s)", name, strings.Join(f.RGB, "; "))
	}
	if f.OutputIntent == "" || f.PDFX == "" {
		dl.Errorf(pos, "%s: a press copy needs a PDF/X output intent and version (has %q, %q)", name, f.OutputIntent, f.PDFX)
	}
	if f.RichBlackText > 0 {
		dl.Errorf(pos, "%s: %d text runs in four-colour black: black text must be black ink only", name, f.RichBlackText)
	}
}

// hostFonts returns the PDF's fonts that belong to none of the site's web
// font families: Chromium took them from the machine it ran on.
func hostFonts(fonts, families []string) []string {
	var out []string
	for _, font := range fonts {
		squeezed := strings.ToLower(strings.ReplaceAll(font, " ", ""))
		ok := false
		for _, family := range families {
			if strings.HasPrefix(squeezed, strings.ToLower(strings.ReplaceAll(family, " ", ""))) {
				ok = true
			}
		}
		if !ok {
			out = append(out, font)
		}
	}
	return out
}

func pixelsFor(widthMM float64, ppi int) int { return int(widthMM/25.4*float64(ppi) + 0.5) }

// editionPos is the position of a front-matter key of the publication.
func editionPos(edition *site.Page, key string) diag.Pos {
	return diag.Pos{File: edition.Source, Line: edition.SourceLine(key), Col: 1}
}

// sectionPos is the line of the heading with id section in the page whose
// source is source: the publication itself or one of its articles.
func sectionPos(edition *site.Page, source, section string) diag.Pos {
	page := edition
	for _, a := range edition.Articles() {
		if a.Source == source {
			page = a
		}
	}
	for _, s := range page.Sections() {
		if section != "" && s.ID == section {
			return diag.Pos{File: page.Source, Line: s.Line, Col: 1}
		}
	}
	return diag.Pos{File: page.Source, Line: page.SourceLine("title"), Col: 1}
}

// urlPos is where url is written in the publication or one of its
// articles, else the publication's first line.
func urlPos(edition *site.Page, url string) diag.Pos {
	for _, p := range append([]*site.Page{edition}, edition.Articles()...) {
		if p.Doc == nil {
			continue
		}
		if body := p.Doc.Text(); bytes.Contains(body, []byte(url)) {
			return diag.PosAt(p.Source, body, bytes.Index(body, []byte(url))).Shift(p.Doc.BodyLine - 1)
		}
	}
	return editionPos(edition, "")
}
