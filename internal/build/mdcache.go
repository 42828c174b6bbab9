package build

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"sync"
	"sync/atomic"

	"bantin/internal/cache"
	"bantin/internal/diag"
	"bantin/internal/imaging"
	"bantin/internal/markdown"
	"bantin/internal/shortcode"
)

// markdownVersion names the layout of cached Markdown results; bump it
// when markdown.Result or cachedMarkdown changes shape.
const markdownVersion = "markdown/3"

// cachedMarkdown is what the cache keeps of one rendered document: the
// result, the diagnostics rendering reported, every link it resolved and
// every image it looked up, with the answers it got. Those are the inputs
// a document's key cannot hold (other pages' URLs, the image files' plans):
// a hit whose links or images now answer differently is a miss. Asking
// again on a hit also replays what the asking records (which originals
// are linked, which images a page shows and must be made).
type cachedMarkdown struct {
	Result *markdown.Result
	Diags  []diag.Diagnostic
	Links  []resolved
	Images []resolved // URL: the image's plan as JSON
}

type resolved struct {
	Target, URL, Err string
}

// markdownKey is the key of in rendered with opts: the file's name and
// position (they are in the diagnostics), its bytes, the options and the
// program.
func markdownKey(opts markdown.Options, in markdown.Input) cache.Key {
	return cache.NewKey([]byte(markdownVersion), cache.Program(), []byte(fmt.Sprintf("%#v", opts)),
		[]byte(in.File), []byte(fmt.Sprint(in.FirstLine)), in.Src)
}

// renderCached renders in, or takes its result from c when a whole entry
// with the same key is there and every link it resolved resolves the same
// way now. A document that calls a shortcode is never stored: the call's
// output depends on templates, the page and the site.
func renderCached(r *markdown.Renderer, opts markdown.Options, c *cache.Store, in markdown.Input, dl *diag.List) (*markdown.Result, error) {
	if c == nil || in.Resolve == nil || callsShortcodes(in.Src) {
		return r.Render(in, dl)
	}
	key := markdownKey(opts, in)
	if data, ok := c.Get("markdown", key); ok {
		if e, err := decodeCachedMarkdown(data); err == nil && sameLinks(e.Links, in.Resolve) && sameImages(e.Images, in.Image) {
			for _, d := range e.Diags {
				dl.Add(d)
			}
			return e.Result, nil
		}
		c.Stale("markdown", key)
	}
	rec := &linkRecorder{resolve: in.Resolve}
	in.Resolve = rec.Resolve
	imgRec := &imageRecorder{find: in.Image}
	if in.Image != nil {
		in.Image = imgRec.Find
	}
	var calledShortcode atomic.Bool
	if sc := in.Shortcodes; sc != nil {
		in.Shortcodes = func(c markdown.ShortcodeCall) (template.HTML, error) {
			calledShortcode.Store(true)
			return sc(c)
		}
	}
	own := &diag.List{}
	res, err := r.Render(in, own)
	dl.Merge(own)
	if err != nil {
		return nil, err
	}
	if calledShortcode.Load() {
		// A shortcode's output depends on templates, the page and the
		// site, which no key of the document holds: rendered every time.
		return res, nil
	}
	// A failed write only costs the next build a render.
	c.Put("markdown", key, encodeCachedMarkdown(cachedMarkdown{Result: res, Diags: own.Items(), Links: rec.links, Images: imgRec.images}))
	return res, nil
}

// callsShortcodes reports whether src holds a shortcode call: such a
// document is rendered every time, without asking the cache.
func callsShortcodes(src []byte) bool {
	if !bytes.Contains(src, []byte("{{<")) && !bytes.Contains(src, []byte("{{%")) {
		return false
	}
	return len(shortcode.Parse(src).Calls) > 0
}

func sameLinks(links []resolved, resolve markdown.Resolver) bool {
	for _, l := range links {
		if answer(l.Target, resolve) != l {
			return false
		}
	}
	return true
}

func answer(target string, resolve markdown.Resolver) resolved {
	url, err := resolve(target)
	return newResolved(target, url, err)
}

func newResolved(target, url string, err error) resolved {
	r := resolved{Target: target, URL: url}
	if err != nil {
		r.Err = err.Error()
	}
	return r
}

// linkRecorder notes every link a render resolves.
type linkRecorder struct {
	resolve markdown.Resolver
	mu      sync.Mutex
	links   []resolved
}

func (l *linkRecorder) Resolve(target string) (string, error) {
	url, err := l.resolve(target)
	l.mu.Lock()
	l.links = append(l.links, newResolved(target, url, err))
	l.mu.Unlock()
	return url, err
}

func sameImages(images []resolved, find markdown.ImageFinder) bool {
	if len(images) > 0 && find == nil {
		return false
	}
	for _, im := range images {
		set, err := find(im.Target)
		if newResolved(im.Target, planOf(set), err) != im {
			return false
		}
	}
	return true
}

// planOf is an image's plan as text: sizes, formats and every copy's path.
func planOf(set *imaging.Set) string {
	if set == nil {
		return ""
	}
	b, err := json.Marshal(set)
	if err != nil {
		return "unmarshalable plan: " + err.Error() // never equal to a real one twice: a miss
	}
	return string(b)
}

// imageRecorder notes every image a render looks up.
type imageRecorder struct {
	find   markdown.ImageFinder
	mu     sync.Mutex
	images []resolved
}

func (r *imageRecorder) Find(target string) (*imaging.Set, error) {
	set, err := r.find(target)
	r.mu.Lock()
	r.images = append(r.images, newResolved(target, planOf(set), err))
	r.mu.Unlock()
	return set, err
}
