package build

import (
	"bytes"
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"bantin/internal/cache"
	"bantin/internal/imaging"
	"bantin/internal/imaging/imagingtest"
	"bantin/internal/tooltest"
)

const photoSite = minimalConfig + `
-- content/bai-viet/hop-to/index.md --
+++
title = "Họp tổ dân phố"
date = 2026-01-10
image = "hop.jpg"
+++
Tổ dân phố số 3 họp bàn việc làm đường.

![Các hộ dân góp ý](hop.jpg "Họp tại nhà văn hoá, tháng 5")

Ảnh gốc khổ lớn: [tải về](goc.jpg).

![Bản đồ](ban-do.png)
`

// photoFS is photoSite with its photographs: hop.jpg is a phone photo
// stored landscape (1200×900) with EXIF orientation 6 and a GPS position;
// goc.jpg is linked; ban-do.png and khong-dung.jpg are in the bundle.
func photoFS(t testing.TB) fstest.MapFS {
	fsys := siteFS(t, photoSite)
	add := func(name string, data []byte) { fsys["content/bai-viet/hop-to/"+name] = &fstest.MapFile{Data: data} }
	add("hop.jpg", imagingtest.WithEXIF(imagingtest.JPEG(imagingtest.Scene(1200, 900, 1), 90), 6, 21.0285, 105.8542))
	add("goc.jpg", imagingtest.JPEG(imagingtest.Scene(640, 480, 2), 90))
	add("ban-do.png", imagingtest.PNG(imagingtest.Scene(500, 400, 3)))
	add("khong-dung.jpg", imagingtest.JPEG(imagingtest.Scene(300, 200, 4), 90))
	return fsys
}

func buildPhotos(t *testing.T, opts Options) *Result {
	t.Helper()
	opts.Now = fixedNow
	res := Build(photoFS(t), opts)
	if err := res.Diags.Err(); err != nil {
		t.Fatal(err)
	}
	for _, d := range res.Diags.Items() {
		if !strings.Contains(d.Msg, "no id") {
			t.Errorf("diagnostic: %s", d)
		}
	}
	return res
}

func TestPublishedImages(t *testing.T) {
	res := buildPhotos(t, Options{})
	files := map[string][]byte{}
	for _, f := range res.Files {
		files[f.Path] = f.Data
	}
	dir := "bai-viet/hop-to/"
	want := map[string][2]int{ // the copies, turned: 900×1200 shown
		"hop-480.webp": {480, 640}, "hop-800.webp": {800, 1067}, "hop-900.webp": {900, 1200},
		"hop-480.jpg": {480, 640}, "hop-800.jpg": {800, 1067}, "hop-900.jpg": {900, 1200}, "hop-og.jpg": {1200, 630},
		"ban-do-480.webp": {480, 384}, "ban-do-500.png": {500, 400}, "khong-dung-300.jpg": {300, 200},
		"goc-640.jpg": {640, 480},
	}
	for name, size := range want {
		data, ok := files[dir+name]
		if !ok {
			t.Errorf("%s was not written", name)
			continue
		}
		m, format, err := image.Decode(bytes.NewReader(data))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if b := m.Bounds(); b.Dx() != size[0] || b.Dy() != size[1] || !strings.HasSuffix(name, "."+map[string]string{"jpeg": "jpg", "png": "png", "webp": "webp"}[format]) {
			t.Errorf("%s is %s %d×%d, want %d×%d", name, format, b.Dx(), b.Dy(), size[0], size[1])
		}
	}
	for path, data := range files {
		if bytes.Contains(data, []byte(imagingtest.GPSMarker)) || (strings.HasPrefix(path, dir+"hop") && bytes.Contains(data, []byte("Exif"))) {
			t.Errorf("%s holds the photo's EXIF", path)
		}
	}
	for _, original := range []string{"hop.jpg", "ban-do.png", "khong-dung.jpg"} {
		if _, ok := files[dir+original]; ok {
			t.Errorf("the original %s is published, and nothing links to it", original)
		}
	}
	if _, ok := files[dir+"goc.jpg"]; !ok {
		t.Error("goc.jpg, linked on purpose, is not published")
	}
	html := string(files[dir+"index.html"])
	for _, w := range []string{
		`<figure>`, `<figcaption>Họp tại nhà văn hoá, tháng 5</figcaption>`,
		`<source type="image/webp" srcset="/bai-viet/hop-to/hop-480.webp 480w, /bai-viet/hop-to/hop-800.webp 800w, /bai-viet/hop-to/hop-900.webp 900w"`,
		`width="900" height="1200" alt="Các hộ dân góp ý" decoding="async">`,
		`<meta property="og:image" content="https://x.vn/bai-viet/hop-to/hop-og.jpg">`,
		`<meta property="og:image:width" content="1200">`,
		`href="/bai-viet/hop-to/goc.jpg"`,
		`alt="Bản đồ" loading="lazy" decoding="async">`,
	} {
		if !strings.Contains(html, w) {
			t.Errorf("the page lacks %s", w)
		}
	}
	page := res.Site.Pages[0]
	if s := page.Images["khong-dung.jpg"]; s == nil || s.Largest("jpeg").Width != 300 {
		t.Errorf("page.Images has no set for the bundle's unused photo: %v", page.Images)
	}
}

