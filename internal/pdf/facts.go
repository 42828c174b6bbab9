package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Facts are what the preflight reads back from a written PDF.
type Facts struct {
	Pages          int
	WidthMM        float64 // the first page's trim size (TrimBox, else MediaBox)
	HeightMM       float64
	MinTextPt      float64  // the smallest text on any page, in points as printed
	MinImagePPI    int      // the lowest resolution of any placed raster image (0: none)
	Fonts          []string // every font's name, without its subset tag
	NotEmbedded    []string // fonts whose program is not in the file
	Links          []string // URI targets of link annotations, in page order
	HasTrimBox     bool     // every page has a TrimBox and a BleedBox
	BleedMM        float64  // how far the first page's BleedBox reaches past its TrimBox
	MediaMarginsMM float64  // how far its MediaBox reaches past its BleedBox
	RGB            []string // what still paints in RGB (rgbLeft)
	OutputIntent   string   // the PDF/X output condition's identifier
	PDFX           string   // the PDF/X version the information claims
	RichBlackText  int      // text shows in a four-colour black
}

func mm(points float64) float64 { return points * 25.4 / 72 }

// ReadFacts reads a PDF's page sizes, fonts, smallest text, lowest image
// resolution and links.
func ReadFacts(pdf []byte) (Facts, error) {
	var f Facts
	ctx, err := api.ReadContext(bytes.NewReader(pdf), pdfcpuConfig()) // read, not validated: bantin wrote it
	if err == nil {
		err = ctx.EnsurePageCount()
	}
	if err != nil {
		return f, fmt.Errorf("read PDF: %w", err)
	}
	f.Pages = ctx.PageCount
	f.HasTrimBox = f.Pages > 0
	for i := 1; i <= ctx.PageCount; i++ {
		d, _, inh, err := ctx.PageDict(i, false)
		if err != nil {
			return f, fmt.Errorf("page %d: %w", i, err)
		}
		if i == 1 {
			f.pageBoxes(ctx, d, inh)
		}
		if d["TrimBox"] == nil || d["BleedBox"] == nil {
			f.HasTrimBox = false
		}
		if err := f.readPage(ctx, i, d, inh); err != nil {
			return f, fmt.Errorf("page %d: %w", i, err)
		}
	}
	f.readFonts(ctx)
	f.readColour(ctx)
	return f, nil
}

// readColour reads what the press needs to know of the colours: RGB left,
// the output intent and the PDF/X version.
func (f *Facts) readColour(ctx *model.Context) {
	f.RGB = rgbLeft(ctx)
	if root, err := ctx.Catalog(); err == nil {
		intents, _ := ctx.DereferenceArray(root["OutputIntents"])
		for _, o := range intents {
			d, err := ctx.DereferenceDict(o)
			if err != nil || d == nil || d.NameEntry("S") == nil || *d.NameEntry("S") != "GTS_PDFX" || d["DestOutputProfile"] == nil {
				continue
			}
			if id, err := types.StringOrHexLiteral(d["OutputConditionIdentifier"]); err == nil && id != nil {
				f.OutputIntent = *id
			}
		}
	}
	if ctx.Info != nil {
		if info, err := ctx.DereferenceDict(*ctx.Info); err == nil && info != nil {
			if v, err := types.StringOrHexLiteral(info["GTS_PDFXVersion"]); err == nil && v != nil {
				f.PDFX = *v
			}
		}
	}
}

func (f *Facts) pageBoxes(ctx *model.Context, d types.Dict, inh *model.InheritedPageAttrs) {
	media := inh.MediaBox
	trim, bleed := media, media
	if r := rect(ctx, d["TrimBox"]); r != nil {
		trim = r
	}
	if r := rect(ctx, d["BleedBox"]); r != nil {
		bleed = r
	}
	f.WidthMM, f.HeightMM = mm(trim.Width()), mm(trim.Height())
	f.BleedMM = mm(trim.LL.X - bleed.LL.X)
	f.MediaMarginsMM = mm(bleed.LL.X - media.LL.X)
}

