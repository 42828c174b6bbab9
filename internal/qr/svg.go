package qr

import (
	"fmt"
	"strconv"
)

// SVG draws the code as a square sizeMM millimetres wide.
func (c *Code) SVG(sizeMM float64) []byte {
	n := c.Size()
	b := make([]byte, 0, 4096)
	b = fmt.Appendf(b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%gmm" height="%gmm" shape-rendering="crispEdges">`, n, n, sizeMM, sizeMM)
	b = fmt.Appendf(b, `<rect width="%d" height="%d" fill="#fff"/><path fill="#000" d="`, n, n)
	for y := 0; y < n; y++ {
		for x := 0; x < n; {
			if !c.Dark(x, y) {
				x++
				continue
			}
			run := 1
			for x+run < n && c.Dark(x+run, y) {
				run++
			}
			b = appendRun(b, x, y, run)
			x += run
		}
	}
	return append(b, `"/></svg>`...)
}

// appendRun writes one run of dark modules: "M{x} {y}h{run}v1h-{run}z".
func appendRun(b []byte, x, y, run int) []byte {
	b = append(b, 'M')
	b = strconv.AppendInt(b, int64(x), 10)
	b = append(b, ' ')
	b = strconv.AppendInt(b, int64(y), 10)
	b = append(b, 'h')
	b = strconv.AppendInt(b, int64(run), 10)
	b = append(b, "v1h-"...)
	b = strconv.AppendInt(b, int64(run), 10)
	return append(b, 'z')
}
