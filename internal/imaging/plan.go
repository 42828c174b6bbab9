package imaging

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	_ "image/jpeg" // decoders for image.DecodeConfig and image.Decode
	_ "image/png"
	"path"
	"strconv"
	"strings"

	_ "golang.org/x/image/webp"
)

// DefaultWidths are the widths, in pixels, of the copies made of an image.
var DefaultWidths = []int{480, 800, 1200, 1600}

// PrintWidth is the widest print copy: an A4 page's width at 300 ppi.
const PrintWidth = 2480

// OGWidth and OGHeight are the size of the sharing (Open Graph) copy.
const (
	OGWidth  = 1200
	OGHeight = 630
)

// Options shape the copies. The zero value means the defaults.
type Options struct {
	Widths      []int // ascending; nil means DefaultWidths
	JPEGQuality int   // 0 means 82
	WebPQuality int   // 0 means 75
}

func (o Options) withDefaults() Options {
	if len(o.Widths) == 0 {
		o.Widths = DefaultWidths
	}
	if o.JPEGQuality == 0 {
		o.JPEGQuality = 82
	}
	if o.WebPQuality == 0 {
		o.WebPQuality = 75
	}
	return o
}

// Copy is one published copy of an image.
type Copy struct {
	Path      string // output path: "bai-viet/a/anh-800.webp"
	URL       string // site-relative URL: "/bai-viet/a/anh-800.webp"
	Width     int
	Height    int
	Format    string // "webp", "jpeg" or "png"
	MediaType string // "image/webp" …
}

// Set is every copy of one original image.
type Set struct {
	Width, Height int    // the original's size as viewed (orientation applied)
	Format        string // the original's format: "jpeg", "png", "gif", "webp"
	Fallback      string // the format of the non-WebP copies: "jpeg", or "png" for PNG, GIF and transparent WebP input (then the WebP copies are lossless)
	Animated      bool   // an animated GIF: no copies are made, the original is published
	Original      Copy   // the original file, where it would be published
	Copies        []Copy // WebP copies by width, then fallback copies by width
	// Print is the copy print editions load: the original's width up to
	// PrintWidth, in the fallback format, when that is wider than every
	// copy in Copies; nil otherwise (they load the widest of Copies).
	Print       *Copy
	OG          *Copy // the 1200×630 sharing copy, once WantOG asked for it
	orientation int
}

// Plan returns the copies that Make will make of the image data whose
// original would be published at outPath with URL url. It reads only the
// image's header.
func Plan(data []byte, outPath, url string, opts Options) (*Set, error) {
	opts = opts.withDefaults()
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("not an image bantin can read (JPEG, PNG, WebP or GIF): %w", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, fmt.Errorf("the image is empty (%d×%d)", cfg.Width, cfg.Height)
	}
	s := &Set{Width: cfg.Width, Height: cfg.Height, Format: format, orientation: orientation(data)}
	if swapsSides(s.orientation) {
		s.Width, s.Height = s.Height, s.Width
	}
	s.Original = Copy{Path: outPath, URL: url, Width: s.Width, Height: s.Height, Format: format, MediaType: "image/" + format}
	if format == "gif" && animated(data) {
		s.Animated = true
		return s, nil
	}
	s.Fallback = "jpeg"
	if format == "png" || format == "gif" || hasAlpha(cfg.ColorModel, format) {
		s.Fallback = "png" // drawings, charts and screenshots: sharp edges, few colours
	}
	base := strings.TrimSuffix(path.Base(outPath), path.Ext(outPath))
	dirOut, dirURL := path.Dir(outPath), path.Dir(url)
	name := func(suffix, f string) (string, string) {
		file := base + "-" + suffix + "." + extension(f)
		return path.Join(dirOut, file), path.Join(dirURL, file)
	}
	widths := copyWidths(s.Width, opts.Widths)
	for _, f := range []string{"webp", s.Fallback} {
		for _, w := range widths {
			p, u := name(strconv.Itoa(w), f)
			s.Copies = append(s.Copies, Copy{Path: p, URL: u, Width: w, Height: scaledHeight(s.Width, s.Height, w), Format: f, MediaType: "image/" + f})
		}
	}
	if pw := min(s.Width, PrintWidth); pw > widths[len(widths)-1] {
		p, u := name(strconv.Itoa(pw), s.Fallback)
		s.Print = &Copy{Path: p, URL: u, Width: pw, Height: scaledHeight(s.Width, s.Height, pw), Format: s.Fallback, MediaType: "image/" + s.Fallback}
	}
	return s, nil
}

