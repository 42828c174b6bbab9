package markdown

import (
	"bantin/internal/cputime"

	"bytes"
	"runtime"
	"strings"
	"testing"

	"bantin/internal/corpus"
	"bantin/internal/diag"
)

// BenchmarkRender renders the bodies of 200 pages of sitebench's corpus
// (300–1,500 words each) on one thread, and reports that thread's CPU per
// page ("cpu-ns/op").
//
//	go test -run '^$' -bench Render -benchmem ./internal/markdown/
func BenchmarkRender(b *testing.B) {
	var bodies [][]byte
	for name, f := range corpus.Generate(corpus.Bench(200)) {
		if strings.HasPrefix(name, "content/") {
			_, body, _ := bytes.Cut(bytes.TrimPrefix(f.Data, []byte("+++\n")), []byte("+++\n"))
			bodies = append(bodies, body)
		}
	}
	r := New(Options{Typographer: true})
	resolve := func(string) (string, error) { return "/bai-viet/x/", nil }
	runtime.GC()
	cputime.Thread(b, func() {
		i := 0
		for b.Loop() {
			var dl diag.List
			if _, err := r.Render(Input{File: "content/x.md", Src: bodies[i%len(bodies)], FirstLine: 8, Resolve: resolve}, &dl); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
}
