package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"

	"bantin/internal/cmyk"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// image converts an image XObject whose colour space is RGB to CMYK:
// its samples are decoded (Flate, none, or DCT for a JPEG), converted
// pixel by pixel through the press table (a photograph prints in four
// colours) and written back with Flate. Its soft mask, a grey image, is
// kept as it is.
func (c *colourConversion) image(sd types.StreamDict) (types.StreamDict, error) {
	if mask := sd.Dict.BooleanEntry("ImageMask"); mask != nil && *mask {
		return sd, nil
	}
	rgb, err := c.isRGB(sd.Dict["ColorSpace"])
	if err != nil || !rgb {
		return sd, err
	}
	if bpc := sd.Dict.IntEntry("BitsPerComponent"); bpc == nil || *bpc != 8 {
		return sd, fmt.Errorf("an RGB image of %v bits per component is not supported", sd.Dict["BitsPerComponent"])
	}
	if sd.Dict["Decode"] != nil {
		return sd, fmt.Errorf("an RGB image with a /Decode array is not supported")
	}
	samples, err := rgbSamples(&sd)
	if err != nil {
		return sd, err
	}
	w, h := sd.Dict.IntEntry("Width"), sd.Dict.IntEntry("Height")
	if w == nil || h == nil || len(samples) != *w**h*3 {
		return sd, fmt.Errorf("image samples (%d bytes) do not match its size %v × %v", len(samples), sd.Dict["Width"], sd.Dict["Height"])
	}
	return flateStream(sd.Dict, "DeviceCMYK", cmyk.Pixels(samples))
}

// rgbSamples decodes an RGB image's samples.
func rgbSamples(sd *types.StreamDict) ([]byte, error) {
	if sd.HasSoleFilterNamed("DCTDecode") {
		img, err := jpeg.Decode(bytes.NewReader(sd.Raw))
		if err != nil {
			return nil, fmt.Errorf("decode JPEG image: %w", err)
		}
		return rgbOf(img), nil
	}
	for _, f := range sd.FilterPipeline {
		if f.Name != "FlateDecode" {
			return nil, fmt.Errorf("an RGB image with filter %s is not supported", f.Name)
		}
	}
	if err := sd.Decode(); err != nil {
		return nil, fmt.Errorf("decode image: %w", err)
	}
	return sd.Content, nil
}

// rgbOf returns an image's pixels as 8-bit RGB samples.
func rgbOf(img image.Image) []byte {
	b := img.Bounds()
	out := make([]byte, 0, b.Dx()*b.Dy()*3)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			out = append(out, byte(r>>8), byte(g>>8), byte(bl>>8))
		}
	}
	return out
}

// flateStream returns a stream with d's entries, colour space space, and
// content compressed with Flate (any earlier filter and its parameters
// dropped).
func flateStream(d types.Dict, space string, content []byte) (types.StreamDict, error) {
	nd := d.Clone().(types.Dict)
	delete(nd, "DecodeParms")
	nd["Filter"] = types.Name("FlateDecode")
	nd["ColorSpace"] = types.Name(space)
	sd := types.StreamDict{Dict: nd, Content: content, FilterPipeline: []types.PDFFilter{{Name: "FlateDecode"}}}
	if err := sd.Encode(); err != nil {
		return sd, err
	}
	nd["Length"] = types.Integer(len(sd.Raw))
	return sd, nil
}
