package build

import (
	"context"
	"strings"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"bantin/internal/pdf"
	"bantin/internal/tooltest"
)

// readerBrowser opens a browser whose pages first run setup (stubs for
// speech and sharing), on the sample site.
func readerBrowser(t *testing.T, setup string) (context.Context, string) {
	t.Helper()
	base := tooltest.ServeDir(t, writeSample(t))
	ctx := phone(t, 390)
	if setup != "" {
		if _, err := chromedp.Call(ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: setup}); err != nil {
			t.Fatal(err)
		}
	}
	return ctx, base
}

func open(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	if err := tooltest.WaitTrue(ctx, `document.readyState === 'complete'`, 10*time.Second); err != nil {
		t.Fatal(err)
	}
}

func click(t *testing.T, ctx context.Context, selector string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(selector))); err != nil {
		t.Fatalf("click %s: %v", selector, err)
	}
}

// A+ and high contrast change the page and are kept on the next page, from
// its first paint; A− goes back.
func TestTextSizeAndContrastKept(t *testing.T) {
	ctx, base := readerBrowser(t, "")
	open(t, ctx, base+"/bai-viet/dan-van-kheo/")
	rootSize := `parseFloat(getComputedStyle(document.documentElement).fontSize)`
	if got := evalInt(t, ctx, rootSize); got != 16 {
		t.Fatalf("root font size %d px before A+, want 16", got)
	}
	click(t, ctx, `[data-tool=larger]`)
	click(t, ctx, `[data-tool=contrast]`)
	if got := evalInt(t, ctx, rootSize); got != 18 {
		t.Errorf("root font size %d px after A+, want 18", got)
	}
	open(t, ctx, base+"/so-tay/hoi-dap-dan-chu-o-co-so/")
	if got := evalInt(t, ctx, rootSize); got != 18 {
		t.Errorf("next page: root font size %d px, want 18 (kept)", got)
	}
	if !evalBool(t, ctx, `document.documentElement.classList.contains('high-contrast') && getComputedStyle(document.body).backgroundColor === 'rgb(0, 0, 0)' && document.querySelector('[data-tool=contrast]').getAttribute('aria-pressed') === 'true'`) {
		t.Errorf("next page: high contrast not kept")
	}
	click(t, ctx, `[data-tool=smaller]`)
	click(t, ctx, `[data-tool=contrast]`)
	open(t, ctx, base+"/")
	if got := evalInt(t, ctx, rootSize); got != 16 || evalBool(t, ctx, `document.documentElement.classList.contains('high-contrast')`) {
		t.Errorf("home page after A− and contrast off: %d px, high contrast %v", got, !evalBool(t, ctx, `!document.documentElement.classList.contains('high-contrast')`))
	}
}

// speechStub replaces the browser's speech synthesis with one that has the
// given voices and records what it is asked to say.
const speechStub = `(function (voices) {
  window.__spoken = []; window.__cancelled = 0;
  var synth = { getVoices: function () { return voices; }, speak: function (u) { window.__spoken.push({text: u.text, lang: u.lang}); },
    cancel: function () { window.__cancelled++; }, addEventListener: function () {} };
  Object.defineProperty(window, 'speechSynthesis', { value: synth });
  window.SpeechSynthesisUtterance = function (text) { this.text = text; }; // a real one takes only real voices
})(%s);`

// "Nghe đọc bài" reads the article in a Vietnamese voice: the title first,
// then its paragraphs; pressed again it stops.
func TestListenReadsInVietnamese(t *testing.T) {
	ctx, base := readerBrowser(t, strings.Replace(speechStub, "%s", `[{name: 'English', lang: 'en-US'}, {name: 'Tiếng Việt', lang: 'vi-VN'}]`, 1))
	open(t, ctx, base+"/bai-viet/dan-van-kheo/")
	if !evalBool(t, ctx, `!document.querySelector('[data-tool=listen]').hidden`) {
		t.Fatal("the listen button is hidden though a Vietnamese voice exists")
	}
	click(t, ctx, `[data-tool=listen]`)
	if !evalBool(t, ctx, `__spoken.length > 5 && __spoken[0].text === document.querySelector('h1').textContent && __spoken.every(function (s) { return s.lang === 'vi-VN'; }) && __spoken.some(function (s) { return s.text.indexOf('Dân vận khéo không còn là một phong trào') >= 0; })`) {
		spoken, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify(__spoken.slice(0, 3))`))
		t.Errorf("not read in Vietnamese from the title: %s", spoken)
	}
	if !evalBool(t, ctx, `document.querySelector('[data-tool=listen]').getAttribute('aria-pressed') === 'true'`) {
		t.Error("the listen button is not pressed while reading")
	}
	click(t, ctx, `[data-tool=listen]`)
	if !evalBool(t, ctx, `__cancelled > 0 && document.querySelector('[data-tool=listen]').getAttribute('aria-pressed') === 'false'`) {
		t.Error("pressed again, the listen button does not stop")
	}
}

// Without a Vietnamese voice the listen button stays hidden.
func TestListenHiddenWithoutVietnameseVoice(t *testing.T) {
	ctx, base := readerBrowser(t, strings.Replace(speechStub, "%s", `[{name: 'English', lang: 'en-US'}]`, 1))
	open(t, ctx, base+"/bai-viet/dan-van-kheo/")
	if !evalBool(t, ctx, `document.querySelector('[data-tool=listen]').hidden && document.querySelector('[data-tool=listen]').getBoundingClientRect().height === 0`) {
		t.Error("the listen button shows without a Vietnamese voice")
	}
}

// Share uses the Web Share API when there is one; the Facebook link and
// copy-link work without it.
func TestShare(t *testing.T) {
	ctx, base := readerBrowser(t, `window.__shared = null; navigator.share = function (d) { window.__shared = d; return Promise.resolve(); };`)
	open(t, ctx, base+"/bai-viet/dan-van-kheo/")
	click(t, ctx, `[data-tool=share]`)
	if !evalBool(t, ctx, `__shared && /\/bai-viet\/dan-van-kheo\/$/.test(__shared.url) && __shared.title === document.querySelector('h1').textContent`) {
		shared, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify(__shared)`))
		t.Errorf("Web Share got %s", shared)
	}
	if !evalBool(t, ctx, `decodeURIComponent(document.querySelector('.share-link').href).endsWith('sharer.php?u=https://danvan.example.vn/bai-viet/dan-van-kheo/')`) {
		t.Error("the Facebook link does not carry the page's URL")
	}
	click(t, ctx, `[data-tool=copy]`)
	if err := tooltest.WaitTrue(ctx, `document.querySelector('.reading-status').textContent.length > 0`, 5*time.Second); err != nil {
		t.Errorf("copy link says nothing: %v", err)
	}
}

// The print check is left as it is (it runs in the Chromium that prints);
// the reading tools are lowered and minified.
func TestThemeScriptsLowered(t *testing.T) {
	if printCheckScript != pdf.CheckScript {
		t.Fatalf("printCheckScript %q, pdf.CheckScript %q", printCheckScript, pdf.CheckScript)
	}
	lowered, err := themeScripts()
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := lowered[printCheckScript]; ok {
		t.Errorf("%s was lowered", printCheckScript)
	}
	if js := string(lowered["js/cong-cu-doc.js"]); js == "" || strings.Contains(js, "// ") || strings.Contains(js, "\n  ") {
		t.Errorf("js/cong-cu-doc.js not lowered and minified:\n%.200s", js)
	}
}
