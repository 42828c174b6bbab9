package imaging

import (
	"bytes"
	"image"
	"image/color"
	"image/color/palette"
	"image/gif"
	"image/png"
	"slices"
	"testing"

	"bantin/internal/cache"
	"bantin/internal/imaging/imagingtest"
)

func TestCopyWidths(t *testing.T) {
	for _, c := range []struct {
		orig int
		want []int
	}{
		{4000, []int{480, 800, 1200, 1600}},
		{1600, []int{480, 800, 1200, 1600}},
		{1000, []int{480, 800, 1000}},
		{480, []int{480}},
		{300, []int{300}},
	} {
		got := copyWidths(c.orig, DefaultWidths)
		if !slices.Equal(got, c.want) {
			t.Errorf("copyWidths(%d) = %v, want %v", c.orig, got, c.want)
		}
	}
}

func TestPlanNamesAndSizes(t *testing.T) {
	data := imagingtest.JPEG(imagingtest.Scene(2000, 1000, 1), 90)
	s, err := Plan(data, "bai-viet/a/anh.jpg", "/goc/bai-viet/a/anh.jpg", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s.Width != 2000 || s.Height != 1000 || s.Fallback != "jpeg" || s.Format != "jpeg" {
		t.Fatalf("set %d×%d %s→%s, want 2000×1000 jpeg→jpeg", s.Width, s.Height, s.Format, s.Fallback)
	}
	if got, want := s.SrcSet("webp"), "/goc/bai-viet/a/anh-480.webp 480w, /goc/bai-viet/a/anh-800.webp 800w, /goc/bai-viet/a/anh-1200.webp 1200w, /goc/bai-viet/a/anh-1600.webp 1600w"; got != want {
		t.Errorf("webp srcset\n got %s\nwant %s", got, want)
	}
	if l := s.Largest("jpeg"); l.Path != "bai-viet/a/anh-1600.jpg" || l.Height != 800 {
		t.Errorf("largest jpeg = %+v", l)
	}
	if s.OG != nil {
		t.Errorf("a sharing copy before WantOG: %+v", s.OG)
	}
	if og := s.WantOG(); og.Path != "bai-viet/a/anh-og.jpg" || og.URL != "/goc/bai-viet/a/anh-og.jpg" || s.WantOG() != og {
		t.Errorf("og = %+v", og)
	}
}

func TestPlanRefusesNonImages(t *testing.T) {
	if _, err := Plan([]byte("%PDF-1.7"), "a.jpg", "/a.jpg", Options{}); err == nil {
		t.Fatal("Plan of a PDF: no error")
	}
}

// A phone photo stored landscape with orientation 6 (turn clockwise) and
// a GPS position: every copy is portrait, turned, and carries no metadata.
func TestMakeTurnsAndStrips(t *testing.T) {
	data := imagingtest.WithEXIF(imagingtest.JPEG(imagingtest.Scene(1000, 750, 2), 92), 6, 21.0285, 105.8542)
	if !bytes.Contains(data, []byte(imagingtest.GPSMarker)) {
		t.Fatal("the test photo has no EXIF")
	}
	s, err := Plan(data, "a/anh.jpg", "/a/anh.jpg", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s.Width != 750 || s.Height != 1000 {
		t.Fatalf("planned %d×%d, want the turned 750×1000", s.Width, s.Height)
	}
	s.WantOG()
	files, err := (&Processor{}).Make(data, s)
	if err != nil {
		t.Fatal(err)
	}
	want := append(slices.Clone(s.Copies), *s.OG)
	if len(files) != len(want) {
		t.Fatalf("%d files, want %d", len(files), len(want))
	}
	for i, f := range files {
		c := want[i]
		if f.Path != c.Path {
			t.Errorf("file %d is %s, want %s", i, f.Path, c.Path)
		}
		m, format, err := image.Decode(bytes.NewReader(f.Data))
		if err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		if b := m.Bounds(); format != c.Format || b.Dx() != c.Width || b.Dy() != c.Height {
			t.Errorf("%s is %s %d×%d, want %s %d×%d", f.Path, format, b.Dx(), b.Dy(), c.Format, c.Width, c.Height)
		}
		for _, secret := range []string{"Exif", imagingtest.GPSMarker, "XMP", "GPS"} {
			if bytes.Contains(f.Data, []byte(secret)) {
				t.Errorf("%s still holds %q", f.Path, secret)
			}
		}
		if f.Path == c.Path && c.Format != "" && c != *s.OG {
			// the stored top-left red block is shown top-right once turned clockwise
			assertRed(t, f.Path, m, m.Bounds().Dx()-3, 3)
		}
	}
}

func assertRed(t *testing.T, name string, m image.Image, x, y int) {
	t.Helper()
	r, g, b, _ := m.At(x, y).RGBA()
	if r>>8 < 150 || g>>8 > 90 || b>>8 > 90 {
		t.Errorf("%s at (%d,%d) is %d,%d,%d, want the red corner", name, x, y, r>>8, g>>8, b>>8)
	}
}

func TestEveryOrientation(t *testing.T) {
	src := image.NewNRGBA(image.Rect(0, 0, 3, 2))
	src.Set(0, 0, color.NRGBA{255, 0, 0, 255}) // the stored top-left pixel
	// where the stored top-left pixel is shown, for each orientation
	want := map[int]image.Point{1: {0, 0}, 2: {2, 0}, 3: {2, 1}, 4: {0, 1}, 5: {0, 0}, 6: {1, 0}, 7: {1, 2}, 8: {0, 2}}
	for o, p := range want {
		m := orient(src, o)
		if r, _, _, _ := m.At(p.X, p.Y).RGBA(); r != 0xffff {
			t.Errorf("orientation %d: red not at %v", o, p)
		}
		if swapsSides(o) != (m.Bounds().Dx() == 2) {
			t.Errorf("orientation %d: size %v", o, m.Bounds())
		}
	}
}

func TestTransparentPNGFallsBackToPNG(t *testing.T) {
	m := image.NewNRGBA(image.Rect(0, 0, 600, 300))
	m.Set(10, 10, color.NRGBA{0, 128, 0, 255})
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	s, err := Plan(b.Bytes(), "logo.png", "/logo.png", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s.Fallback != "png" || s.Largest("png").Path != "logo-600.png" {
		t.Errorf("fallback %s, largest %+v", s.Fallback, s.Largest("png"))
	}
}

func TestAnimatedGIFIsNotProcessed(t *testing.T) {
	g := &gif.GIF{}
	for i := 0; i < 2; i++ {
		g.Image = append(g.Image, image.NewPaletted(image.Rect(0, 0, 40, 30), palette.Plan9))
		g.Delay = append(g.Delay, 10)
	}
	var b bytes.Buffer
	if err := gif.EncodeAll(&b, g); err != nil {
		t.Fatal(err)
	}
	s, err := Plan(b.Bytes(), "a.gif", "/a.gif", Options{})
	if err != nil {
		t.Fatal(err)
	}
	files, err := (&Processor{}).Make(b.Bytes(), s)
	if !s.Animated || len(s.Copies) != 0 || s.WantOG() != nil || len(files) != 0 || err != nil {
		t.Errorf("animated GIF: %+v, %d files, %v", s, len(files), err)
	}
}

func TestMakeUsesTheCache(t *testing.T) {
	store, err := cache.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	data := imagingtest.JPEG(imagingtest.Scene(900, 600, 3), 90)
	s, err := Plan(data, "a.jpg", "/a.jpg", Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := &Processor{Store: store}
	first, err := p.Make(data, s)
	if err != nil {
		t.Fatal(err)
	}
	second, err := p.Make(data, s)
	if err != nil {
		t.Fatal(err)
	}
	if st := store.Stats(); st.Hits != 1 || st.Misses != 1 {
		t.Errorf("cache stats %+v, want one miss then one hit", st)
	}
	for i := range first {
		if first[i].Path != second[i].Path || !bytes.Equal(first[i].Data, second[i].Data) {
			t.Errorf("cached copy %s differs", first[i].Path)
		}
	}
	other, _ := (&Processor{Store: store, Opts: Options{JPEGQuality: 60}}).Make(data, s)
	if bytes.Equal(other[len(other)-1].Data, first[len(first)-1].Data) {
		t.Error("other options gave the cached bytes")
	}
}

func TestUnpackRefusesAShortPayload(t *testing.T) {
	s := &Set{Copies: []Copy{{Path: "a"}, {Path: "b"}}}
	payload := pack([]File{{Data: []byte("x")}, {Data: []byte("yz")}})
	if _, ok := unpack(payload, s); !ok {
		t.Fatal("unpack of a whole payload failed")
	}
	if _, ok := unpack(payload[:len(payload)-1], s); ok {
		t.Error("unpack of a truncated payload succeeded")
	}
}
