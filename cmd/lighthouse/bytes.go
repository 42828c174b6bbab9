package main

import (
	"context"
	"sync"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// articleBytes visits first with an empty cache, then second in the same
// tab, and returns the bytes each visit took on the wire.
func articleBytes(chrome, first, second string) (float64, float64, error) {
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chrome), chromedp.NoSandbox, chromedp.DisableGPU)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelA()
	var mu sync.Mutex
	var total float64
	ctx, cancelT := chromedp.NewContext(actx, chromedp.WithListener(func(ev any) {
		if e, ok := ev.(*network.EventLoadingFinished); ok {
			mu.Lock()
			total += e.EncodedDataLength
			mu.Unlock()
		}
	}))
	defer cancelT()
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		return 0, 0, err
	}
	visit := func(url string) (float64, error) {
		mu.Lock()
		total = 0
		mu.Unlock()
		if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.Sleep(time.Second)); err != nil {
			return 0, err
		}
		mu.Lock()
		defer mu.Unlock()
		return total, nil
	}
	a, err := visit(first)
	if err != nil {
		return 0, 0, err
	}
	b, err := visit(second)
	return a, b, err
}
