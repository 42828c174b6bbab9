package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"

	"github.com/makiuchi-d/gozxing"
	zxqr "github.com/makiuchi-d/gozxing/qrcode"
)

// checkDPI is the resolution printed codes are read back at: a phone
// camera held at arm's length sees about as much.
const checkDPI = 150

// BlotShare is the share of a code's area the check blots out before it
// decodes the code: ink spread, a fold or a pen mark on a printed sheet.
const BlotShare = 0.10

// decodeDamaged decodes a PNG capture of one QR code after painting a
// black square over BlotShare of the symbol's area (its modules, without
// the quiet zone), centred on it, and returns its text ("" when it does
// not decode).
func decodeDamaged(capture []byte) string {
	img, err := png.Decode(bytes.NewReader(capture))
	if err != nil {
		return ""
	}
	return decodeQR(blot(img, symbolBounds(img)))
}

// symbolBounds returns the smallest rectangle holding every dark pixel of
// img: a QR symbol's modules, from finder pattern to finder pattern.
func symbolBounds(img image.Image) image.Rectangle {
	b := img.Bounds()
	dark := image.Rectangle{Min: b.Max, Max: b.Min}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if l := color.GrayModel.Convert(img.At(x, y)).(color.Gray).Y; l < 128 {
				dark = dark.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	return dark
}

// blot returns img with a black square over BlotShare of the area of
// code, centred on it.
func blot(img image.Image, code image.Rectangle) image.Image {
	return blotShare(img, code, BlotShare)
}

func blotShare(img image.Image, code image.Rectangle, share float64) image.Image {
	b := img.Bounds()
	out := image.NewRGBA(b)
	draw.Draw(out, b, img, b.Min, draw.Src)
	side := int(math.Sqrt(share * float64(code.Dx()*code.Dy())))
	cx, cy := (code.Min.X+code.Max.X)/2, (code.Min.Y+code.Max.Y)/2
	square := image.Rect(cx-side/2, cy-side/2, cx-side/2+side, cy-side/2+side)
	draw.Draw(out, square, image.NewUniform(color.Black), image.Point{}, draw.Src)
	return out
}

// decodeQR returns the text of the QR code in img, or "".
func decodeQR(img image.Image) string {
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		return ""
	}
	hints := map[gozxing.DecodeHintType]interface{}{gozxing.DecodeHintType_TRY_HARDER: true}
	res, err := zxqr.NewQRCodeReader().Decode(bmp, hints)
	if err != nil {
		return ""
	}
	return res.GetText()
}
