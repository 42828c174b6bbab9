//go:build ignore

// gen makes the colour data of package cmyk with ArgyllCMS (Debian packages
// argyll and icc-profiles-free): `go generate ./internal/cmyk`.
//
//  1. fogra39.icc: a CMYK output profile built by colprof from FOGRA39L.ti3
//     (FOGRA's characterisation data for offset on coated paper, ISO
//     12647-2:2004/Amd 1, as shipped by icc-profiles-free under the Zlib
//     licence): ramp black generation, 330 % total ink, perceptual table
//     gamut-mapped from sRGB.
//  2. rgb.bin: sRGB → CMYK at the 17³ grid points (red slowest), four bytes
//     each, through sRGB.icc (icc-profiles-free, Zlib) and the new
//     profile's perceptual table.
//  3. gray.bin: for each sRGB grey 0…255, the single black ink (0…255)
//     whose relative lightness matches it, with black-point compensation
//     (sRGB black is K 100 %).
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"log"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

const (
	ti3     = "/usr/share/color/icc/FOGRA39L.ti3"
	srgb    = "/usr/share/color/icc/sRGB.icc"
	grid    = 17
	profile = "fogra39.icc"
)

func main() {
	tmp, err := os.MkdirTemp("", "cmyk-gen-")
	check(err)
	defer os.RemoveAll(tmp)
	makeProfile(tmp)
	check(os.WriteFile("rgb.bin", rgbTable(), 0o644))
	check(os.WriteFile("gray.bin", grayTable(), 0o644))
}

func makeProfile(tmp string) {
	raw, err := os.ReadFile(ti3)
	check(err)
	base := filepath.Join(tmp, "fogra39")
	check(os.WriteFile(base+".ti3", raw, 0o644))
	run(nil, "colprof", "-qm", "-bl", "-nc", "-kr", "-l330", "-s", srgb,
		"-D", "bantin FOGRA39 (ISO 12647-2 coated, from FOGRA39L data)",
		"-C", "Made by bantin with ArgyllCMS from FOGRA39L.ti3 (icc-profiles-free, Zlib licence)",
		"-A", "bantin", base)
	icc, err := os.ReadFile(base + ".icc")
	check(err)
	check(os.WriteFile(profile, icc, 0o644))
}

// rgbTable evaluates sRGB → Lab → CMYK at every grid point.
func rgbTable() []byte {
	var in strings.Builder
	for r := 0; r < grid; r++ {
		for g := 0; g < grid; g++ {
			for b := 0; b < grid; b++ {
				fmt.Fprintf(&in, "%g %g %g\n", unit(r), unit(g), unit(b))
			}
		}
	}
	lab := values(run([]byte(in.String()), "xicclu", "-ff", "-ip", "-pl", "-s", "1", srgb), "[Lab]")
	cmyk := values(run(lines(lab), "xicclu", "-fb", "-ip", "-pl", profile), "[CMYK]")
	out := make([]byte, 0, len(cmyk)*4)
	for _, v := range cmyk {
		for _, x := range v {
			out = append(out, toByte(x))
		}
	}
	return out
}

// grayTable matches the lightness of sRGB greys with black ink alone.
func grayTable() []byte {
	var greys, ks strings.Builder
	for i := 0; i < 256; i++ {
		fmt.Fprintf(&greys, "%g %g %g\n", float64(i)/255, float64(i)/255, float64(i)/255)
		fmt.Fprintf(&ks, "0 0 0 %g\n", float64(i)/255)
	}
	greyL := values(run([]byte(greys.String()), "xicclu", "-ff", "-ir", "-pl", "-s", "1", srgb), "[Lab]")
	inkL := values(run([]byte(ks.String()), "xicclu", "-ff", "-ir", "-pl", profile), "[Lab]")
	black := inkL[255][0]
	out := make([]byte, 256)
	for i := range out {
		want := black + greyL[i][0]*(100-black)/100 // black-point compensation
		out[i] = toByte(inkFor(want, inkL))
	}
	return out
}

// inkFor interpolates the black ink 0…1 whose lightness is want
// (lightness falls as ink rises).
func inkFor(want float64, inkL [][]float64) float64 {
	for i := 1; i < len(inkL); i++ {
		hi, lo := inkL[i-1][0], inkL[i][0]
		if want <= hi && want >= lo {
			if hi == lo {
				return float64(i) / 255
			}
			return (float64(i-1) + (hi-want)/(hi-lo)) / 255
		}
	}
	if want > inkL[0][0] {
		return 0
	}
	return 1
}

func unit(i int) float64 { return float64(i) / (grid - 1) }

func toByte(x float64) byte { return byte(math.Round(math.Max(0, math.Min(1, x)) * 255)) }

func run(stdin []byte, name string, args ...string) []byte {
	cmd := exec.Command(name, args...)
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		log.Fatalf("%s: %v\n%s", name, err, stderr.Bytes())
	}
	return out
}

// values reads the numbers between "->" and the tag on each line of
// xicclu's output ("0.5 0.5 0.5 [RGB] -> Lut -> 1 2 3 [Lab]").
func values(out []byte, tag string) [][]float64 {
	var all [][]float64
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		line := sc.Text()
		end := strings.LastIndex(line, tag)
		if end < 0 {
			continue
		}
		start := strings.LastIndex(line[:end], "->")
		var v []float64
		for _, f := range strings.Fields(line[start+2 : end]) {
			x, err := strconv.ParseFloat(f, 64)
			check(err)
			v = append(v, x)
		}
		all = append(all, v)
	}
	return all
}

func lines(vs [][]float64) []byte {
	var b strings.Builder
	for _, v := range vs {
		for i, x := range v {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(strconv.FormatFloat(x, 'f', 6, 64))
		}
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
