package build

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"bantin/internal/output"
	"bantin/internal/tooltest"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/shortcodes")

// fixtureFS reads a txtar fixture and makes its generated files: a file
// whose text is "GENERATE png WxH" becomes a PNG of that size, "GENERATE
// bytes N" N bytes.
func fixtureFS(t *testing.T, txt string) fstest.MapFS {
	t.Helper()
	fsys := siteFS(t, txt)
	for _, f := range fsys {
		line := strings.TrimSpace(string(f.Data))
		var w, h, n int
		if _, err := fmt.Sscanf(line, "GENERATE png %dx%d", &w, &h); err == nil {
			f.Data = pngOf(t, w, h)
		} else if _, err := fmt.Sscanf(line, "GENERATE bytes %d", &n); err == nil {
			f.Data = bytes.Repeat([]byte{'x'}, n)
		}
	}
	return fsys
}

func pngOf(t *testing.T, w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = uint8(i)
	}
	img.Set(0, 0, color.White)
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

var svgElement = regexp.MustCompile(`(?s)<svg.*?</svg>`)

// bodyOf is the article body of a built page, each SVG drawing (QR codes,
// checked by TestShortcodeQRCodesScan) written as <svg/>.
func bodyOf(t *testing.T, html string) string {
	t.Helper()
	i := strings.Index(html, `<div class="article-body">`)
	if i < 0 {
		t.Fatal("no article body")
	}
	rest := html[i+len(`<div class="article-body">`):]
	end := strings.Index(rest, "\n  </div>\n")
	if end < 0 {
		t.Fatal("no end of the article body")
	}
	return svgElement.ReplaceAllString(strings.TrimSpace(rest[:end]), "<svg/>") + "\n"
}

// Every built-in shortcode writes what its golden file holds
// (testdata/shortcodes/NAME.golden.html; go test -run TestShortcodeGolden -update
// rewrites them).
func TestShortcodeGolden(t *testing.T) {
	fixtures, _ := filepath.Glob(filepath.Join("testdata", "shortcodes", "*.txtar"))
	if len(fixtures) < 8 {
		t.Fatalf("only %d fixtures", len(fixtures))
	}
	for _, fixture := range fixtures {
		name := strings.TrimSuffix(filepath.Base(fixture), ".txtar")
		t.Run(name, func(t *testing.T) {
			txt, err := os.ReadFile(fixture)
			if err != nil {
				t.Fatal(err)
			}
			res := Build(fixtureFS(t, string(txt)), Options{Now: fixedNow})
			if err := res.Diags.Err(); err != nil {
				t.Fatal(err)
			}
			var page string
			for _, f := range res.Files {
				if f.Path == "bai-viet/a/index.html" {
					page = string(f.Data)
				}
			}
			got := bodyOf(t, page)
			golden := strings.TrimSuffix(fixture, ".txtar") + ".golden.html"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("%s: the body differs from %s:\n%s", fixture, golden, got)
			}
		})
	}
}

// The QR codes of the qr, video, youtube and pdf blocks hold their URLs.
func TestShortcodeQRCodesScan(t *testing.T) {
	files := buildOK(t, `-- config.toml --
baseURL = "https://danvan.example.vn/ban-tin/"
-- content/bai-viet/a/index.md --
+++
title = "A"
id = "a00001"
+++
{{< qr "https://forms.example.vn/gop-y" >}}
{{< video src="v.mp4" >}}
{{< youtube aqz-KE-bpKQ >}}
{{< pdf src="d.pdf" >}}
-- content/bai-viet/a/v.mp4 --
v
-- content/bai-viet/a/d.pdf --
d
`)
	page := files["bai-viet/a/index.html"]
	i := strings.Index(page, `<div class="article-body">`)
	found := svgElement.FindAllString(page[i:], -1)
	want := []string{"https://forms.example.vn/gop-y", "https://danvan.example.vn/ban-tin/bai-viet/a/v.mp4", "https://www.youtube.com/watch?v=aqz-KE-bpKQ", "https://danvan.example.vn/ban-tin/bai-viet/a/d.pdf"}
	if len(found) < len(want) {
		t.Fatalf("%d QR codes in the body, want %d", len(found), len(want))
	}
	for k, w := range want {
		if got := tooltest.DecodeQR(t, tooltest.RasterizeQRSVG(t, []byte(found[k]), 4)); got != w {
			t.Errorf("QR code %d holds %q, want %q", k, got, w)
		}
	}
}

