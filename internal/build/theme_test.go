package build

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"bantin/internal/output"
	"bantin/internal/tooltest"
)

// writeSample builds the repository's sample site into a temporary folder
// and returns the folder.
func writeSample(t *testing.T) string {
	t.Helper()
	res := Build(os.DirFS(filepath.Join("..", "..")), Options{Now: fixedNow})
	if err := res.Diags.Err(); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "public")
	if err := output.WriteDir(dir, res.Files); err != nil {
		t.Fatal(err)
	}
	return dir
}

// Every HTML file of the sample site passes the Nu HTML checker (errors
// only: warnings are advice).
func TestSampleSiteIsValidHTML(t *testing.T) {
	vnu := tooltest.VNU(t)
	dir := writeSample(t)
	args := append(vnu[1:], "--errors-only", "--skip-non-html", dir)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, vnu[0], args...).CombinedOutput()
	if err != nil || len(out) > 0 {
		t.Fatalf("Nu HTML checker: %v\n%s", err, strings.ReplaceAll(string(out), "file:"+dir, ""))
	}
}

var (
	h1Tag        = regexp.MustCompile(`<h1[ >]`)
	searchRole   = regexp.MustCompile(`role="search"|<search[ >]`)
	redirectMeta = regexp.MustCompile(`<meta http-equiv="refresh"`)
)

// Every page of the sample site has one h1 and at most one search landmark
// (the Nu checker does not count either). Redirect pages have no body; a
// bulletin issue's print edition sets its articles under the h1.
func TestSampleSiteHasOneH1AndOneSearch(t *testing.T) {
	res := Build(os.DirFS(filepath.Join("..", "..")), Options{Now: fixedNow})
	if err := res.Diags.Err(); err != nil {
		t.Fatal(err)
	}
	pages := 0
	for _, f := range res.Files {
		if !strings.HasSuffix(f.Path, ".html") || redirectMeta.Match(f.Data) {
			continue
		}
		pages++
		if n := len(h1Tag.FindAll(f.Data, -1)); n != 1 {
			t.Errorf("%s: %d h1 elements, want 1", f.Path, n)
		}
		if n := len(searchRole.FindAll(f.Data, -1)); n > 1 {
			t.Errorf("%s: %d search landmarks, want at most 1", f.Path, n)
		}
	}
	if pages < 50 {
		t.Fatalf("only %d pages checked", pages)
	}
}

// onePageOfEachKind are the sample site's pages that axe checks: one of
// every kind and content type a reader browses, the articles with photos
// and with every content block, and the print editions (ban-in/), which
// readers open too.
var onePageOfEachKind = []string{
	"/", "/page/2/", "/bai-viet/", "/bai-viet/dan-van-kheo/", "/so-tay/hoi-dap-dan-chu-o-co-so/",
	"/bai-viet/khoanh-khac-ngay-hoi/", "/bai-viet/ngay-hoi-dai-doan-ket/", // photos; every content block
	"/to-gap/quyen-cua-nguoi-lao-dong/", "/ban-tin/so-12-thang-11-2026/", "/chu-de/", "/the/dan-van-kheo/",
	"/luu-tru/", "/luu-tru/2026/11/", "/an-pham/", "/gioi-thieu/", "/tim-kiem/?q=dan+van", "/404.html",
	"/ban-tin/so-12-thang-11-2026/ban-in/", "/to-gap/quyen-cua-nguoi-lao-dong/ban-in/", "/so-tay/hoi-dap-dan-chu-o-co-so/ban-in/",
}

// axeViolation is one rule an axe-core run found broken, with where.
type axeViolation struct {
	ID      string   `json:"id"`
	Impact  string   `json:"impact"`
	Help    string   `json:"help"`
	Targets []string `json:"targets"`
}

