package pdf

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"

	"bantin/internal/cmyk"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// toPressColour converts every colour of pdf to the press condition's inks
// (package cmyk): fill and stroke colours in content streams (rg, RG, and
// sc/scn after an RGB colour space), colour space resources, images (whole
// pixels, re-encoded with Flate), shadings with interpolation functions,
// transparency groups and soft-mask backdrops. Neutral colours become
// black ink alone, so text, rules and QR codes print on the K plate.
// Anything it cannot convert is an error, never left in RGB: the result is
// read back with rgbLeft before it is returned.
func toPressColour(pdf []byte) ([]byte, error) {
	return rewrite(pdf, "press colour", convertColours)
}

// convertColours is toPressColour on a read document.
func convertColours(ctx *model.Context) error {
	conv := colourConversion{ctx: ctx, rgbNames: map[string]bool{}}
	if err := conv.objects(); err != nil {
		return err
	}
	if err := conv.contentStreams(); err != nil {
		return err
	}
	if left := rgbLeft(ctx); len(left) > 0 {
		return fmt.Errorf("RGB left after conversion: %v", left)
	}
	return nil
}

// colourConversion is one document's conversion.
type colourConversion struct {
	ctx      *model.Context
	rgbNames map[string]bool // colour space resource names that were RGB
}

// objectNumbers are the document's object numbers, in order.
func objectNumbers(ctx *model.Context) []int {
	var nrs []int
	for nr, e := range ctx.XRefTable.Table {
		if e != nil && !e.Free && e.Object != nil {
			nrs = append(nrs, nr)
		}
	}
	sort.Ints(nrs)
	return nrs
}

// objects converts images first (they need their RGB colour space to read
// their samples), then every colour space, group, shading and backdrop.
func (c *colourConversion) objects() error {
	table := c.ctx.XRefTable.Table
	for _, nr := range objectNumbers(c.ctx) {
		if sd, ok := table[nr].Object.(types.StreamDict); ok && isImage(sd.Dict) {
			converted, err := c.image(sd)
			if err != nil {
				return fmt.Errorf("image (object %d): %w", nr, err)
			}
			table[nr].Object = converted
		}
	}
	for _, nr := range objectNumbers(c.ctx) {
		switch o := table[nr].Object.(type) {
		case types.Dict:
			if err := c.dict(o); err != nil {
				return fmt.Errorf("object %d: %w", nr, err)
			}
		case types.StreamDict:
			if err := c.dict(o.Dict); err != nil {
				return fmt.Errorf("object %d: %w", nr, err)
			}
		case types.Array:
			if err := c.array(o); err != nil {
				return fmt.Errorf("object %d: %w", nr, err)
			}
		}
	}
	return nil
}

func isImage(d types.Dict) bool {
	s := d.NameEntry("Subtype")
	return s != nil && *s == "Image"
}

// dict converts the colour entries of d and of the dictionaries and arrays
// inside it (not following references: each object is visited itself).
func (c *colourConversion) dict(d types.Dict) error {
	shading := d["ShadingType"] != nil
	if shading {
		if err := c.shading(d); err != nil {
			return err
		}
	}
	for key, v := range d {
		var err error
		switch {
		case shading && (key == "ColorSpace" || key == "Function"):
			continue // converted together by shading
		case key == "ColorSpace":
			err = c.colourSpaceEntry(d, v)
		case key == "CS" && isGroup(d):
			d[key], err = c.space(v)
		case key == "BC":
			d[key], err = c.backdrop(v)
		default:
			switch x := v.(type) {
			case types.Dict:
				err = c.dict(x)
			case types.Array:
				err = c.array(x)
			}
		}
		if err != nil {
			return fmt.Errorf("/%s: %w", key, err)
		}
	}
	return nil
}

func (c *colourConversion) array(a types.Array) error {
	for _, v := range a {
		switch x := v.(type) {
		case types.Dict:
			if err := c.dict(x); err != nil {
				return err
			}
		case types.Array:
			if err := c.array(x); err != nil {
				return err
			}
		}
	}
	return nil
}

