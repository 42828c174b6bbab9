package build

import (
	"io"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"

	"bantin/internal/content"
	"bantin/internal/diag"
	"bantin/internal/imaging"
	"bantin/internal/markdown"
	"bantin/internal/output"
	"bantin/internal/parallel"
	"bantin/internal/site"
)

// processMemo keeps the image copies made in this process, by content
// key: a second build in the same process (the dev server's rebuilds, a
// test suite's builds of the sample site) makes none again. The copies it
// holds are the ones the build's files point to, so it costs memory only
// for images a later build no longer uses (an edited photo's old copies).
var processMemo = &imaging.Memo{}

// processedExts are the image files bantin makes copies of.
var processedExts = map[string]bool{".jpg": true, ".jpeg": true, ".png": true, ".webp": true, ".gif": true}

// images plans the copies of every content image a page uses (its
// bundle's images, its Markdown images, its front-matter image), makes
// them on every core after Markdown, and keeps the originals out of the
// output unless a page links to them.
type images struct {
	fsys fs.FS
	ix   *site.Index
	proc *imaging.Processor

	mu        sync.Mutex
	planned   map[string]*plannedImage // by path under content/
	linked    map[string]bool          // files a Markdown link points to
	shownBy   map[string][]string      // document → the images its Markdown shows
	published map[string]bool          // processed originals in the output (linked on purpose)
}

type plannedImage struct {
	set    *imaging.Set
	source string // "content/…": read again when its copies are made
	err    error
	made   bool // its copies are among the build's files
}

// headBytes is how much of a photo planning reads: its header and its
// EXIF block (at most 64 KB) come first in a JPEG or PNG. A GIF is read
// whole (whether it is animated takes every frame), and so is a WebP (its
// EXIF chunk may follow the image).
const headBytes = 256 << 10

func newImages(fsys fs.FS, ix *site.Index, proc *imaging.Processor) *images {
	return &images{fsys: fsys, ix: ix, proc: proc, planned: map[string]*plannedImage{}, linked: map[string]bool{}, shownBy: map[string][]string{}, published: map[string]bool{}}
}

// plan returns the planned copies of the content file rel, or nil when
// it is not a published image bantin processes.
func (im *images) plan(rel string) (*imaging.Set, error) {
	if !processedExts[strings.ToLower(path.Ext(rel))] {
		return nil, nil
	}
	r, ok := im.ix.File(rel)
	if !ok {
		return nil, nil // the link check reports it
	}
	im.mu.Lock()
	p, ok := im.planned[rel]
	im.mu.Unlock()
	if ok {
		return p.set, p.err
	}
	p = &plannedImage{source: r.Source}
	var head []byte
	ext := strings.ToLower(path.Ext(rel))
	head, p.err = readHead(im.fsys, r.Source, ext == ".gif" || ext == ".webp")
	if p.err == nil {
		p.set, p.err = imaging.Plan(head, r.OutPath, r.RelPermalink, im.proc.Opts)
	}
	im.mu.Lock()
	if q, ok := im.planned[rel]; ok {
		p = q // planned meanwhile by another page
	} else {
		im.planned[rel] = p
	}
	im.mu.Unlock()
	return p.set, p.err
}

// finder is the ImageFinder of the document at docRel.
func (im *images) finder(docRel string) markdown.ImageFinder {
	dir := path.Dir(docRel)
	return func(target string) (*imaging.Set, error) {
		rel := path.Clean(path.Join(dir, target))
		set, err := im.plan(rel)
		if set != nil || err != nil {
			im.mu.Lock()
			im.shownBy[docRel] = append(im.shownBy[docRel], rel)
			im.mu.Unlock()
		}
		return set, err
	}
}

// readHead returns the first headBytes of a file, or all of it.
func readHead(fsys fs.FS, name string, whole bool) ([]byte, error) {
	if whole {
		return fs.ReadFile(fsys, name)
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, headBytes))
}

// input returns in, the Markdown input of the document at docRel, with
// its links recorded and its images found here.
func (im *images) input(in markdown.Input, docRel string) markdown.Input {
	im.mu.Lock()
	delete(im.shownBy, docRel) // rendered again: what it shows now
	im.mu.Unlock()
	in.Resolve = im.resolver(docRel, in.Resolve)
	in.Image = im.finder(docRel)
	return in
}

// resolver wraps a document's link resolver to record the content files
// its links point to: an original linked on purpose is published.
func (im *images) resolver(docRel string, resolve markdown.Resolver) markdown.Resolver {
	dir := path.Dir(docRel)
	return func(target string) (string, error) {
		u, err := resolve(target)
		if err == nil {
			im.mu.Lock()
			im.linked[path.Clean(path.Join(dir, target))] = true
			im.mu.Unlock()
		}
		return u, err
	}
}

