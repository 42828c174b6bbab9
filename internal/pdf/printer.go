package pdf

import (
	"context"
	"fmt"
	"time"

	"github.com/chromedp/chromedp"
)

// Printer is one headless browser that prints pages.
type Printer struct {
	browser context.Context
	cancel  func()
}

// pageTimeout bounds one page's load and print.
const pageTimeout = 60 * time.Second

// waitForAssets resolves once the page's fonts and images are ready.
const waitForAssets = `document.fonts.ready.then(() => Promise.all(Array.from(document.images).map(img =>
  img.complete ? true : new Promise(done => { img.onload = img.onerror = () => done(true); })))).then(() => true)`

// New starts the browser at chrome.
func New(chrome string) (*Printer, error) {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	browser, cancelBrowser := chromedp.NewContext(alloc)
	if err := chromedp.Do(browser); err != nil {
		cancelBrowser()
		cancelAlloc()
		return nil, fmt.Errorf("start %s: %w", chrome, err)
	}
	return &Printer{browser: browser, cancel: func() { cancelBrowser(); cancelAlloc() }}, nil
}

// Close stops the browser.
func (p *Printer) Close() { p.cancel() }

// loadPress adds the theme's press stylesheet (css/press.css, next to
// print.css) to the page and resolves once it has loaded.
const loadPress = `new Promise((done, fail) => {
  const print = document.querySelector('link[href$="css/print.css"]');
  if (!print) { fail(new Error("the page has no css/print.css")); return; }
  const press = document.createElement("link");
  press.rel = "stylesheet";
  press.href = print.href.replace(/print\.css$/, "press.css");
  press.onload = () => done(true);
  press.onerror = () => fail(new Error("cannot load " + press.href));
  document.head.appendChild(press);
})`

// Print loads url in a new tab and prints it with its own page size; with
// press, with the press stylesheet over it (pages the size of the bleed).
func (p *Printer) Print(url string, press bool) ([]byte, error) {
	tab, closeTab := chromedp.NewContext(p.browser)
	defer closeTab()
	ctx, cancel := context.WithTimeout(tab, pageTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return nil, fmt.Errorf("load %s: %w", url, err)
	}
	if press {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](loadPress, chromedp.EvalAwaitPromise)); err != nil {
			return nil, fmt.Errorf("press stylesheet for %s: %w", url, err)
		}
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](waitForAssets, chromedp.EvalAwaitPromise)); err != nil {
		return nil, fmt.Errorf("wait for fonts and images of %s: %w", url, err)
	}
	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize(), chromedp.PDFPrintBackground(), chromedp.PDFOutlineAndTagged()))
	if err != nil {
		return nil, fmt.Errorf("print %s: %w", url, err)
	}
	return pdf, nil
}
