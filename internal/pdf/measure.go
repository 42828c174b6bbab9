package pdf

import (
	"context"
	"fmt"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// CheckScript is where the theme publishes the print check
// (static/js/print-check.js): a page of the print edition loads it, and
// bantin pdf runs it in a page that does not.
const CheckScript = "js/print-check.js"

// Check is what the print check measured in a page laid out for print.
type Check struct {
	Fits     []Overflow `json:"fits"`     // fixed-size boxes that hold more than fits
	Wide     []Wide     `json:"wide"`     // elements wider than their column
	Images   []Image    `json:"images"`   // raster images and the resolution they print at
	Headings []string   `json:"headings"` // the page's headings in order, as the outline should name them
	Codes    []Code     `json:"codes"`    // printed QR codes
	Fonts    []string   `json:"fonts"`    // the web font families the page loaded
}

// Overflow is a fixed-size box (a leaflet panel, a cover) whose content
// reaches OverMM past its BoxMM height.
type Overflow struct {
	Label  string  `json:"label"`
	Line   int     `json:"line"`
	Source string  `json:"source"`
	OverMM float64 `json:"overMM"`
	BoxMM  float64 `json:"boxMM"`
}

// Wide is an element reaching OverMM past the side of its ColumnMM column.
type Wide struct {
	What     string  `json:"what"`
	OverMM   float64 `json:"overMM"`
	ColumnMM float64 `json:"columnMM"`
	Source   string  `json:"source"`  // the page it comes from
	Section  string  `json:"section"` // the id of the heading it follows
}

// Image is one raster image as printed.
type Image struct {
	Src      string  `json:"src"`
	URL      string  `json:"url"`
	Loaded   bool    `json:"loaded"`
	PPI      int     `json:"ppi"`
	WidthMM  float64 `json:"widthMM"`
	HeightMM float64 `json:"heightMM"`
	Source   string  `json:"source"`
	Section  string  `json:"section"`
}

// Code is one printed QR code: the text it should hold, its place on the
// page in CSS pixels, its printed size, and (set by measure) what a
// decoder read from it at 150 dpi with a tenth of its area blotted out.
type Code struct {
	Text    string  `json:"text"`
	X       float64 `json:"x"`
	Y       float64 `json:"y"`
	Width   float64 `json:"width"`
	Height  float64 `json:"height"`
	SizeMM  float64 `json:"sizeMM"`
	Decoded string  `json:"-"`
}

// ensureCheck defines bantinPrintCheck from script unless the page has it.
const ensureCheck = `(script) => { if (!window.bantinPrintCheck) { (0, eval)(script); } return typeof window.bantinPrintCheck === "function"; }`

// measure runs the print check in the page of ctx, then reads each QR
// code back from a 150 dpi capture of the page with part of it blotted.
func measure(ctx context.Context, script string) (Check, error) {
	var c Check
	ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf("(%s)(%q)", ensureCheck, script)))
	if err != nil {
		return c, err
	}
	if !ok {
		return c, fmt.Errorf("no print check: the theme's %s is missing", CheckScript)
	}
	// The page at the check's resolution; each code is scrolled into view
	// and captured where it is (clips are in page coordinates).
	width, err := chromedp.Run(ctx, chromedp.Evaluate[int64](`window.innerWidth`))
	if err != nil {
		return c, err
	}
	if _, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: width, Height: captureHeight, DeviceScaleFactor: checkDPI / 96.0}); err != nil {
		return c, err
	}
	defer chromedp.Call(ctx, emulation.ClearDeviceMetricsOverride, cdp.Empty{})
	if c, err = chromedp.Run(ctx, chromedp.Evaluate[Check]("bantinPrintCheck()")); err != nil {
		return c, err
	}
	for i, code := range c.Codes {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf("window.scrollTo(0, %f), true", code.Y-captureHeight/4))); err != nil {
			return c, err
		}
		shot, err := chromedp.Call(ctx, page.CaptureScreenshot, page.CaptureScreenshotParams{
			Clip: &page.Viewport{X: max(code.X-quietPX, 0), Y: max(code.Y-quietPX, 0), Width: code.Width + 2*quietPX, Height: code.Height + 2*quietPX, Scale: 1},
		})
		if err != nil {
			return c, fmt.Errorf("capture QR code %d: %w", i+1, err)
		}
		c.Codes[i].Decoded = decodeDamaged(shot.Data)
	}
	// Chromium places named destinations relative to the scroll position.
	_, err = chromedp.Run(ctx, chromedp.Evaluate[bool]("window.scrollTo(0, 0), true"))
	return c, err
}

// captureHeight is the height of the viewport codes are captured in.
const captureHeight = 800

// quietPX is white kept around a captured code beyond its own quiet zone.
const quietPX = 4
