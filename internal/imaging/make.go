package imaging

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"slices"
	"sync"

	"bantin/internal/cache"

	"github.com/gen2brain/webp"
	"golang.org/x/image/draw"
)

// Version names the code that makes copies; it is part of every cache
// key. Bump it when the same input and options would give other bytes.
const Version = "imaging 2"

// cacheNamespace is the folder of the cache store holding image copies.
const cacheNamespace = "images"

// File is one encoded copy.
type File struct {
	Path string
	Data []byte
}

// Processor makes the copies of image sets, through a cache store (nil
// keeps nothing) and an in-memory Memo (nil keeps nothing; the dev server
// keeps one across its rebuilds). It is safe for concurrent use.
type Processor struct {
	Store *cache.Store
	Memo  *Memo
	Opts  Options
}

// Memo keeps made copies in memory, by cache key.
type Memo struct{ m sync.Map }

// Make returns the encoded copies of set (Copies, then Print, then OG), made from
// data, the original's bytes that Plan read.
func (p *Processor) Make(data []byte, set *Set) ([]File, error) {
	if set.Animated {
		return nil, nil
	}
	key := p.key(data, set)
	if p.Memo != nil {
		if payload, ok := p.Memo.m.Load(key); ok {
			if files, ok := unpack(payload.([]byte), set); ok {
				return files, nil
			}
		}
	}
	if payload, ok := p.Store.Get(cacheNamespace, key); ok {
		if files, ok := unpack(payload, set); ok {
			p.remember(key, payload)
			return files, nil
		}
	}
	made, err := p.make(data, set)
	if err != nil {
		return nil, err
	}
	payload := pack(made)
	files, _ := unpack(payload, set) // the files share the payload's memory with the memo
	p.remember(key, payload)
	// A cache that cannot be written costs the next build time, never
	// this build's output.
	_ = p.Store.Put(cacheNamespace, key, payload)
	return files, nil
}

func (p *Processor) remember(key cache.Key, payload []byte) {
	if p.Memo != nil {
		p.Memo.m.Store(key, payload)
	}
}

func (p *Processor) key(data []byte, set *Set) cache.Key {
	o := p.Opts.withDefaults()
	opts := fmt.Sprintf("%v q%d w%d libwebp=%v og=%v", o.Widths, o.JPEGQuality, o.WebPQuality, webp.Dynamic() == nil, set.OG != nil)
	return cache.NewKey([]byte(Version), []byte(opts), data)
}

func (p *Processor) make(data []byte, set *Set) ([]File, error) {
	o := p.Opts.withDefaults()
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	src = orient(src, set.orientation)
	if b := src.Bounds(); b.Dx() != set.Width || b.Dy() != set.Height {
		return nil, fmt.Errorf("decoded %d×%d, the header said %d×%d", b.Dx(), b.Dy(), set.Width, set.Height)
	}
	copies := set.Copies
	if set.Print != nil {
		copies = append(slices.Clone(copies), *set.Print)
	}
	scaled := scaleAll(src, copies)
	var files []File
	for _, c := range copies {
		b, err := encode(scaled[c.Width], c.Format, set.Fallback == "png", o)
		if err != nil {
			return nil, fmt.Errorf("encode %s: %w", c.Path, err)
		}
		files = append(files, File{Path: c.Path, Data: b})
	}
	if set.OG != nil {
		b, err := encode(cover(src, set.OG.Width, set.OG.Height), "jpeg", false, o)
		if err != nil {
			return nil, fmt.Errorf("encode %s: %w", set.OG.Path, err)
		}
		files = append(files, File{Path: set.OG.Path, Data: b})
	}
	return files, nil
}

// scaleAll scales src to the width of every copy, widest first, so that
// each narrower one can start from a wider copy (cascadeSource).
func scaleAll(src image.Image, copies []Copy) map[int]image.Image {
	sizes := map[int]int{}
	var widths []int
	for _, c := range copies {
		if _, ok := sizes[c.Width]; !ok {
			widths = append(widths, c.Width)
		}
		sizes[c.Width] = c.Height
	}
	slices.Sort(widths)
	scaled := map[int]image.Image{}
	for _, w := range slices.Backward(widths) {
		scaled[w] = resize(cascadeSource(scaled, src, w), w, sizes[w])
	}
	return scaled
}

// cascadeSource returns the narrowest copy already made that is at least
// twice as wide as w (detail enough for Catmull-Rom), else the original.
func cascadeSource(scaled map[int]image.Image, src image.Image, w int) image.Image {
	best := src
	for sw, m := range scaled {
		if sw >= 2*w && sw < best.Bounds().Dx() {
			best = m
		}
	}
	return best
}

// resize scales src to w×h with Catmull-Rom.
func resize(src image.Image, w, h int) image.Image {
	if b := src.Bounds(); b.Dx() == w && b.Dy() == h {
		return src
	}
	dst := image.NewNRGBA(image.Rect(0, 0, w, h))
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
	return dst
}

// cover cuts the centre of src to the ratio w:h and scales it to w×h.
func cover(src image.Image, w, h int) image.Image {
	b := src.Bounds()
	cw, ch := b.Dx(), b.Dx()*h/w
	if ch > b.Dy() {
		cw, ch = b.Dy()*w/h, b.Dy()
	}
	x0, y0 := b.Min.X+(b.Dx()-cw)/2, b.Min.Y+(b.Dy()-ch)/2
	dst := image.NewNRGBA(image.Rect(0, 0, w, h))
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, image.Rect(x0, y0, x0+cw, y0+ch), draw.Src, nil)
	return dst
}

// encode writes m in format; lossless makes a WebP lossless.
func encode(m image.Image, format string, lossless bool, o Options) ([]byte, error) {
	var b bytes.Buffer
	var err error
	switch format {
	case "webp":
		err = webp.Encode(&b, m, webp.Options{Quality: o.WebPQuality, Method: 2, Lossless: lossless})
	case "png":
		err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&b, m)
	default:
		err = jpeg.Encode(&b, opaque(m), &jpeg.Options{Quality: o.JPEGQuality})
	}
	return b.Bytes(), err
}

// opaque returns m as an RGBA image over white: JPEG has no transparency,
// and image/jpeg would write a transparent pixel's colour as black.
func opaque(m image.Image) image.Image {
	dst := image.NewRGBA(m.Bounds())
	draw.Draw(dst, dst.Bounds(), image.White, image.Point{}, draw.Src)
	draw.Draw(dst, dst.Bounds(), m, m.Bounds().Min, draw.Over)
	return dst
}