func rect(ctx *model.Context, o types.Object) *types.Rectangle {
	a, err := ctx.DereferenceArray(o)
	if err != nil || len(a) != 4 {
		return nil
	}
	return types.NewRectangle(number(a[0]), number(a[1]), number(a[2]), number(a[3]))
}

// readPage reads one page's text sizes, placed images and links.
func (f *Facts) readPage(ctx *model.Context, nr int, d types.Dict, inh *model.InheritedPageAttrs) error {
	content, err := ctx.PageContent(d, nr)
	if err != nil && !errors.Is(err, model.ErrNoContent) {
		return err
	}
	marks := readMarks(content)
	f.RichBlackText += marks.RichBlackText
	if marks.MinTextPt > 0 && (f.MinTextPt == 0 || marks.MinTextPt < f.MinTextPt) {
		f.MinTextPt = marks.MinTextPt
	}
	xobjects, _ := ctx.DereferenceDict(inh.Resources["XObject"])
	for _, img := range marks.Images {
		x, _, err := ctx.DereferenceStreamDict(xobjects[img.Name])
		if err != nil || x == nil || x.Dict.NameEntry("Subtype") == nil || *x.Dict.NameEntry("Subtype") != "Image" || img.Width == 0 {
			continue
		}
		if w := x.Dict.IntEntry("Width"); w != nil {
			ppi := int(float64(*w) / (img.Width / 72))
			if f.MinImagePPI == 0 || ppi < f.MinImagePPI {
				f.MinImagePPI = ppi
			}
		}
	}
	annots, _ := ctx.DereferenceArray(d["Annots"])
	for _, o := range annots {
		a, err := ctx.DereferenceDict(o)
		if err != nil || a == nil {
			continue
		}
		action, _ := ctx.DereferenceDict(a["A"])
		if uri, err := types.StringOrHexLiteral(action["URI"]); err == nil && uri != nil {
			f.Links = append(f.Links, *uri)
		}
	}
	return nil
}

// readFonts lists the document's fonts and which are not embedded: a
// font is embedded when its descriptor (a Type0 font's descendant's) holds
// a font program.
func (f *Facts) readFonts(ctx *model.Context) {
	seen := map[string]bool{}
	for nr := 1; nr < *ctx.XRefTable.Size; nr++ {
		entry, ok := ctx.XRefTable.Table[nr]
		if !ok || entry.Free {
			continue
		}
		d, ok := entry.Object.(types.Dict)
		if !ok || d.NameEntry("Type") == nil || *d.NameEntry("Type") != "Font" || d.NameEntry("Subtype") == nil || *d.NameEntry("Subtype") == "CIDFontType2" || *d.NameEntry("Subtype") == "CIDFontType0" {
			continue
		}
		name := ""
		if n := d.NameEntry("BaseFont"); n != nil {
			name = *n
		}
		if i := strings.IndexByte(name, '+'); i == 6 {
			name = name[i+1:]
		}
		if !seen[name] {
			seen[name] = true
			f.Fonts = append(f.Fonts, name)
		}
		if !fontEmbedded(ctx, d) {
			f.NotEmbedded = append(f.NotEmbedded, name)
		}
	}
	sort.Strings(f.Fonts)
}

func fontEmbedded(ctx *model.Context, font types.Dict) bool {
	if *font.NameEntry("Subtype") == "Type3" {
		return true // glyphs drawn in the file itself
	}
	if kids, _ := ctx.DereferenceArray(font["DescendantFonts"]); len(kids) > 0 {
		if kid, _ := ctx.DereferenceDict(kids[0]); kid != nil {
			font = kid
		}
	}
	desc, _ := ctx.DereferenceDict(font["FontDescriptor"])
	return desc != nil && (desc["FontFile"] != nil || desc["FontFile2"] != nil || desc["FontFile3"] != nil)
}
