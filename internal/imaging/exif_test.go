package imaging

import (
	"encoding/binary"
	"testing"

	"bantin/internal/imaging/imagingtest"
)

// tiffWithOrientation is a TIFF block in byte order bo whose first IFD
// holds one entry: the orientation o.
func tiffWithOrientation(bo binary.ByteOrder, mark string, o uint16) []byte {
	t := make([]byte, 8+2+12+4)
	copy(t, mark)
	bo.PutUint16(t[2:], 42)
	bo.PutUint32(t[4:], 8)
	bo.PutUint16(t[8:], 1)
	bo.PutUint16(t[10:], 0x0112)
	bo.PutUint16(t[12:], 3)
	bo.PutUint32(t[14:], 1)
	bo.PutUint16(t[18:], o)
	return t
}

func TestTIFFOrientationInBothByteOrders(t *testing.T) {
	if got := tiffOrientation(tiffWithOrientation(binary.BigEndian, "MM", 8)); got != 8 {
		t.Errorf("Motorola order: %d, want 8", got)
	}
	if got := tiffOrientation(tiffWithOrientation(binary.LittleEndian, "II", 3)); got != 3 {
		t.Errorf("Intel order: %d, want 3", got)
	}
}

func TestOrientationOfFiles(t *testing.T) {
	jpg := imagingtest.JPEG(imagingtest.Scene(16, 8, 0), 80)
	webp := append([]byte("RIFF\x00\x00\x00\x00WEBPEXIF"), 0, 0, 0, 0)
	tiff := append([]byte("Exif\x00\x00"), tiffWithOrientation(binary.LittleEndian, "II", 6)...)
	binary.LittleEndian.PutUint32(webp[16:], uint32(len(tiff)))
	webp = append(webp, tiff...)
	for _, c := range []struct {
		name string
		data []byte
		want int
	}{
		{"JPEG without EXIF", jpg, 1},
		{"JPEG with orientation 6", imagingtest.WithEXIF(jpg, 6, 1, 2), 6},
		{"JPEG with orientation 9 (invalid)", imagingtest.WithEXIF(jpg, 9, 1, 2), 1},
		{"WebP EXIF chunk", webp, 6},
		{"truncated JPEG", imagingtest.WithEXIF(jpg, 6, 1, 2)[:30], 1},
	} {
		if got := orientation(c.data); got != c.want {
			t.Errorf("%s: orientation %d, want %d", c.name, got, c.want)
		}
	}
}

// FuzzOrientation: any bytes give an orientation from 1 to 8, without a
// panic (the EXIF reader walks offsets a file chooses).
func FuzzOrientation(f *testing.F) {
	jpg := imagingtest.JPEG(imagingtest.Scene(8, 8, 0), 80)
	f.Add(imagingtest.WithEXIF(jpg, 6, 21, 105))
	f.Add(tiffWithOrientation(binary.BigEndian, "MM", 8))
	f.Add([]byte("RIFF\x10\x00\x00\x00WEBPEXIF\xff\xff\xff\x7f"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if o := orientation(data); o < 1 || o > 8 {
			t.Fatalf("orientation %d", o)
		}
		if o := orientation(append([]byte{0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF, 'E', 'x', 'i', 'f', 0, 0}, data...)); o < 1 || o > 8 {
			t.Fatalf("orientation %d in an APP1 segment", o)
		}
		_ = tiffOrientation(data)
	})
}