// Every problem with a call is an error at its line and column, and the
// build writes nothing.
func TestShortcodeErrorPositions(t *testing.T) {
	files, msgs := build(t, `-- config.toml --
baseURL = "https://danvan.example.vn/"
-- content/bai-viet/a/index.md --
+++
title = "A"
+++
Mở đầu {{< khong-co >}}
{{< figure alt="x" >}}
{{< note >}}không đóng

{{< qr "https://a.vn" x="y" >}}
  {{< figure src="a.jpg" caption=“Ảnh” >}}
{{< /gallery >}}
{{< youtube "abc" >}}
{{% note "nguy-hiem" %}}x{{% /note %}}
{{< pdf src="thieu.pdf" >}}
{{< video src="v.mp4
`+"```"+`
{{< khong-co-trong-code >}}
`+"```"+`
`, Options{})
	want := `content/bai-viet/a/index.md:4:8: error: unknown shortcode "khong-co": neither layouts/shortcodes/khong-co.html nor the theme has it
content/bai-viet/a/index.md:5:1: error: shortcode "figure": missing required argument src="…"
content/bai-viet/a/index.md:6:1: error: shortcode "note" is not closed: its text ends with {{< /note >}}
content/bai-viet/a/index.md:8:23: error: shortcode "qr" mixes positional and named arguments: write all as key="value" or none
content/bai-viet/a/index.md:9:34: error: shortcode "figure": typographic quote "“" where a straight " is meant
content/bai-viet/a/index.md:10:1: error: closing tag {{< /gallery >}} has no open "gallery" call before it
content/bai-viet/a/index.md:11:1: error: shortcode "youtube": "abc" is not a YouTube video id (eleven letters, digits, - or _, as in youtube.com/watch?v=ID)
content/bai-viet/a/index.md:12:1: error: shortcode "note": note: kind "nguy-hiem" is not ghi-chu, luu-y or quan-trong
content/bai-viet/a/index.md:13:1: error: shortcode "pdf": thieu.pdf: content/bai-viet/a/thieu.pdf does not exist
content/bai-viet/a/index.md:14:15: error: shortcode "video": the quoted argument is not closed by "`
	if msgs != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", msgs, want)
	}
	if len(files) != 0 {
		t.Errorf("%d files written", len(files))
	}
}

// A site's layouts/shortcodes/NAME.html replaces the theme's, and a site
// may add its own shortcodes, with .Get by name and index, .Inner, .Page,
// .Site, .Params, .IsNamedParams and .Position.
func TestSiteShortcodeOverridesTheme(t *testing.T) {
	files := buildOK(t, `-- config.toml --
title = "Bản tin"
baseURL = "https://danvan.example.vn/"
[params]
donvi = "Ban Dân vận"
-- layouts/shortcodes/note.html --
<div class="canh-bao">{{ .Get 0 }}|{{ .Inner }}</div>
-- layouts/shortcodes/the.html --
<span class="the">{{ .Get "ten" }}|{{ .Page.Title }}|{{ .Page.RelPermalink }}|{{ .Site.Title }}|{{ .Site.Params.donvi }}|{{ .IsNamedParams }}|{{ .Params.ten }}|{{ .Position }}|{{ len .Page.Resources }}</span>
-- layouts/shortcodes/lich.html --
{{/* layouts/shortcodes/lich.html: {{< lich ngay="20/11" >}} */}}
<p class="lich">Lịch họp: {{ .Require "ngay" }} — {{ .Page.Title }}</p>
-- content/bai-viet/a/index.md --
+++
title = "Bài A"
+++
{{% note "lưu ý" %}}*Chữ*{{% /note %}}

{{< lich ngay="20/11" >}}

Thẻ: {{< the ten="Dân vận" >}}
-- content/bai-viet/a/anh.txt --
x
`)
	contains(t, files, "bai-viet/a/index.html",
		`<div class="canh-bao">lưu ý|<p><em>Chữ</em></p></div>`,
		`<span class="the">Dân vận|Bài A|/bai-viet/a/|Bản tin|Ban Dân vận|true|Dân vận|content/bai-viet/a/index.md:8:6|1</span>`)
	if strings.Contains(files["bai-viet/a/index.html"], `class="note`) {
		t.Error("the theme's note template was used")
	}
}