func isGroup(d types.Dict) bool {
	s := d.NameEntry("S")
	return s != nil && *s == "Transparency"
}

// colourSpaceEntry converts a /ColorSpace entry: either a resource map
// (name → colour space) or one colour space (an image's, a shading's).
func (c *colourConversion) colourSpaceEntry(d types.Dict, v types.Object) error {
	if ref, ok := v.(types.IndirectRef); ok {
		if m, err := c.ctx.DereferenceDict(ref); err == nil && m != nil {
			return c.resourceMap(m)
		}
	}
	if m, ok := v.(types.Dict); ok {
		return c.resourceMap(m)
	}
	converted, err := c.space(v)
	if err == nil {
		d["ColorSpace"] = converted
	}
	return err
}

// resourceMap converts the colour spaces a resource dictionary names,
// remembering the names that were RGB so that content streams setting
// them get four components.
func (c *colourConversion) resourceMap(m types.Dict) error {
	for name, v := range m {
		rgb, err := c.isRGB(v)
		if err != nil {
			return err
		}
		if rgb {
			c.rgbNames[name] = true
		}
		if m[name], err = c.space(v); err != nil {
			return fmt.Errorf("/%s: %w", name, err)
		}
	}
	return nil
}

// space returns the CMYK replacement of colour space v, or v when it holds
// no RGB.
func (c *colourConversion) space(v types.Object) (types.Object, error) {
	rgb, err := c.isRGB(v)
	if err != nil || rgb {
		return types.Name("DeviceCMYK"), err
	}
	a, err := c.ctx.DereferenceArray(v)
	if err != nil || len(a) == 0 {
		return v, nil
	}
	family, _ := a[0].(types.Name)
	switch family {
	case "Indexed":
		return c.indexed(a)
	case "Pattern":
		if len(a) > 1 {
			base, err := c.space(a[1])
			return types.Array{a[0], base}, err
		}
	case "Separation", "DeviceN":
		alt := a[len(a)-2]
		if family == "Separation" {
			alt = a[2]
		}
		if rgb, _ := c.isRGB(alt); rgb {
			return nil, fmt.Errorf("a %s colour space with an RGB alternate is not supported", family)
		}
	}
	return v, nil
}

// isRGB tells whether colour space v is an RGB one: DeviceRGB, CalRGB, or
// an ICC-based space of three components (treated as sRGB).
func (c *colourConversion) isRGB(v types.Object) (bool, error) {
	o, err := c.ctx.Dereference(v)
	if err != nil {
		return false, err
	}
	switch x := o.(type) {
	case types.Name:
		return x == "DeviceRGB" || x == "RGB", nil
	case types.Array:
		if len(x) == 0 {
			return false, nil
		}
		switch family, _ := x[0].(types.Name); family {
		case "CalRGB":
			return true, nil
		case "ICCBased":
			if len(x) < 2 {
				return false, fmt.Errorf("ICCBased colour space without a profile")
			}
			sd, _, err := c.ctx.DereferenceStreamDict(x[1])
			if err != nil || sd == nil {
				return false, fmt.Errorf("ICCBased profile: %v", err)
			}
			n := sd.Dict.IntEntry("N")
			return n != nil && *n == 3, nil
		}
	}
	return false, nil
}

// indexed converts an indexed colour space whose base is RGB: its lookup
// table gets four bytes per entry.
func (c *colourConversion) indexed(a types.Array) (types.Object, error) {
	if len(a) != 4 {
		return nil, fmt.Errorf("indexed colour space of %d elements", len(a))
	}
	if rgb, err := c.isRGB(a[1]); err != nil || !rgb {
		return a, err
	}
	var lookup []byte
	switch t := a[3].(type) {
	case types.StringLiteral:
		b, err := types.Unescape(string(t))
		if err != nil {
			return nil, err
		}
		lookup = b
	case types.HexLiteral:
		b, err := t.Bytes()
		if err != nil {
			return nil, err
		}
		lookup = b
	default:
		sd, _, err := c.ctx.DereferenceStreamDict(t)
		if err != nil || sd == nil {
			return nil, fmt.Errorf("indexed lookup: %v", err)
		}
		if err := sd.Decode(); err != nil {
			return nil, err
		}
		lookup = sd.Content
	}
	return types.Array{a[0], types.Name("DeviceCMYK"), a[2], types.HexLiteral(fmt.Sprintf("%X", cmyk.Pixels(lookup)))}, nil
}

