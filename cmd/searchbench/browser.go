package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"bantin/internal/pdf"
)

// browser is headless Chromium with a record of the bytes each request
// took on the wire (headers and body, as sent: gzipped when it was).
type browser struct {
	ctx    context.Context
	cancel func()
	mu     sync.Mutex
	urls   map[network.RequestID]string
	bytes  map[string]float64 // URL → bytes on the wire, summed
}

func newBrowser() (*browser, error) {
	chrome, err := pdf.Find("")
	if err != nil {
		return nil, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chrome), chromedp.NoSandbox, chromedp.DisableGPU)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	b := &browser{urls: map[network.RequestID]string{}, bytes: map[string]float64{}}
	ctx, cancelT := chromedp.NewContext(actx, chromedp.WithListener(b.listen))
	b.ctx, b.cancel = ctx, func() { cancelT(); cancelA() }
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		b.cancel()
		return nil, err
	}
	return b, nil
}

func (b *browser) listen(ev any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch e := ev.(type) {
	case *network.EventRequestWillBeSent:
		b.urls[e.RequestID] = e.Request.URL
	case *network.EventLoadingFinished:
		b.bytes[b.urls[e.RequestID]] += e.EncodedDataLength
	}
}

// take returns the bytes and number of requests whose URL contains one of
// the parts since the last take, and forgets them all.
func (b *browser) take(parts ...string) (float64, int) {
	time.Sleep(150 * time.Millisecond) // let the last loadingFinished events arrive
	b.mu.Lock()
	defer b.mu.Unlock()
	total, n := sumMatching(b.bytes, parts, os.Getenv("SEARCHBENCH_VERBOSE") != "")
	b.bytes = map[string]float64{}
	return total, n
}

// sumMatching adds the bytes of the URLs that contain one of parts, and
// counts them; verbose prints each.
func sumMatching(bytes map[string]float64, parts []string, verbose bool) (float64, int) {
	total, n := 0.0, 0
	for u, by := range bytes {
		for _, p := range parts {
			if strings.Contains(u, p) {
				total += by
				n++
				if verbose {
					fmt.Printf("    %6.0f %s\n", by, u)
				}
				break
			}
		}
	}
	return total, n
}

// waitTrue polls a JavaScript condition.
func (b *browser) waitTrue(cond string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		ok, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](cond))
		if err == nil && ok {
			return nil
		}
		time.Sleep(20 * time.Millisecond)
	}
	return fmt.Errorf("timed out waiting for %s", cond)
}
