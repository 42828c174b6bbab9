package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// handPDF writes a PDF from numbered object bodies (object i+1 is
// objects[i]; object 1 is the catalog), with a correct cross-reference
// table.
func handPDF(objects ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return b.Bytes()
}

func stream(dict string, data []byte) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

func flate(data []byte) []byte {
	var b bytes.Buffer
	w := zlib.NewWriter(&b)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

// rgbPage is a page with every kind of RGB colour Chromium (or a site's
// own SVG) can give bantin: rg/RG, a DeviceRGB colour space with sc, a
// named ICC-based colour space with scn, an RGB image, an indexed image,
// an axial shading, and a transparency group in RGB.
func rgbPage() []byte {
	content := []byte(`q 0 0 0 rg BT /F1 12 Tf 72 700 Td (Ch\340o) Tj ET
0.5 0.5 0.5 RG 1 w 72 690 m 300 690 l S
0.8 0.1 0.1 rg 72 600 100 50 re f
/DeviceRGB cs 0 0.2 0.8 sc 200 600 50 50 re f
/CS0 cs 0 0 0 scn BT /F1 9 Tf 72 580 Td (x) Tj ET
q 100 0 0 100 72 400 cm /Im1 Do Q
q 50 0 0 50 200 400 cm /Im2 Do Q
/Sh1 sh Q`)
	pixels := []byte{255, 0, 0, 0, 0, 0, 255, 255, 255, 10, 200, 30}
	return handPDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R
   /Group << /Type /Group /S /Transparency /CS /DeviceRGB >>
   /Resources << /Font << /F1 5 0 R >> /ColorSpace << /CS0 [/ICCBased 6 0 R] >>
     /XObject << /Im1 7 0 R /Im2 8 0 R >> /Shading << /Sh1 9 0 R >> >> >>`,
		stream("/Filter /FlateDecode", flate(content)),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		stream("/N 3 /Alternate /DeviceRGB", []byte("not a real profile")),
		stream("/Type /XObject /Subtype /Image /Width 2 /Height 2 /BitsPerComponent 8 /ColorSpace /DeviceRGB /Filter /FlateDecode", flate(pixels)),
		stream("/Type /XObject /Subtype /Image /Width 2 /Height 1 /BitsPerComponent 8 /ColorSpace [/Indexed /DeviceRGB 1 <FF0000000000>]", []byte{0, 1}),
		"<< /ShadingType 2 /ColorSpace /DeviceRGB /Coords [0 0 1 0] /Function << /FunctionType 2 /Domain [0 1] /C0 [1 1 1] /C1 [0.2 0.4 0.9] /N 1 >> >>",
	)
}

func TestPressColourConvertsEveryRGBColour(t *testing.T) {
	out, err := toPressColour(rgbPage())
	if err != nil {
		t.Fatal(err)
	}
	ctx, err := api.ReadContext(bytes.NewReader(out), pdfcpuConfig())
	if err != nil {
		t.Fatal(err)
	}
	if left := rgbLeft(ctx); len(left) > 0 {
		t.Errorf("RGB left: %v", left)
	}
	if err := ctx.EnsurePageCount(); err != nil {
		t.Fatal(err)
	}
	page, _, _, err := ctx.PageDict(1, false)
	if err != nil {
		t.Fatal(err)
	}
	content, _ := ctx.PageContent(page, 1)
	for _, want := range []string{
		"0 0 0 1 k BT",        // black text: black ink only
		"0 0 0 0.",            // mid grey rule: black ink only…
		" K 1 w",              // …as a stroke
		"/DeviceCMYK cs",      // the colour space set in the content
		"/CS0 cs 0 0 0 1 scn", // a named RGB space: four components, neutral → K
	} {
		if !strings.Contains(string(content), want) {
			t.Errorf("content lacks %q:\n%s", want, content)
		}
	}
	if strings.Contains(string(content), "0.8 0.1 0.1") {
		t.Error("the red fill kept its RGB operands")
	}
	marks := readMarks(content)
	if marks.RichBlackText != 0 {
		t.Errorf("%d text runs in rich black", marks.RichBlackText)
	}
	xobjects := map[string]int{"Im1": 16, "Im2": 2} // samples: 4 pixels × 4 inks; 2 indices
	res, _ := ctx.DereferenceDict(page["Resources"])
	xs, _ := ctx.DereferenceDict(res["XObject"])
	for name, n := range xobjects {
		sd, _, err := ctx.DereferenceStreamDict(xs[name])
		if err != nil || sd == nil {
			t.Fatalf("%s: %v", name, err)
		}
		sd.Decode()
		if len(sd.Content) != n {
			t.Errorf("%s has %d sample bytes, want %d", name, len(sd.Content), n)
		}
	}
	im1, _, _ := ctx.DereferenceStreamDict(xs["Im1"])
	im1.Decode()
	if got := im1.Content[4:8]; got[3] < 250 || got[0] < 150 {
		t.Errorf("photo black pixel → %v, want a four-colour black", got)
	}
}

func TestPressColourRefusesWhatItCannotConvert(t *testing.T) {
	pdf := handPDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Contents 4 0 R /Resources << /Shading << /Sh1 5 0 R >> >> >>",
		stream("", []byte("/Sh1 sh")),
		"<< /ShadingType 2 /ColorSpace /DeviceRGB /Coords [0 0 1 0] /Function << /FunctionType 0 /Domain [0 1] >> >>",
	)
	_, err := toPressColour(pdf)
	if err == nil || !strings.Contains(err.Error(), "not supported") {
		t.Fatalf("err = %v, want a refusal", err)
	}
}

func TestMarkPDFX(t *testing.T) {
	cmykPDF, err := toPressColour(rgbPage())
	if err != nil {
		t.Fatal(err)
	}
	date := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	withInfo, err := SetInfo(cmykPDF, Info{Title: "Sổ tay hỏi – đáp <dân chủ>", Author: "Ban Dân vận"})
	if err != nil {
		t.Fatal(err)
	}
	x, err := markPDFX(withInfo, date)
	if err == nil {
		x, err = reproducible(x, date)
	}
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(x, []byte("%PDF-1.6\n")) {
		t.Errorf("header %q, want PDF 1.6", x[:9])
	}
	f, err := ReadFacts(x)
	if err != nil {
		t.Fatal(err)
	}
	if f.PDFX != "PDF/X-4" || f.OutputIntent != "FOGRA39" || len(f.RGB) > 0 {
		t.Errorf("facts: PDF/X %q, output intent %q, RGB %v", f.PDFX, f.OutputIntent, f.RGB)
	}
	ctx, err := api.ReadContext(bytes.NewReader(x), pdfcpuConfig())
	if err != nil {
		t.Fatal(err)
	}
	root, _ := ctx.Catalog()
	meta, _, err := ctx.DereferenceStreamDict(root["Metadata"])
	if err != nil || meta == nil {
		t.Fatalf("no metadata stream: %v", err)
	}
	for _, want := range []string{
		"<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>",
		"<pdf:Trapped>False</pdf:Trapped>",
		"<xmp:CreateDate>2026-11-24T00:00:00Z</xmp:CreateDate>",
		"Sổ tay hỏi – đáp &lt;dân chủ&gt;",
	} {
		if !bytes.Contains(meta.Raw, []byte(want)) {
			t.Errorf("XMP lacks %s", want)
		}
	}
	info, _ := ctx.DereferenceDict(*ctx.Info)
	if tr, ok := info["Trapped"].(types.Name); !ok || tr != "False" {
		t.Errorf("Info /Trapped = %v", info["Trapped"])
	}
	if created, _ := types.StringOrHexLiteral(info["CreationDate"]); created == nil || !strings.HasPrefix(*created, "D:20261124000000") {
		t.Errorf("Info /CreationDate = %v, want the XMP's date", info["CreationDate"])
	}
	intents, _ := ctx.DereferenceArray(root["OutputIntents"])
	intent, _ := ctx.DereferenceDict(intents[0])
	profile, _, _ := ctx.DereferenceStreamDict(intent["DestOutputProfile"])
	if profile == nil || profile.Decode() != nil || string(profile.Content[36:40]) != "acsp" || *profile.Dict.IntEntry("N") != 4 {
		t.Error("the output intent's profile is not an embedded CMYK ICC profile")
	}
}