func TestSecondBuildReusesTheImageCache(t *testing.T) {
	store, err := cache.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	// a fresh memo for each build: the process's own would answer first
	first := buildPhotos(t, Options{Cache: store, imageMemo: &imaging.Memo{}})
	if st := store.StatsOf("images"); st.Hits != 0 || st.Misses != 4 {
		t.Fatalf("first build: %+v, want 4 misses (one per image)", st)
	}
	second := buildPhotos(t, Options{Cache: store, imageMemo: &imaging.Memo{}})
	if st := store.StatsOf("images").Since(cache.Stats{Misses: 4}); st.Hits != 4 || st.Misses != 0 {
		t.Errorf("second build: %+v, want 4 hits", st)
	}
	if len(first.Files) != len(second.Files) {
		t.Fatalf("%d files, then %d", len(first.Files), len(second.Files))
	}
	for i := range first.Files {
		if first.Files[i].Path != second.Files[i].Path || !bytes.Equal(first.Files[i].Data, second.Files[i].Data) {
			t.Errorf("%s differs on the cached build", first.Files[i].Path)
		}
	}
}

func TestRequireAltMakesMissingAltAnError(t *testing.T) {
	fsys := photoFS(t)
	fsys["config.toml"] = &fstest.MapFile{Data: append(bytes.Clone(fsys["config.toml"].Data), "\n[images]\nrequireAlt = true\n"...)}
	fsys["content/bai-viet/hop-to/index.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Họp\"\ndate = 2026-01-10\n+++\nẢnh: ![](hop.jpg)\n")}
	res := Build(fsys, Options{Now: fixedNow})
	want := `content/bai-viet/hop-to/index.md:5:6: error: image "hop.jpg" has no alt text`
	if err := res.Diags.Err(); err == nil || !strings.Contains(err.Error(), want) || len(res.Files) != 0 {
		t.Errorf("got %v, want %s", err, want)
	}
}

