package build

import (
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"bantin/internal/tooltest"

	"github.com/chromedp/cdproto/network"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// photoArticle is the sample article with four photographs.
const photoArticle = "/bai-viet/khoanh-khac-ngay-hoi/"

// clsObserver sums the page's layout shifts (Cumulative Layout Shift)
// from its first paint on.
const clsObserver = `window.bantinCLS = 0; window.bantinShifts = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    if (e.hadRecentInput) continue;
    window.bantinCLS += e.value;
    window.bantinShifts.push(e.value.toFixed(4) + " " + (e.sources || []).map(s => s.node ? s.node.nodeName + "." + (s.node.className || "") : "?").join(" "));
  }
}).observe({type: "layout-shift", buffered: true});`

// On a phone (390 CSS pixels wide, two device pixels to one) the photo
// article downloads each photograph once, at the width it shows (the
// 800-pixel WebP for a 358-pixel column), and nothing moves as they load.
func TestPhonePageLoadsOnlyTheSizesItShows(t *testing.T) {
	dir := writeSample(t)
	base := tooltest.ServeDir(t, dir)
	requests, cls, shifts := loadOnPhone(t, base+photoArticle)
	var photos []string
	for _, u := range requests {
		if strings.Contains(u, photoArticle) && regexp.MustCompile(`\.(jpe?g|png|webp|gif)$`).MatchString(u) {
			photos = append(photos, u[strings.Index(u, photoArticle)+len(photoArticle):])
		}
	}
	slices.Sort(photos)
	want := []string{"dong-lua-800.webp", "hoi-truong-800.webp", "ngo-xom-800.webp", "xuong-may-800.webp"}
	if !slices.Equal(photos, want) {
		t.Errorf("image requests %v, want one 800-pixel WebP of each photo %v", photos, want)
	}
	if cls > 0.001 {
		t.Errorf("layout shift %.4f, want none: %s", cls, shifts)
	}
	t.Logf("layout shift with width and height: %.4f", cls)

	// The control: without width and height the same page shifts, so the
	// measure above can see a shift when there is one.
	article := filepath.Join(dir, filepath.FromSlash(photoArticle), "index.html")
	html, err := os.ReadFile(article)
	if err != nil {
		t.Fatal(err)
	}
	stripped := regexp.MustCompile(` width="\d+" height="\d+"`).ReplaceAll(html, nil)
	if err := os.WriteFile(filepath.Join(filepath.Dir(article), "khong-kich-thuoc.html"), stripped, 0o644); err != nil {
		t.Fatal(err)
	}
	_, cls, _ = loadOnPhone(t, base+photoArticle+"khong-kich-thuoc.html")
	if cls < 0.01 {
		t.Errorf("without width and height the page shifts %.4f: the measure sees no shift", cls)
	}
	t.Logf("layout shift without them: %.4f", cls)
}

// loadOnPhone opens url in a 390×844 viewport at two device pixels per
// CSS pixel, scrolls to the end so that every lazy image loads, and
// returns the URLs requested, the page's Cumulative Layout Shift and its
// shifts (value and moved nodes). Web fonts are blocked: a font swap
// shifts text too, and this measures what images do.
func loadOnPhone(t *testing.T, url string) ([]string, float64, []string) {
	t.Helper()
	ctx := tooltest.Browser(t, 500, 900)
	var mu sync.Mutex
	var requests []string
	err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			mu.Lock()
			requests = append(requests, e.Request.URL)
			mu.Unlock()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		t.Fatal(err)
	}
	// Photographs arrive late, as on a slow phone network, after the text
	// has been painted (2.5 s: long after, even on a loaded machine): a box
	// that is not reserved for them would move it.
	slow := func(pattern string) *network.Conditions {
		return &network.Conditions{URLPattern: pattern, Latency: 2500, DownloadThroughput: 100 << 10, UploadThroughput: -1}
	}
	dir := url[:strings.LastIndex(url, "/")+1]
	rules := network.EmulateNetworkConditionsByRuleParams{MatchedNetworkConditions: []*network.Conditions{slow(dir + "*.webp"), slow(dir + "*.jpg")}}
	if _, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, rules); err != nil {
		t.Fatal(err)
	}
	fonts := network.SetBlockedURLsParams{URLPatterns: []*network.BlockPattern{{URLPattern: "*://*:*/*.woff2", Block: true}}}
	if _, err := chromedp.Call(ctx, network.SetBlockedURLs, fonts); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: clsObserver}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2))); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	if err := tooltest.WaitTrue(ctx, `[...document.images].filter(i => i.loading !== "lazy").every(i => i.complete)`, 20*time.Second); err != nil {
		t.Fatalf("first images: %v", err)
	}
	for y := 0; y < 12000; y += 400 { // a reader scrolling down
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.scrollTo(0, `+strconv.Itoa(y)+`), true`)); err != nil {
			t.Fatal(err)
		}
		time.Sleep(60 * time.Millisecond)
	}
	if err := tooltest.WaitTrue(ctx, `[...document.images].every(i => i.complete && i.naturalWidth > 0)`, 20*time.Second); err != nil {
		t.Fatalf("images did not load: %v", err)
	}
	time.Sleep(200 * time.Millisecond) // let the observer report the last shifts
	cls, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`window.bantinCLS`))
	if err != nil {
		t.Fatal(err)
	}
	shifts, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.bantinShifts`))
	if err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	out := make([]string, 0, len(requests))
	for _, r := range requests {
		if u, err := withoutQuery(r); err == nil {
			out = append(out, u)
		}
	}
	return out, cls, shifts
}

// withoutQuery returns a request URL without its query.
func withoutQuery(raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", err
	}
	u.RawQuery = ""
	return u.String(), nil
}
