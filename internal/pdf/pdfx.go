package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/xml"
	"fmt"
	"strings"
	"time"

	"bantin/internal/cmyk"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// PDFXVersion is the PDF/X conformance press copies claim.
const PDFXVersion = "PDF/X-4"

// markPDFX makes a press copy (already in CMYK: toPressColour) a PDF/X-4
// file: the output intent (GTS_PDFX, the press condition's ICC profile
// embedded), the PDF/X version and Trapped /False in the document
// information and in XMP metadata (dated date, as reproducible dates the
// information), PDF version 1.6, and no annotations (links mean nothing on
// a printing plate, and PDF/X allows none but printer's marks inside the
// bleed).
func markPDFX(pdf []byte, date time.Time) ([]byte, error) {
	ctx, err := api.ReadContext(bytes.NewReader(pdf), pdfcpuConfig())
	if err != nil {
		return nil, fmt.Errorf("read PDF for PDF/X: %w", err)
	}
	xt := ctx.XRefTable
	root, err := xt.Catalog()
	if err != nil {
		return nil, fmt.Errorf("PDF/X: %w", err)
	}
	if err := addOutputIntent(xt, root); err != nil {
		return nil, fmt.Errorf("PDF/X output intent: %w", err)
	}
	info, err := pdfxInfo(xt)
	if err != nil {
		return nil, fmt.Errorf("PDF/X information: %w", err)
	}
	if err := addXMP(xt, root, info, date); err != nil {
		return nil, fmt.Errorf("PDF/X metadata: %w", err)
	}
	if err := dropAnnotations(ctx); err != nil {
		return nil, fmt.Errorf("PDF/X: %w", err)
	}
	delete(root, "Version")
	var out bytes.Buffer
	if err := api.WriteContext(ctx, &out); err != nil {
		return nil, fmt.Errorf("write PDF/X: %w", err)
	}
	return withVersion(out.Bytes(), "1.6")
}

// withVersion rewrites the header's version (pdfcpu writes 1.7; PDF/X-4
// files are PDF 1.6). The header keeps its length when both versions have
// three characters, so no offset moves.
func withVersion(pdf []byte, v string) ([]byte, error) {
	const prefix = "%PDF-"
	if !bytes.HasPrefix(pdf, []byte(prefix)) || len(pdf) < len(prefix)+len(v) || pdf[len(prefix)+len(v)] > ' ' {
		return nil, fmt.Errorf("PDF header %q is not %%PDF-x.y", pdf[:min(len(pdf), 10)])
	}
	out := append([]byte(nil), pdf...)
	copy(out[len(prefix):], v)
	return out, nil
}

// addOutputIntent embeds the press condition's profile as the document's
// output intent.
func addOutputIntent(xt *model.XRefTable, root types.Dict) error {
	profile, err := xt.NewStreamDictForBuf(cmyk.Profile())
	if err != nil {
		return err
	}
	profile.InsertInt("N", 4)
	if err := profile.Encode(); err != nil {
		return err
	}
	ref, err := xt.IndRefForNewObject(*profile)
	if err != nil {
		return err
	}
	intent := types.Dict{
		"Type":                      types.Name("OutputIntent"),
		"S":                         types.Name("GTS_PDFX"),
		"OutputConditionIdentifier": types.StringLiteral(cmyk.Condition.Identifier),
		"OutputCondition":           types.StringLiteral(cmyk.Condition.Info),
		"RegistryName":              types.StringLiteral(cmyk.Condition.Registry),
		"Info":                      types.StringLiteral(cmyk.Condition.Info),
		"DestOutputProfile":         *ref,
	}
	root["OutputIntents"] = types.Array{intent}
	return nil
}

