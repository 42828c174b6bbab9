package serve

import (
	"context"
	"strings"
	"testing"
	"time"

	"bantin/internal/tooltest"

	"github.com/chromedp/chromedp"
)

// A page open in Chromium reloads itself after its source is edited, shows
// the new text and keeps its scroll position.
func TestBrowserReloadsAfterEdit(t *testing.T) {
	ctx := tooltest.Browser(t, 900, 500)
	base, root, events := start(t)
	long := strings.Repeat("Đoạn văn dài để trang cuộn được. ", 40) + "\n\n"
	page := strings.Replace(fixture["content/bai-viet/a.md"], "Đoạn hai.", strings.Repeat(long, 12)+"Đoạn hai.", 1)
	write(t, root, "content/bai-viet/a.md", page)
	await(t, events, "reload")
	if err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/bai-viet/a/"),
		chromedp.WaitVisible(chromedp.CSS("h1")),
		chromedp.Sleep(300*time.Millisecond), // let live.js connect
	); err != nil {
		t.Fatal(err)
	}
	y, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`window.__notReloaded = 1; window.scrollTo(0, 600); window.scrollY`))
	if err != nil || y < 500 {
		t.Fatalf("page did not scroll (y=%v): %v", y, err)
	}
	write(t, root, "content/bai-viet/a.md", strings.Replace(page, "Đoạn hai.", "Đoạn hai, bản mới.", 1))
	if err := tooltest.WaitTrue(ctx, `window.__notReloaded === undefined && document.body.innerText.includes("Đoạn hai, bản mới.")`, 15*time.Second); err != nil {
		t.Fatalf("page did not reload with the new text: %v", err)
	}
	chromedp.Do(ctx, chromedp.Sleep(200*time.Millisecond))
	y, err = chromedp.Run(ctx, chromedp.Evaluate[float64](`window.scrollY`))
	if err != nil || y < 500 || y > 700 {
		t.Errorf("scroll position after reload: %v (%v), want about 600", y, err)
	}
}

// While the build is broken the open page shows the overlay; when the
// source is fixed it recovers by itself.
func TestBrowserShowsErrorOverlay(t *testing.T) {
	ctx := tooltest.Browser(t, 900, 600)
	base, root, events := start(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/bai-viet/b/"), chromedp.WaitVisible(chromedp.CSS("h1")), chromedp.Sleep(300*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	write(t, root, "content/bai-viet/b.md", "+++\ntitle = \"Bài B\"\ndraft = \"có\"\n+++\n")
	await(t, events, "errors")
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("#bantin-errors"))); err != nil {
		t.Fatal(err)
	}
	overlay, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#bantin-errors")))
	if err != nil || !strings.Contains(overlay, "content/bai-viet/b.md:3:1") || !strings.Contains(overlay, `draft = "có"`) {
		t.Errorf("overlay text: %q (%v)", overlay, err)
	}
	write(t, root, "content/bai-viet/b.md", strings.Replace(fixture["content/bai-viet/b.md"], "Thân bài B.", "Đã hồi phục.", 1))
	if err := tooltest.WaitTrue(ctx, `!document.getElementById("bantin-errors") && document.body.innerText.includes("Đã hồi phục.")`, 15*time.Second); err != nil {
		t.Fatalf("page did not recover: %v", err)
	}
}

// An edited stylesheet is swapped in place, without reloading the page;
// a page opened while the build is broken shows the errors at once.
func TestBrowserSwapsStylesheetAndShowsErrorsOnOpen(t *testing.T) {
	ctx := tooltest.Browser(t, 900, 600)
	base, root, events := start(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/bai-viet/a/"), chromedp.WaitVisible(chromedp.CSS("h1")), chromedp.Sleep(300*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[int](`window.__notReloaded = 1`)); err != nil {
		t.Fatal(err)
	}
	write(t, root, "static/css/bantin.css", "body { color: rgb(1, 2, 3); }\n")
	await(t, events, "reload")
	if err := tooltest.WaitTrue(ctx, `getComputedStyle(document.body).color === "rgb(1, 2, 3)"`, 15*time.Second); err != nil {
		t.Fatalf("the new stylesheet was not applied: %v", err)
	}
	if !evalTrue(t, ctx, `window.__notReloaded === 1 && /\?bantin=\d+$/.test(document.querySelector('link[href^="/css/bantin.css"]').getAttribute("href"))`) {
		t.Error("the page reloaded, or the stylesheet's link was not swapped in place")
	}
	write(t, root, "content/bai-viet/b.md", "+++\ntitle = \"Bài B\"\ndraft = \"có\"\n+++\n")
	await(t, events, "errors")
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/bai-viet/a/"), chromedp.WaitVisible(chromedp.CSS("#bantin-errors"))); err != nil {
		t.Fatalf("a page opened while the build is broken shows no errors: %v", err)
	}
}

func evalTrue(t *testing.T, ctx context.Context, js string) bool {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}