// backdrop converts a soft mask's three-component backdrop colour.
func (c *colourConversion) backdrop(v types.Object) (types.Object, error) {
	a, ok := v.(types.Array)
	if !ok || len(a) != 3 {
		return v, nil
	}
	return cmykArray(a)
}

// cmykArray converts an array of three numbers (0…1 RGB) to four.
func cmykArray(a types.Array) (types.Array, error) {
	var rgb [3]float64
	for i, o := range a {
		n, ok := numeric(o)
		if !ok {
			return nil, fmt.Errorf("colour component %v is not a number", o)
		}
		rgb[i] = n
	}
	cc, m, y, k := cmyk.RGB(rgb[0], rgb[1], rgb[2])
	return types.NewNumberArray(cc, m, y, k), nil
}

// shading converts a shading whose colour space is RGB: its colour space,
// and its function's outputs (exponential functions, type 2, get CMYK end
// points; a stitching function, type 3, has its parts converted). Sampled
// and PostScript functions, one function per component and mesh shadings
// (which carry colours in their stream) are refused.
func (c *colourConversion) shading(d types.Dict) error {
	rgb, err := c.isRGB(d["ColorSpace"])
	if err != nil || !rgb {
		return err
	}
	if t := d.IntEntry("ShadingType"); t == nil || *t > 3 {
		return fmt.Errorf("an RGB shading of type %v is not supported", d["ShadingType"])
	}
	if a, ok := d["Function"].(types.Array); ok && len(a) > 1 {
		return fmt.Errorf("an RGB shading with one function per component is not supported")
	}
	fn := d["Function"]
	if a, ok := fn.(types.Array); ok && len(a) == 1 {
		fn = a[0]
	}
	if err := c.function(fn); err != nil {
		return err
	}
	d["ColorSpace"] = types.Name("DeviceCMYK")
	return nil
}

// function converts one function with RGB output to CMYK output.
func (c *colourConversion) function(f types.Object) error {
	d, err := c.ctx.DereferenceDict(f)
	if err != nil || d == nil {
		return fmt.Errorf("shading function: %v", err)
	}
	switch t := d.IntEntry("FunctionType"); {
	case t != nil && *t == 2:
		for _, key := range []string{"C0", "C1"} {
			a, ok := d[key].(types.Array)
			if !ok && key == "C0" {
				a = types.NewNumberArray(0, 0, 0) // the default C0
			} else if !ok {
				a = types.NewNumberArray(1, 1, 1)
			}
			if len(a) == 3 {
				if d[key], err = cmykArray(a); err != nil {
					return err
				}
			}
		}
		return nil
	case t != nil && *t == 3:
		parts, err := c.ctx.DereferenceArray(d["Functions"])
		if err != nil {
			return err
		}
		for _, p := range parts {
			if err := c.function(p); err != nil {
				return err
			}
		}
		return nil
	default:
		return fmt.Errorf("a shading function of type %v is not supported", d["FunctionType"])
	}
}

func numeric(o types.Object) (float64, bool) {
	switch n := o.(type) {
	case types.Integer:
		return float64(n), true
	case types.Float:
		return float64(n), true
	}
	return 0, false
}

// formatNumber writes a colour component with at most four decimals.
func formatNumber(v float64) string {
	s := strconv.FormatFloat(v, 'f', 4, 64)
	s = trimZeros(s)
	if s == "-0" {
		return "0"
	}
	return s
}

func trimZeros(s string) string {
	if !bytes.ContainsRune([]byte(s), '.') {
		return s
	}
	for s[len(s)-1] == '0' {
		s = s[:len(s)-1]
	}
	if s[len(s)-1] == '.' {
		s = s[:len(s)-1]
	}
	return s
}
