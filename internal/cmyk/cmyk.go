package cmyk

import (
	_ "embed"
	"math"
)

//go:embed fogra39.icc
var profile []byte

//go:embed rgb.bin
var rgbTable []byte

//go:embed gray.bin
var grayTable []byte

// grid is the number of table points along each of red, green and blue.
const grid = 17

// Profile returns the ICC profile of the press condition (a copy).
func Profile() []byte { return append([]byte(nil), profile...) }

// Condition describes the press condition for a PDF/X output intent.
var Condition = struct {
	Identifier, Info, Registry string
}{
	Identifier: "FOGRA39",
	Info:       "Coated FOGRA39 (ISO 12647-2:2004/Amd 1), offset, paper type 1 or 2",
	Registry:   "http://www.color.org",
}

// Gray returns the black ink (0…1) that prints the sRGB grey v (0…1).
func Gray(v float64) float64 {
	x := clamp(v) * 255
	i := int(x)
	if i >= 255 {
		return float64(grayTable[255]) / 255
	}
	f := x - float64(i)
	return (float64(grayTable[i])*(1-f) + float64(grayTable[i+1])*f) / 255
}

// RGB returns the inks that print the sRGB colour (r, g, b): black alone
// for a neutral colour, the profile's table for any other.
func RGB(r, g, b float64) (c, m, y, k float64) {
	if r == g && g == b {
		return 0, 0, 0, Gray(r)
	}
	return table(r, g, b)
}

// table interpolates the sRGB → CMYK grid (trilinear).
func table(r, g, b float64) (c, m, y, k float64) {
	var out [4]float64
	ri, rf := cell(r)
	gi, gf := cell(g)
	bi, bf := cell(b)
	for corner := 0; corner < 8; corner++ {
		dr, dg, db := corner>>2&1, corner>>1&1, corner&1
		w := weight(rf, dr) * weight(gf, dg) * weight(bf, db)
		if w == 0 {
			continue
		}
		at := (((ri+dr)*grid+gi+dg)*grid + bi + db) * 4
		for ch := range out {
			out[ch] += w * float64(rgbTable[at+ch])
		}
	}
	return out[0] / 255, out[1] / 255, out[2] / 255, out[3] / 255
}

// cell returns the grid cell of v and v's place (0…1) within it.
func cell(v float64) (int, float64) {
	x := clamp(v) * (grid - 1)
	i := int(math.Floor(x))
	if i >= grid-1 {
		return grid - 2, 1
	}
	return i, x - float64(i)
}

func weight(f float64, upper int) float64 {
	if upper == 1 {
		return f
	}
	return 1 - f
}

func clamp(v float64) float64 { return math.Max(0, math.Min(1, v)) }

// Pixels converts 8-bit RGB samples (r g b r g b …) to 8-bit CMYK samples
// through the table (photographs print in four colours).
func Pixels(rgb []byte) []byte {
	out := make([]byte, 0, len(rgb)/3*4)
	memo := map[[3]byte][4]byte{}
	for i := 0; i+2 < len(rgb); i += 3 {
		key := [3]byte{rgb[i], rgb[i+1], rgb[i+2]}
		v, ok := memo[key]
		if !ok {
			c, m, y, k := table(float64(key[0])/255, float64(key[1])/255, float64(key[2])/255)
			v = [4]byte{toByte(c), toByte(m), toByte(y), toByte(k)}
			if len(memo) < 1<<16 {
				memo[key] = v
			}
		}
		out = append(out, v[:]...)
	}
	return out
}

func toByte(x float64) byte { return byte(math.Round(clamp(x) * 255)) }