// pdfxInfo adds the PDF/X keys to the document information and returns
// the values the XMP metadata repeats.
func pdfxInfo(xt *model.XRefTable) (map[string]string, error) {
	if xt.Info == nil {
		ref, err := xt.IndRefForNewObject(types.Dict{})
		if err != nil {
			return nil, err
		}
		xt.Info = ref
	}
	d, err := xt.DereferenceDict(*xt.Info)
	if err != nil || d == nil {
		return nil, fmt.Errorf("information dictionary: %v", err)
	}
	d["GTS_PDFXVersion"] = types.StringLiteral(PDFXVersion)
	d["Trapped"] = types.Name("False")
	values := map[string]string{}
	for _, key := range []string{"Title", "Author", "Subject", "Creator", "Producer"} {
		if s, err := types.StringOrHexLiteral(d[key]); err == nil && s != nil {
			values[key] = *s
		}
	}
	return values, nil
}

// addXMP sets the catalog's metadata stream (uncompressed, as XMP readers
// expect).
func addXMP(xt *model.XRefTable, root types.Dict, info map[string]string, date time.Time) error {
	packet := xmpPacket(info, date)
	sd := types.StreamDict{
		Dict:    types.Dict{"Type": types.Name("Metadata"), "Subtype": types.Name("XML"), "Length": types.Integer(len(packet))},
		Content: packet,
		Raw:     packet,
	}
	n := int64(len(packet))
	sd.StreamLength = &n
	ref, err := xt.IndRefForNewObject(sd)
	if err != nil {
		return err
	}
	root["Metadata"] = *ref
	return nil
}

// xmpPacket is the XMP metadata of a PDF/X-4 press copy.
func xmpPacket(info map[string]string, date time.Time) []byte {
	esc := func(s string) string {
		var b strings.Builder
		xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	stamp := date.UTC().Format("2006-01-02T15:04:05Z")
	id := sha256.Sum256([]byte(info["Title"] + "\x00" + stamp))
	uuid := fmt.Sprintf("uuid:%x-%x-%x-%x-%x", id[0:4], id[4:6], id[6:8], id[8:10], id[10:16])
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
 xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
`)
	fmt.Fprintf(&b, "<dc:format>application/pdf</dc:format>\n")
	fmt.Fprintf(&b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n", esc(info["Title"]))
	if a := info["Author"]; a != "" {
		fmt.Fprintf(&b, "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n", esc(a))
	}
	if s := info["Subject"]; s != "" {
		fmt.Fprintf(&b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:description>\n", esc(s))
	}
	fmt.Fprintf(&b, "<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n<xmp:MetadataDate>%s</xmp:MetadataDate>\n", stamp, stamp, stamp)
	fmt.Fprintf(&b, "<xmp:CreatorTool>%s</xmp:CreatorTool>\n", esc(info["Creator"]))
	fmt.Fprintf(&b, "<pdf:Producer>%s</pdf:Producer>\n<pdf:Trapped>False</pdf:Trapped>\n", esc(info["Producer"]))
	fmt.Fprintf(&b, "<xmpMM:DocumentID>%s</xmpMM:DocumentID>\n<xmpMM:InstanceID>%s</xmpMM:InstanceID>\n", uuid, uuid)
	b.WriteString("<xmpMM:VersionID>1</xmpMM:VersionID>\n<xmpMM:RenditionClass>default</xmpMM:RenditionClass>\n")
	fmt.Fprintf(&b, "<pdfxid:GTS_PDFXVersion>%s</pdfxid:GTS_PDFXVersion>\n", PDFXVersion)
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n")
	b.WriteString(strings.Repeat(strings.Repeat(" ", 99)+"\n", 20)) // padding for in-place edits
	b.WriteString("<?xpacket end=\"w\"?>")
	return []byte(b.String())
}

// dropAnnotations removes every page's annotations.
func dropAnnotations(ctx *model.Context) error {
	if err := ctx.EnsurePageCount(); err != nil {
		return err
	}
	for i := 1; i <= ctx.PageCount; i++ {
		d, _, _, err := ctx.PageDict(i, false)
		if err != nil {
			return fmt.Errorf("page %d: %w", i, err)
		}
		delete(d, "Annots")
	}
	return nil
}