// The sample site's phone photo (ngo-xom.jpg: stored 1800×2400 with EXIF
// orientation 6 and a GPS position) is published turned, as 2400×1800
// shown, and no published file carries its position or camera.
func TestSamplePhotoIsTurnedAndStripped(t *testing.T) {
	original, err := os.ReadFile(filepath.Join("..", "..", "content", "bai-viet", "khoanh-khac-ngay-hoi", "ngo-xom.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(original, []byte(imagingtest.GPSMarker)) {
		t.Fatal("the sample photo has lost its EXIF: run makephotos again")
	}
	res := Build(os.DirFS(filepath.Join("..", "..")), Options{Now: fixedNow})
	if err := res.Diags.Err(); err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, f := range res.Files {
		if bytes.Contains(f.Data, []byte(imagingtest.GPSMarker)) {
			t.Errorf("%s carries the photo's EXIF", f.Path)
		}
		if strings.HasPrefix(f.Path, "bai-viet/khoanh-khac-ngay-hoi/ngo-xom") {
			found++
			cfg, _, err := image.DecodeConfig(bytes.NewReader(f.Data))
			if err != nil || cfg.Width <= cfg.Height {
				t.Errorf("%s is %d×%d (%v), want landscape", f.Path, cfg.Width, cfg.Height, err)
			}
		}
	}
	if found != 9 { // 4 widths × 2 formats and the print copy (the page shares hoi-truong.jpg)
		t.Errorf("%d copies of ngo-xom.jpg, want 9", found)
	}
}

// In the dev server, an edit that links a photo's original publishes it
// (a full rebuild), and an edit of the text alone keeps the fast path
// with the photos' copies unchanged.
func TestSessionPublishesAnOriginalOnceLinked(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{}
	for name, f := range photoFS(t) {
		files[name] = string(f.Data)
	}
	tooltest.WriteFiles(t, root, files)
	s, ch := NewSession(os.DirFS(root), Options{Now: fixedNow})
	if ch.Failed {
		t.Fatal(ch.Diags.Err())
	}
	page := "content/bai-viet/hop-to/index.md"
	copyBefore := s.Files()["bai-viet/hop-to/hop-800.webp"]
	if copyBefore == nil || s.Files()["bai-viet/hop-to/hop.jpg"] != nil {
		t.Fatal("the first build did not make hop.jpg's copies, or published the original")
	}
	edit := func(body string) *Change {
		t.Helper()
		tooltest.WriteFiles(t, root, map[string]string{page: body})
		ch := s.Update([]string{page})
		if ch.Failed {
			t.Fatal(ch.Diags.Err())
		}
		return ch
	}
	text := files[page]
	if ch := edit(strings.Replace(text, "việc làm đường", "việc làm đường và điện", 1)); ch.Full {
		t.Error("a text edit rebuilt everything")
	}
	if !bytes.Equal(s.Files()["bai-viet/hop-to/hop-800.webp"], copyBefore) {
		t.Error("a text edit changed the photo's copy")
	}
	edit(text + "\n[Ảnh họp khổ lớn](hop.jpg)\n")
	if s.Files()["bai-viet/hop-to/hop.jpg"] == nil {
		t.Error("hop.jpg, linked by the edit, is not published")
	}
}

// A page without an image key shares the first photograph it shows; the
// photographs it does not share get no sharing copy.
func TestFirstPhotoIsTheSharingImage(t *testing.T) {
	fsys := photoFS(t)
	fsys["content/bai-viet/hop-to/index.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Họp\"\ndate = 2026-01-10\n+++\nẢnh: ![Bản đồ](ban-do.png) và ![Họp](hop.jpg).\n")}
	res := Build(fsys, Options{Now: fixedNow})
	if err := res.Diags.Err(); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range res.Files {
		files[f.Path] = string(f.Data)
	}
	contains(t, files, "bai-viet/hop-to/index.html", `<meta property="og:image" content="https://x.vn/bai-viet/hop-to/ban-do-og.jpg">`)
	contains(t, files, "bai-viet/hop-to/ban-do-og.jpg")
	if _, ok := files["bai-viet/hop-to/hop-og.jpg"]; ok {
		t.Error("hop.jpg, not shared, got a sharing copy")
	}
}

func TestRelativeTo(t *testing.T) {
	for _, c := range [][3]string{
		{"bai-viet/a", "bai-viet/a/anh.jpg", "anh.jpg"},
		{"bai-viet/a", "bai-viet/b/anh.jpg", "../b/anh.jpg"},
		{"bai-viet/a", "anh/logo.png", "../../anh/logo.png"},
		{".", "anh/logo.png", "anh/logo.png"},
		{"bai-viet", "bai-viet/a/anh.jpg", "a/anh.jpg"},
	} {
		if got := relativeTo(c[0], c[1]); got != c[2] {
			t.Errorf("relativeTo(%q, %q) = %q, want %q", c[0], c[1], got, c[2])
		}
	}
}
