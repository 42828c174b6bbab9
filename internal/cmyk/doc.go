// Package cmyk converts the colours of a screen page (sRGB) to the inks of
// an offset press, for bantin's press PDFs.
//
// The press condition is FOGRA39 (ISO 12647-2:2004/Amd 1, offset on coated
// paper), the condition most European and Vietnamese print shops proof
// against. [Profile] is its ICC output profile, embedded in every press PDF
// as the PDF/X output intent; [Condition] names it.
//
// Two conversions, by what the colour paints:
//   - [Gray] (and [RGB] when red = green = blue): a neutral colour is
//     printed with black ink alone, so that text, rules and QR codes are
//     100 % K — registered on one plate, never a four-colour rich black. The
//     black is the one whose relative lightness matches the grey, with
//     black-point compensation (sRGB black is K 100 %).
//   - [RGB]: any other colour goes through the profile's perceptual table,
//     gamut-mapped from sRGB: sampled at 17³ grid points and interpolated
//     (trilinear). Photographs (see [Pixels]) go through the table whole,
//     neutral pixels included, as a photograph prints in four colours.
//
// The data (fogra39.icc, rgb.bin, gray.bin) is made by `go generate` with
// ArgyllCMS from FOGRA39L.ti3 and sRGB.icc of Debian's icc-profiles-free
// (Zlib licence); gen.go says how. Values are 0…1 in and out.
package cmyk

//go:generate go run gen.go
