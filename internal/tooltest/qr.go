package tooltest

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"testing"

	"github.com/makiuchi-d/gozxing"
	multiqr "github.com/makiuchi-d/gozxing/multi/qrcode"
	zxqr "github.com/makiuchi-d/gozxing/qrcode"
)

// DecodeQR returns the text of the QR code in img, or fails the test.
func DecodeQR(t testing.TB, img image.Image) string {
	t.Helper()
	texts := DecodeAllQR(t, img)
	if len(texts) == 0 {
		t.Fatal("no QR code could be decoded")
	}
	return texts[0]
}

// DecodeAllQR returns the texts of every QR code found in img, sorted.
func DecodeAllQR(t testing.TB, img image.Image) []string {
	t.Helper()
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	hints := map[gozxing.DecodeHintType]interface{}{gozxing.DecodeHintType_TRY_HARDER: true}
	results, err := multiqr.NewQRCodeMultiReader().DecodeMultiple(bmp, hints)
	if err != nil || len(results) == 0 {
		if res, err := zxqr.NewQRCodeReader().Decode(bmp, hints); err == nil {
			return []string{res.GetText()}
		}
		return nil
	}
	var out []string
	for _, r := range results {
		out = append(out, r.GetText())
	}
	sort.Strings(out)
	return out
}

// DecodePNG decodes PNG bytes.
func DecodePNG(t testing.TB, data []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// RenderPDFPage renders page (1-based) of a PDF at dpi with pdftoppm.
func RenderPDFPage(t testing.TB, pdf string, page, dpi int) image.Image {
	t.Helper()
	pdftoppm := Require(t, "pdftoppm", "poppler-utils")
	prefix := filepath.Join(t.TempDir(), "page")
	args := []string{"-png", "-r", strconv.Itoa(dpi), "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), "-singlefile", pdf, prefix}
	if msg, err := exec.Command(pdftoppm, args...).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, msg)
	}
	data, err := os.ReadFile(prefix + ".png")
	if err != nil {
		t.Fatal(err)
	}
	return DecodePNG(t, data)
}