// "Tệp đính kèm" lists the bundle's files that the text does not show or
// link to, with their type and size.
func TestAttachmentsListOnlyFilesNotInText(t *testing.T) {
	files := buildOK(t, `-- config.toml --
baseURL = "https://danvan.example.vn/"
-- content/bai-viet/a/index.md --
+++
title = "A"
+++
![Biểu đồ](bieu-do.png) [Mẫu đơn](<mau don.docx>)

{{< pdf src="ke-hoach.pdf" >}}
-- content/bai-viet/a/bieu-do.png --
PNG
-- content/bai-viet/a/mau don.docx --
docx
-- content/bai-viet/a/ke-hoach.pdf --
pdf
-- content/bai-viet/a/bien-ban.pdf --
`+strings.Repeat("x", 1258291)+`
-- content/bai-viet/a/danh-sach.xlsx --
`+strings.Repeat("x", 2000)+`
`)
	page := files["bai-viet/a/index.html"]
	i := strings.Index(page, `<section class="attachments">`)
	if i < 0 {
		t.Fatal("no attachments section")
	}
	got := page[i : i+strings.Index(page[i:], "</section>")]
	want := `<li><a href="/bai-viet/a/bien-ban.pdf">bien-ban.pdf</a> <span class="file-meta">(PDF, 1,2 MB)</span></li><li><a href="/bai-viet/a/danh-sach.xlsx">danh-sach.xlsx</a> <span class="file-meta">(Excel, 2 KB)</span></li></ul>`
	if !strings.Contains(got, want) {
		t.Errorf("attachments:\n%s\nwant the list:\n%s", got, want)
	}
	for _, shown := range []string{"bieu-do.png", "mau don.docx", "ke-hoach.pdf"} {
		if strings.Contains(got, shown) {
			t.Errorf("%s is in the text and in the attachments", shown)
		}
	}
}

// printFormsSite has a bulletin issue that prints an article with every
// block that has a print form.
const printFormsSite = `-- config.toml --
title = "Bản tin"
baseURL = "https://danvan.example.vn/"
-- content/ban-tin/so-1.md --
+++
title = "Số 1"
date = 2026-11-20
id = "bt0001"
articles = ["bai-viet/a/index.md"]
+++
Số đầu tiên.
-- content/bai-viet/a/index.md --
+++
title = "Ngày hội"
date = 2026-11-16
id = "a00001"
+++
{{< video src="v.mp4" poster="p.png" title="Khai mạc" >}}

{{< youtube id="aqz-KE-bpKQ" title="Phóng sự" >}}

{{< pdf src="d.pdf" title="Kế hoạch" >}}
-- content/bai-viet/a/v.mp4 --
GENERATE bytes 2300
-- content/bai-viet/a/p.png --
GENERATE png 32x18
-- content/bai-viet/a/d.pdf --
GENERATE bytes 25000
`

// The print edition of a bulletin shows each block's print form (the
// video's poster and QR code, the YouTube box and QR code, the PDF's
// title, size and QR code) and none of the screen forms; so does the
// article page printed from the browser.
func TestShortcodePrintForms(t *testing.T) {
	txt := printFormsSite
	res := Build(fixtureFS(t, txt), Options{Now: fixedNow})
	if err := res.Diags.Err(); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range res.Files {
		files[f.Path] = string(f.Data)
	}
	contains(t, files, "ban-tin/so-1/ban-in/index.html", "Quét mã để xem video: <strong>Khai mạc</strong>", "Quét mã để xem video trên YouTube", "<strong>Kế hoạch</strong> (PDF, 24 KB)")
	dir := filepath.Join(t.TempDir(), "public")
	if err := output.WriteDir(dir, res.Files); err != nil {
		t.Fatal(err)
	}
	base := tooltest.ServeDir(t, dir)
	ctx := phone(t, 800)
	// what shows: the text of the visible print forms, and whether any
	// screen form (video, YouTube link, PDF view) is drawn
	const shown = `JSON.stringify({
		print: [...document.querySelectorAll('.print-only')].filter(e => e.getClientRects().length > 0).map(e => e.innerText.replace(/\s+/g, ' ').trim()),
		qr: [...document.querySelectorAll('.print-only svg')].filter(e => e.getClientRects().length > 0).length,
		screen: [...document.querySelectorAll('.screen-only')].filter(e => e.getClientRects().length > 0).length})`
	want := `{"print":["Quét mã để xem video: Khai mạc https://danvan.example.vn/bai-viet/a/v.mp4","Quét mã để xem video trên YouTube: Phóng sự https://www.youtube.com/watch?v=aqz-KE-bpKQ","Kế hoạch (PDF, 24 KB) Quét mã để tải tài liệu https://danvan.example.vn/bai-viet/a/d.pdf"],"qr":3,"screen":0}`
	open(t, ctx, base+"/ban-tin/so-1/ban-in/")
	if got := evalString(t, ctx, shown); got != want {
		t.Errorf("print edition shows\n%s\nwant\n%s", got, want)
	}
	open(t, ctx, base+"/bai-viet/a/")
	if got := evalString(t, ctx, shown); !strings.Contains(got, `"print":[]`) || !strings.Contains(got, `"screen":6`) {
		t.Errorf("article on screen shows %s, want no print form and the 6 screen parts (video and its caption, YouTube link and caption, PDF view and link)", got)
	}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	if got := evalString(t, ctx, shown); got != want {
		t.Errorf("article printed shows\n%s\nwant\n%s", got, want)
	}
}

