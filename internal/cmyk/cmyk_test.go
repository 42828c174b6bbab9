package cmyk

import (
	"encoding/binary"
	"math"
	"testing"
)

func TestProfileIsACMYKPrinterProfile(t *testing.T) {
	p := Profile()
	if len(p) < 128 || int(binary.BigEndian.Uint32(p)) != len(p) {
		t.Fatalf("profile size field %d, file %d", binary.BigEndian.Uint32(p), len(p))
	}
	for _, f := range []struct {
		at   int
		want string
	}{{12, "prtr"}, {16, "CMYK"}, {20, "Lab "}, {36, "acsp"}} {
		if got := string(p[f.at : f.at+4]); got != f.want {
			t.Errorf("header at %d = %q, want %q", f.at, got, f.want)
		}
	}
}

// Text, rules and QR codes are neutral: they print on the black plate only.
func TestNeutralsUseBlackInkOnly(t *testing.T) {
	prev := 2.0
	for i := 0; i <= 255; i++ {
		v := float64(i) / 255
		c, m, y, k := RGB(v, v, v)
		if c != 0 || m != 0 || y != 0 {
			t.Fatalf("grey %d → %.3f %.3f %.3f %.3f: colour ink in a neutral", i, c, m, y, k)
		}
		if k > prev {
			t.Fatalf("grey %d: black %.3f darker than the darker grey before it (%.3f)", i, k, prev)
		}
		prev = k
	}
	if _, _, _, k := RGB(0, 0, 0); k != 1 {
		t.Errorf("sRGB black → K %.3f, want 100 %%", k)
	}
	if _, _, _, k := RGB(1, 1, 1); k != 0 {
		t.Errorf("white → K %.3f, want no ink", k)
	}
}

func TestColoursGoThroughTheTable(t *testing.T) {
	cases := []struct {
		name       string
		r, g, b    float64
		main, none int // the ink that must dominate; one that must be (almost) absent
	}{
		{"red", 1, 0, 0, 1, 0},    // magenta (with yellow), no cyan
		{"blue", 0, 0, 1, 0, 2},   // cyan, no yellow
		{"yellow", 1, 1, 0, 2, 1}, // yellow, no magenta (sRGB yellow is greener than process yellow: some cyan)
	}
	for _, tc := range cases {
		c, m, y, k := RGB(tc.r, tc.g, tc.b)
		inks := []float64{c, m, y, k}
		if inks[tc.main] < 0.7 || inks[tc.none] > 0.1 {
			t.Errorf("%s → C %.2f M %.2f Y %.2f K %.2f", tc.name, c, m, y, k)
		}
	}
	// At a grid point the interpolation is the stored value.
	c, m, y, k := table(0.25, 0.5, 0.75) // points 4, 8, 12
	at := ((4*grid+8)*grid + 12) * 4
	for i, v := range []float64{c, m, y, k} {
		if math.Abs(v*255-float64(rgbTable[at+i])) > 1e-9 {
			t.Errorf("ink %d = %.4f at a grid point, stored %d", i, v*255, rgbTable[at+i])
		}
	}
}

func TestPixelsMatchTheTable(t *testing.T) {
	rgb := []byte{0, 0, 0, 255, 255, 255, 200, 30, 40, 200, 30, 40}
	got := Pixels(rgb)
	if len(got) != 16 {
		t.Fatalf("%d samples for 4 pixels", len(got))
	}
	if got[3] < 250 || got[0] < 200 {
		t.Errorf("photo black → %v, want a rich black (four colours)", got[:4])
	}
	if got[4]|got[5]|got[6]|got[7] != 0 {
		t.Errorf("white → %v", got[4:8])
	}
	c, m, y, k := table(200.0/255, 30.0/255, 40.0/255)
	for i, v := range []float64{c, m, y, k} {
		if got[8+i] != toByte(v) || got[12+i] != got[8+i] {
			t.Errorf("pixel ink %d = %d, table %d", i, got[8+i], toByte(v))
		}
	}
}