// attach plans the bundle images and front-matter image of every page
// and gives each page its sets (site.Page.Images, SharingImage). Problems
// are errors at the file, or at the front matter's image key.
func (im *images) attach(s *site.Site, dl *diag.List) {
	for _, p := range s.All {
		if p.Doc != nil {
			im.attachPage(p, p.Doc, dl)
		}
	}
}

func (im *images) attachPage(p *site.Page, d *content.Doc, dl *diag.List) {
	dir := path.Dir(d.Rel)
	p.Images, p.SharingImage = nil, nil
	add := func(rel string, pos diag.Pos) *imaging.Set {
		set, err := im.plan(rel)
		if err != nil {
			dl.Errorf(pos, "image %s: %v", path.Join(content.Dir, rel), err)
			return nil
		}
		if set != nil {
			if p.Images == nil {
				p.Images = map[string]*imaging.Set{}
			}
			p.Images[relativeTo(dir, rel)] = set
		}
		return set
	}
	im.mu.Lock()
	shown := im.shownBy[d.Rel]
	im.mu.Unlock()
	for _, rel := range d.Resources {
		if _, err := im.plan(rel); err != nil {
			if !slices.Contains(shown, rel) { // shown: an error at its line already
				// a file with an image's name, published as it is
				dl.Warnf(diag.Pos{File: path.Join(content.Dir, rel)}, "%v; it is published as it is, without smaller copies", err)
			}
			continue
		}
		add(rel, diag.Pos{File: path.Join(content.Dir, rel)})
	}
	for _, rel := range shown {
		if _, err := im.plan(rel); err != nil {
			continue // an error at the image's line already
		}
		add(rel, diag.Pos{File: path.Join(content.Dir, rel)})
	}
	var sharing *imaging.Set
	switch img := p.Image; {
	case img != "" && !strings.Contains(img, "://") && !strings.HasPrefix(img, "/"):
		sharing = add(path.Clean(path.Join(dir, img)), d.Pos("image"))
	case img == "": // no image key: the first photograph the page shows
		for _, rel := range shown {
			if set, err := im.plan(rel); set != nil && err == nil {
				sharing = set
				break
			}
		}
	}
	if sharing != nil {
		if og := sharing.WantOG(); og != nil {
			c := *og
			p.SharingImage = &c
		}
	}
}

// files makes every planned set's copies on every core and passes each to
// add as soon as its set is made, so that no more than the sets being made
// are held in memory.
func (im *images) files(dl *diag.List, add func(output.File)) {
	rels := make([]string, 0, len(im.planned))
	for rel, p := range im.planned {
		if p.set != nil {
			rels = append(rels, rel)
		}
	}
	sort.Strings(rels)
	errs := make([]error, len(rels))
	parallel.For(len(rels), func(i int) {
		p := im.planned[rels[i]]
		data, err := fs.ReadFile(im.fsys, p.source)
		if err != nil {
			errs[i] = err
			return
		}
		made, err := im.proc.Make(data, p.set)
		if err != nil {
			errs[i] = err
			return
		}
		p.made = true
		source := path.Join(content.Dir, rels[i])
		for _, f := range made {
			add(output.File{Path: f.Path, Data: f.Data, Source: source + " (image copy)"})
		}
	})
	for i, rel := range rels {
		if errs[i] != nil {
			dl.Errorf(diag.Pos{File: path.Join(content.Dir, rel)}, "image: %v", errs[i])
		}
	}
}

// relativeTo returns the content path rel as written from the folder dir:
// "anh.jpg" in it, "../chung/anh.jpg" from a sibling folder.
func relativeTo(dir, rel string) string {
	if dir == "." {
		return rel
	}
	if strings.HasPrefix(rel, dir+"/") {
		return strings.TrimPrefix(rel, dir+"/")
	}
	return "../" + relativeTo(path.Dir(dir), rel)
}

// changedFor reports whether the document at docRel, rendered again by a
// Session, shows an image whose copies the build did not make, or links to
// an original it withheld.
func (im *images) changedFor(docRel string) bool {
	im.mu.Lock()
	defer im.mu.Unlock()
	for _, rel := range im.shownBy[docRel] {
		if p := im.planned[rel]; p.set != nil && !p.made {
			return true
		}
	}
	for rel := range im.linked {
		if p := im.planned[rel]; p != nil && p.set != nil && !p.set.Animated && !im.published[rel] {
			return true
		}
	}
	return false
}

// withhold returns files without the originals of processed images that
// no link points to (an animated GIF, which has no copies, stays).
func (im *images) withhold(files []output.File) []output.File {
	skip := map[string]bool{}
	for rel, p := range im.planned {
		if p.set == nil || p.set.Animated {
			continue
		}
		if im.linked[rel] {
			im.published[rel] = true
		} else {
			skip[p.set.Original.Path] = true
		}
	}
	out := files[:0]
	for _, f := range files {
		if !skip[f.Path] || !strings.HasPrefix(f.Source, content.Dir+"/") {
			out = append(out, f)
		}
	}
	return out
}