func evalString(t *testing.T, ctx context.Context, js string) string {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// The youtube block asks nothing of YouTube (or Google) until the reader
// clicks it; the click loads the player from youtube-nocookie.com.
func TestYouTubeBlockLoadsNothingBeforeTheClick(t *testing.T) {
	base := tooltest.ServeDir(t, writeSample(t))
	ctx := phone(t, 390)
	requests := requestLog(t, ctx)
	thirdParty := func() []string {
		var out []string
		for _, u := range requests() {
			if !strings.HasPrefix(u, base) && !strings.HasPrefix(u, "data:") {
				out = append(out, u)
			}
		}
		return out
	}
	open(t, ctx, base+"/bai-viet/ngay-hoi-dai-doan-ket/")
	if err := chromedp.Do(ctx, chromedp.ScrollIntoView(chromedp.CSS(`.youtube-poster`))); err != nil {
		t.Fatal(err)
	}
	time.Sleep(500 * time.Millisecond) // lazy images and frames near the view load now
	if got := thirdParty(); len(got) > 0 {
		t.Fatalf("requests to other sites before the click: %v", got)
	}
	click(t, ctx, `.youtube-poster`)
	if err := tooltest.WaitTrue(ctx, `!!document.querySelector('iframe.youtube-player[src^="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"]')`, 5*time.Second); err != nil {
		t.Fatalf("no player after the click: %v", err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) && len(thirdParty()) == 0 {
		time.Sleep(50 * time.Millisecond)
	}
	got := thirdParty()
	if len(got) == 0 || !strings.HasPrefix(got[0], "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ") {
		t.Errorf("after the click, requests to other sites: %v; want the youtube-nocookie player first", got)
	}
	for _, u := range got {
		if strings.Contains(u, "://www.youtube.com/") {
			t.Errorf("request to www.youtube.com: %s", u)
		}
	}
}

// A pair whose template has no use for text is an error: the text would be
// lost.
func TestShortcodePairWithoutInner(t *testing.T) {
	_, msgs := build(t, `-- config.toml --
baseURL = "https://danvan.example.vn/"
-- content/bai-viet/a/index.md --
+++
title = "A"
+++
{{< qr "https://a.vn" >}}chữ bị mất{{< /qr >}}
`, Options{})
	want := `content/bai-viet/a/index.md:4:1: error: shortcode "qr" takes no text, yet it has a closing tag {{< /qr >}}: the text between would be lost`
	if msgs != want {
		t.Errorf("got %s\nwant %s", msgs, want)
	}
}

// In bantin serve, an edit of a page's blocks takes the fast path, a new
// block template rebuilds, and the served site equals a clean build.
func TestSessionShortcodeEdits(t *testing.T) {
	root := t.TempDir()
	head := "+++\nid = \"a00001\"\ntitle = \"A\"\ndate = 2026-01-02\n+++\n"
	page := "content/bai-viet/a/index.md"
	tooltest.WriteFiles(t, root, map[string]string{
		"config.toml":                "baseURL = \"https://danvan.example.vn/\"\n",
		page:                         head + "{{< pdf src=\"a.pdf\" >}}\n",
		"content/bai-viet/a/a.pdf":   "pdf",
		"content/bai-viet/a/bb.docx": "docx",
	})
	s, ch := NewSession(os.DirFS(root), Options{Now: fixedNow})
	if ch.Failed {
		t.Fatal(ch.Diags.Err())
	}
	steps := []struct {
		name  string
		write map[string]string
		fast  bool
	}{
		{"a note added, the PDF block removed", map[string]string{page: head + "{{% note \"lưu ý\" %}}*Mới*{{% /note %}}\n"}, true},
		{"a site block", map[string]string{"layouts/shortcodes/note.html": "<p class=\"rieng\">{{ .Inner }}</p>"}, false},
	}
	for _, step := range steps {
		tooltest.WriteFiles(t, root, step.write)
		ch := s.Update(slices.Collect(maps.Keys(step.write)))
		if ch.Failed {
			t.Fatalf("%s: %v", step.name, ch.Diags.Err())
		}
		if step.fast == ch.Full {
			t.Errorf("%s: full rebuild %v, want %v", step.name, ch.Full, !step.fast)
		}
		sameAsCleanBuild(t, step.name, root, s)
	}
	got := string(s.Files()["bai-viet/a/index.html"])
	for _, want := range []string{`<p class="rieng"><p><em>Mới</em></p></p>`, `a.pdf</a> <span class="file-meta">(PDF, 3 B)`} {
		if !strings.Contains(got, want) {
			t.Errorf("served page lacks %q", want)
		}
	}
}

// requestLog records the URL of every request the tab sends; the function
// it returns lists them so far.
func requestLog(t *testing.T, ctx context.Context) func() []string {
	t.Helper()
	var mu sync.Mutex
	var requests []string
	if err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			mu.Lock()
			requests = append(requests, e.Request.URL)
			mu.Unlock()
		}
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(requests)
	}
}

