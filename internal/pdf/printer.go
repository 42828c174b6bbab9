package pdf

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// Printer is one headless browser that prints pages.
type Printer struct {
	browser context.Context
	cancel  func()
}

// pageTimeout bounds one page's load and print.
const pageTimeout = 60 * time.Second

// waitForAssets resolves once the page's fonts and images are ready; a
// lazy image is made eager first (a print loads every image, in view or
// not).
const waitForAssets = `document.fonts.ready.then(() => Promise.all(Array.from(document.images).map(img =>
  (img.loading === "lazy" && (img.loading = "eager"), img)).map(img =>
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

// publicLinks points every link to a page of the site at its public
// address (origin + path), so that a printed PDF never links to the
// temporary server that printed it. Links inside the document stay.
const publicLinks = `((origin) => {
  for (const a of document.querySelectorAll("a[href]")) {
    const u = new URL(a.href, location.href);
    if (u.origin !== location.origin) continue;
    if (u.pathname === location.pathname && u.hash) { a.setAttribute("href", u.hash); continue; }
    a.setAttribute("href", origin ? origin + u.pathname + u.search + u.hash : u.pathname + u.search + u.hash);
  }
  return true;
})`

// Job is one page to print.
type Job struct {
	URL    string // the page on the printing server
	Press  bool   // with the press stylesheet (pages the size of the bleed)
	Public string // the site's public origin ("https://danvan.example.vn"), for links
	Check  string // the print check script, run when the page has none; "" prints unchecked
}

// Printed is a printed page: its PDF, what the print check measured in
// the page as it printed, and every request outside the site it made
// (refused).
type Printed struct {
	PDF     []byte
	Check   Check
	Refused []string
}

// Print loads a page in a new tab, in print media, measures it with the
// print check, and prints it at its own CSS page size. Requests for
// anything but the printing server's own files are refused and listed.
func (p *Printer) Print(job Job) (Printed, error) {
	var out Printed
	err := p.inTab(job, func(ctx context.Context) (err error) {
		if job.Check != "" {
			if out.Check, err = measure(ctx, job.Check); err != nil {
				return fmt.Errorf("measure: %w", err)
			}
		}
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf("%s(%q)", publicLinks, job.Public))); err != nil {
			return fmt.Errorf("links: %w", err)
		}
		out.PDF, err = printSettled(ctx)
		return err
	}, &out.Refused)
	if err != nil {
		return out, fmt.Errorf("print %s: %w", job.URL, err)
	}
	return out, nil
}

// inTab loads the job's page in a new tab, in print media (with the
// press stylesheet for the press), waits for its fonts and images, and
// runs do. Requests outside the printing server are refused, and listed
// in refused when it is given.
func (p *Printer) inTab(job Job, do func(context.Context) error, refused ...*[]string) error {
	tab, closeTab := chromedp.NewContext(p.browser)
	defer closeTab()
	ctx, cancel := context.WithTimeout(tab, pageTimeout)
	defer cancel()
	turnedAway, stop, err := onlyFrom(ctx, serverOrigin(job.URL))
	if err != nil {
		return err
	}
	defer stop()
	// Print media from the start, so that <picture> loads the sources
	// meant for print (a photograph's print copy, not its screen size).
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		return fmt.Errorf("print media: %w", err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(job.URL)); err != nil {
		return err
	}
	if job.Press {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](loadPress, chromedp.EvalAwaitPromise)); err != nil {
			return fmt.Errorf("press stylesheet: %w", err)
		}
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](waitForAssets, chromedp.EvalAwaitPromise)); err != nil {
		return fmt.Errorf("wait for fonts and images: %w", err)
	}
	err = do(ctx)
	for _, r := range refused {
		*r = turnedAway()
	}
	return err
}

// serverOrigin returns "http://host:port" of url.
func serverOrigin(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	return u.Scheme + "://" + u.Host
}

// onlyFrom makes the tab of ctx load nothing but origin's files (and data:
// URLs): every other request fails. refused lists the URLs turned away.
func onlyFrom(ctx context.Context, origin string) (refused func() []string, stop func(), err error) {
	var mu sync.Mutex
	var urls []string
	paused := make(chan *fetch.EventRequestPaused, 64)
	listen, stopListening := context.WithCancel(ctx)
	if err := chromedp.Listen(listen, func(ev any) {
		if e, ok := ev.(*fetch.EventRequestPaused); ok {
			select {
			case paused <- e:
			case <-listen.Done():
			}
		}
	}); err != nil {
		stopListening()
		return nil, nil, err
	}
	if _, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{}); err != nil {
		stopListening()
		return nil, nil, err
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-listen.Done():
				return
			case e := <-paused:
				url := e.Request.URL
				if strings.HasPrefix(url, origin+"/") || strings.HasPrefix(url, "data:") {
					chromedp.Call(ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: e.RequestID})
					continue
				}
				mu.Lock()
				urls = append(urls, url)
				mu.Unlock()
				chromedp.Call(ctx, fetch.FailRequest, fetch.FailRequestParams{RequestID: e.RequestID, ErrorReason: network.ErrorReasonBlockedByClient})
			}
		}
	}()
	refused = func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), urls...)
	}
	return refused, func() { stopListening(); <-done }, nil
}

// fillPages writes what the last print gave into the page: its page count
// (rounded up to whole sheets: two pages, or the body's data-sheet-pages —
// four for a saddle-stitched handbook) into every element marked
// data-page-count (the imprint's "Số trang"),
// the page each anchor landed on into every element marked
// data-page-of="ID" (the contents), and " (xem trang N)" after each link
// in the text to an anchor (the words from the body's data-see-page). It
// returns whether anything changed. When the count is not whole sheets,
// the page's .closing section (QR code and imprint) moves to a page of its
// own, at its foot, and blank pages go before it until it is: the imprint
// stays on the last page (a handbook's back cover).
const fillPages = `((n, pages) => {
  const see = document.body.getAttribute("data-see-page") || "xem trang";
  let changed = false;
  const set = (el, text) => { if (el.textContent !== text) { el.textContent = text; changed = true; } };
  const sheet = Number(document.body.getAttribute("data-sheet-pages")) || 2;
  const closing = document.querySelector(".closing");
  if (closing && n % sheet !== 0) {
    // whole sheets, the imprint still on the last page: first the closing
    // moves to a page of its own, then, as need be, blank pages go before it
    if (!closing.classList.contains("own-page")) closing.classList.add("own-page");
    else { const blank = document.createElement("div"); blank.className = "blank-page"; closing.before(blank); }
    changed = true;
  }
  document.querySelectorAll("[data-page-count]").forEach(el => set(el, String(Math.ceil(n / sheet) * sheet)));
  document.querySelectorAll("[data-page-of]").forEach(el => set(el, pages[el.getAttribute("data-page-of")] ? String(pages[el.getAttribute("data-page-of")]) : ""));
  document.querySelectorAll("main a[href^='#']:not(.toc a):not(.footnote-ref a):not([role=doc-noteref]):not(.footnote-ref)").forEach(a => {
    const id = decodeURIComponent(a.getAttribute("href").slice(1));
    if (!pages[id] || a.closest("sup")) return;
    let ref = a.nextElementSibling;
    if (!ref || !ref.classList.contains("page-ref")) {
      ref = document.createElement("span"); ref.className = "page-ref"; a.after(ref); changed = true;
    }
    set(ref, " (" + see + " " + pages[id] + ")");
  });
  return changed;
})`

// printSettled prints the page of ctx. When the page shows page numbers
// of its own (its page count, contents, references), it prints again with
// the numbers the last print gave, until they no longer change (at most
// six prints).
func printSettled(ctx context.Context) ([]byte, error) {
	for try := 0; try < 6; try++ {
		pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize(), chromedp.PDFPrintBackground(), chromedp.PDFOutlineAndTagged()))
		if err != nil {
			return nil, err
		}
		n, anchors, err := anchorPages(pdf)
		if err != nil {
			return nil, err
		}
		js, _ := json.Marshal(anchors)
		changed, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf("%s(%d, %s)", fillPages, n, js)))
		if err != nil || !changed {
			return pdf, err
		}
	}
	return nil, fmt.Errorf("the page numbers it shows keep moving its pages")
}