// Every kind of page has no axe-core violation in Chromium, at phone and
// desktop width.
func TestSampleSiteAxe(t *testing.T) {
	axe, err := os.ReadFile(tooltest.NpmFile(t, "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	base := tooltest.ServeDir(t, writeSample(t))
	for _, width := range []int{390, 1366} {
		ctx := phone(t, width)
		for _, path := range onePageOfEachKind {
			for _, v := range runAxe(t, ctx, base+path, string(axe)) {
				t.Errorf("%d px %s: %s (%s): %s at %v", width, path, v.ID, v.Impact, v.Help, v.Targets)
			}
		}
	}
}

// runAxe opens url, waits until it has settled (search results shown),
// injects axe-core and returns its violations.
func runAxe(t *testing.T, ctx context.Context, url, axe string) []axeViolation {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	if strings.Contains(url, "/tim-kiem/?q=") {
		if err := tooltest.WaitTrue(ctx, `document.querySelectorAll('#search-results li').length > 0`, 10*time.Second); err != nil {
			t.Fatalf("%s: no results shown: %v", url, err)
		}
	}
	run := axe + `;axe.run(document, {resultTypes: ['violations']}).then(r => JSON.stringify(r.violations.map(v => ({
		id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' '))}))))`
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](run, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: axe: %v", url, err)
	}
	var vs []axeViolation
	if err := json.Unmarshal([]byte(raw), &vs); err != nil {
		t.Fatalf("%s: axe result: %v", url, err)
	}
	return vs
}

var pageItemLink = regexp.MustCompile(`<h3 class="page-item-title"><a href="([^"]+)"`)

// The home page lists each story once: a section's block leaves out what
// the latest list shows.
func TestHomeListsEachStoryOnce(t *testing.T) {
	files := buildOK(t, `
-- config.toml --
title = "T"
baseURL = "https://example.vn/"
[pagination]
pagerSize = 2
-- content/bai-viet/a.md --
+++
title = "A"
date = 2026-01-03
+++
-- content/bai-viet/b.md --
+++
title = "B"
date = 2026-01-02
+++
-- content/bai-viet/c.md --
+++
title = "C"
date = 2026-01-01
+++
-- content/tin/d.md --
+++
title = "D"
date = 2025-12-01
+++
`)
	var got []string
	for _, m := range pageItemLink.FindAllStringSubmatch(files["index.html"], -1) {
		got = append(got, m[1])
	}
	want := "/bai-viet/a/ /bai-viet/b/ /bai-viet/c/ /tin/d/"
	if strings.Join(got, " ") != want {
		t.Errorf("home page lists %v, want %s", got, want)
	}
}

// On a phone the header is one row of at most 64 px; its menu and search
// buttons open the menu and the search box with JavaScript turned off.
func TestPhoneHeader(t *testing.T) {
	base := tooltest.ServeDir(t, writeSample(t))
	for _, width := range []int{320, 390} {
		ctx := phone(t, width)
		if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/bai-viet/dan-van-kheo/")); err != nil {
			t.Fatal(err)
		}
		if w := evalInt(t, ctx, `window.innerWidth`); w != width {
			t.Fatalf("viewport %d px wide, want %d", w, width)
		}
		h := evalInt(t, ctx, `document.querySelector('.site-header').getBoundingClientRect().height`)
		if h > 64 {
			t.Errorf("%d px: header %d px high, want at most 64", width, h)
		}
		t.Logf("%d px: header %d px high", width, h)
		shown := `(sel) => document.querySelector(sel).getBoundingClientRect().height > 0`
		for _, c := range []struct{ button, opens string }{
			{".menu-toggle summary", ".site-nav"}, {".search-toggle summary", ".search-box input"},
		} {
			if evalBool(t, ctx, "("+shown+")('"+c.opens+"')") {
				t.Errorf("%d px: %s shown before %s is pressed", width, c.opens, c.button)
			}
			if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(c.button))); err != nil {
				t.Fatal(err)
			}
			if !evalBool(t, ctx, "("+shown+")('"+c.opens+"')") {
				t.Errorf("%d px: %s not shown after %s is pressed", width, c.opens, c.button)
			}
		}
	}
}

// With JavaScript, one tap on the header's search button on a phone shows
// the box with the cursor in it (a second tap closes it again).
func TestHeaderSearchFocusesOnFirstTap(t *testing.T) {
	base := tooltest.ServeDir(t, writeSample(t))
	ctx := phone(t, 390)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/bai-viet/dan-van-kheo/")); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".search-toggle summary"))); err != nil {
		t.Fatal(err)
	}
	if id, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.id`)); err != nil || id != "header-q" {
		t.Errorf("after one tap the focus is on #%s (%v), want #header-q", id, err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".search-toggle summary"))); err != nil {
		t.Fatal(err)
	}
	if evalBool(t, ctx, `document.querySelector('.search-toggle').open`) {
		t.Error("a second tap left the search box open")
	}
}

func evalInt(t *testing.T, ctx context.Context, js string) int {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[float64](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return int(v + 0.5)
}

func evalBool(t *testing.T, ctx context.Context, js string) bool {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// The code stylesheet is linked from the pages that show code only; every
// page links the icon.
func TestCodeStylesOnlyWhereCode(t *testing.T) {
	files := buildOK(t, "-- config.toml --\ntitle = \"T\"\nbaseURL = \"https://example.vn/\"\n"+
		"-- content/bai-viet/ma.md --\n+++\ntitle = \"Mã\"\ndate = 2026-01-02\n+++\n```go\nfunc main() {}\n```\n"+
		"-- content/bai-viet/chu.md --\n+++\ntitle = \"Chữ\"\ndate = 2026-01-01\n+++\nChỉ có chữ, và `mã` trong dòng.\n")
	for path, want := range map[string]bool{"bai-viet/ma/index.html": true, "bai-viet/chu/index.html": false, "index.html": false} {
		if got := strings.Contains(files[path], "/css/chroma.css"); got != want {
			t.Errorf("%s links chroma.css: %v, want %v", path, got, want)
		}
		contains(t, files, path, `<link rel="icon" href="/favicon.ico" sizes="32x32">`)
	}
	contains(t, files, "favicon.ico")
	contains(t, files, "css/chroma.css", ".chroma")
}

// Without JavaScript the search page says it cannot search and links to
// the topic and tag indexes.
func TestSearchPageWithoutJavaScript(t *testing.T) {
	base := tooltest.ServeDir(t, writeSample(t))
	ctx := phone(t, 390)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/tim-kiem/?q=dan+van")); err != nil {
		t.Fatal(err)
	}
	text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('.search-page').innerText`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "JavaScript") {
		t.Errorf("the search page does not say it needs JavaScript:\n%s", text)
	}
	links := evalBool(t, ctx, `!!document.querySelector('.search-page a[href="/chu-de/"]') && !!document.querySelector('.search-page a[href="/the/"]')`)
	if !links {
		t.Errorf("the search page without JavaScript links to no topic and tag index")
	}
}

// phone is a browser tab whose viewport is width CSS pixels wide (a window
// alone cannot be narrower than 500 pixels in headless Chromium).
func phone(t *testing.T, width int) context.Context {
	t.Helper()
	ctx := tooltest.Browser(t, max(width, 500), 900)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(width), 900)); err != nil {
		t.Fatal(err)
	}
	return ctx
}