// On a phone the pdf and video blocks download neither the document nor
// the video until asked (3G); on a wide screen the PDF shows in the page
// once it is scrolled to.
func TestPDFAndVideoBlocksSpareAPhone(t *testing.T) {
	base := tooltest.ServeDir(t, writeSample(t))
	page := base + "/bai-viet/ngay-hoi-dai-doan-ket/"
	fetched := func(requests []string, suffix string) bool {
		return slices.ContainsFunc(requests, func(u string) bool { return strings.HasSuffix(u, suffix) })
	}
	for _, width := range []int{390, 1280} {
		ctx := phone(t, width)
		requests := requestLog(t, ctx)
		open(t, ctx, page)
		if err := chromedp.Do(ctx, chromedp.ScrollIntoView(chromedp.CSS(`.pdf-block`))); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Second) // lazy frames near the view load now
		got := requests()
		if fetched(got, ".mp4") || fetched(got, ".webm") {
			t.Errorf("%d px: the video was downloaded before it was played", width)
		}
		if !fetched(got, "ngay-hoi-poster-320.jpg") { // the poster's copy: image processing publishes no original
			t.Errorf("%d px: no poster", width)
		}
		if pdf := fetched(got, "ke-hoach-ngay-hoi.pdf"); pdf != (width > 640) {
			t.Errorf("%d px: PDF downloaded %v, want %v", width, pdf, width > 640)
		}
	}
}

// youtube's start is whole seconds.
func TestYouTubeStartIsSeconds(t *testing.T) {
	_, msgs := build(t, `-- config.toml --
baseURL = "https://danvan.example.vn/"
-- content/bai-viet/a/index.md --
+++
title = "A"
+++
Xem {{< youtube id="aqz-KE-bpKQ" start="1m30" >}}
`, Options{})
	want := `content/bai-viet/a/index.md:4:5: error: shortcode "youtube": start="1m30" is not a number of seconds`
	if msgs != want {
		t.Errorf("got %s\nwant %s", msgs, want)
	}
}

// .Parent is the pair a call is in, through {{< >}} and {{% %}} pairs.
func TestShortcodeParent(t *testing.T) {
	files := buildOK(t, `-- config.toml --
baseURL = "https://danvan.example.vn/"
-- layouts/shortcodes/khung.html --
<div class="khung">{{ .Inner }}</div>
-- layouts/shortcodes/con.html --
<i>{{ with .Parent }}{{ .Name }}:{{ .Get "ten" }}{{ else }}gốc{{ end }}</i>
-- content/bai-viet/a/index.md --
+++
title = "A"
+++
{{< con >}}

{{< khung ten="một" >}}{{< con >}}{{< /khung >}}

{{% khung ten="hai" %}}Chữ {{< con >}}{{% /khung %}}
`)
	contains(t, files, "bai-viet/a/index.html", `<i>gốc</i>`, `<div class="khung"><i>khung:một</i></div>`, `<div class="khung"><p>Chữ <i>khung:hai</i></p></div>`)
}

// A figure with neither alt text nor a caption is a warning at the call;
// the page is still built.
func TestFigureWithoutAltWarns(t *testing.T) {
	res := Build(fixtureFS(t, `-- config.toml --
baseURL = "https://danvan.example.vn/"
-- content/bai-viet/a/index.md --
+++
title = "A"
+++
{{< figure src="anh.png" >}}
-- content/bai-viet/a/anh.png --
GENERATE png 4x3
`), Options{Now: fixedNow})
	var msgs []string
	for _, d := range res.Diags.Items() {
		if !strings.Contains(d.Msg, "no id") {
			msgs = append(msgs, d.String())
		}
	}
	if len(res.Files) == 0 {
		t.Error("nothing built")
	}
	want := `content/bai-viet/a/index.md:4:1: warning: shortcode "figure": anh.png has no alt text and no caption: write alt="…" (what the photo shows, for readers who cannot see it)`
	if got := strings.Join(msgs, "\n"); got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}