// WantOG adds the 1200×630 sharing copy to the set (once: it is made only
// for a page's sharing image) and returns it; nil for an animated GIF.
// Call it before Make.
func (s *Set) WantOG() *Copy {
	if s.Animated {
		return nil
	}
	if s.OG == nil {
		base := strings.TrimSuffix(path.Base(s.Original.Path), path.Ext(s.Original.Path)) + "-og.jpg"
		s.OG = &Copy{Path: path.Join(path.Dir(s.Original.Path), base), URL: path.Join(path.Dir(s.Original.URL), base),
			Width: OGWidth, Height: OGHeight, Format: "jpeg", MediaType: "image/jpeg"}
	}
	return s.OG
}

// copyWidths returns the widths under the original's, and the original's
// own width when it is not wider than the widest.
func copyWidths(orig int, widths []int) []int {
	var out []int
	for _, w := range widths {
		if w < orig {
			out = append(out, w)
		}
	}
	if orig <= widths[len(widths)-1] || len(out) == 0 {
		out = append(out, min(orig, widths[len(widths)-1]))
	}
	return out
}

func scaledHeight(w, h, nw int) int {
	return max(1, (h*nw+w/2)/w)
}

func extension(format string) string {
	if format == "jpeg" {
		return "jpg"
	}
	return format
}

// hasAlpha reports whether an image of this colour model (as the
// decoders of image/png, image/gif and x/image/webp report it) may have
// transparent pixels.
func hasAlpha(m color.Model, format string) bool {
	if format == "jpeg" {
		return false
	}
	if p, ok := m.(color.Palette); ok {
		for _, c := range p {
			if _, _, _, a := c.RGBA(); a != 0xffff {
				return true
			}
		}
		return false
	}
	switch m {
	case color.NRGBAModel, color.NRGBA64Model, color.AlphaModel, color.Alpha16Model, color.NYCbCrAModel:
		return true
	}
	return false
}

// animated reports whether a GIF has more than one frame.
func animated(data []byte) bool {
	g, err := gif.DecodeAll(bytes.NewReader(data))
	return err == nil && len(g.Image) > 1
}

// Largest returns the widest copy of the format ("webp", or the set's
// Fallback), or the original when the set has no copies.
func (s *Set) Largest(format string) Copy {
	var best Copy
	for _, c := range s.Copies {
		if c.Format == format && c.Width >= best.Width {
			best = c
		}
	}
	if best.Path == "" {
		return s.Original
	}
	return best
}

// PrintCopy returns the copy print editions load: Print, else the widest
// fallback copy.
func (s *Set) PrintCopy() Copy {
	if s.Print != nil {
		return *s.Print
	}
	return s.Largest(s.Fallback)
}

// Src returns the fallback copy an <img src> names: the widest up to 800
// pixels, else the narrowest; the original for a set without copies.
func (s *Set) Src() Copy {
	src := s.Smallest(s.Fallback)
	for _, c := range s.Copies {
		if c.Format == s.Fallback && c.Width <= 800 {
			src = c
		}
	}
	return src
}

// Smallest returns the narrowest copy of the format, or the original.
func (s *Set) Smallest(format string) Copy {
	for _, c := range s.Copies {
		if c.Format == format {
			return c
		}
	}
	return s.Original
}

// SrcSet returns the srcset attribute of the copies in format:
// "/a/anh-480.webp 480w, /a/anh-800.webp 800w".
func (s *Set) SrcSet(format string) string {
	var parts []string
	for _, c := range s.Copies {
		if c.Format == format {
			parts = append(parts, c.URL+" "+strconv.Itoa(c.Width)+"w")
		}
	}
	return strings.Join(parts, ", ")
}
