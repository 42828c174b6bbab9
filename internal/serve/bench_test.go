package serve

import (
	"context"
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"bantin/internal/build"
	"bantin/internal/corpus"
)

// BenchmarkServe10000 measures the dev server on a generated 10,000-page
// site: start-up against a full build, the time from saving an edited
// article to the reload event (500 edits), and the heap before and after
// those edits. Run it once:
//
//	go test -run '^$' -bench Serve10000 -benchtime 1x ./internal/serve/
func BenchmarkServe10000(b *testing.B) {
	root := b.TempDir()
	for name, f := range corpus.Generate(corpus.Options{Pages: 10000}) {
		p := filepath.Join(root, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, f.Data, 0o644)
	}
	opts := build.Options{BaseURL: "http://127.0.0.1/"}
	t0 := time.Now()
	if res := build.Build(os.DirFS(root), opts); res.Diags.HasErrors() {
		b.Fatal(res.Diags.Err())
	}
	buildTime := time.Since(t0)
	runtime.GC()
	t0 = time.Now()
	srv := New(root, opts, io.Discard)
	startTime := time.Since(t0)
	ts := httptest.NewServer(srv.Handler())
	ctx, cancel := context.WithCancel(context.Background())
	defer func() { cancel(); ts.CloseClientConnections(); ts.Close() }()
	go srv.Watch(ctx)
	events := subscribe(b, ctx, ts.URL)
	time.Sleep(300 * time.Millisecond)

	const edits = 500
	var latencies []time.Duration
	var heapAfter50 uint64
	for i := 0; i < edits; i++ {
		name := fmt.Sprintf("content/bai-viet/trang-%05d.md", 50*(i%200)) // articles
		path := filepath.Join(root, filepath.FromSlash(name))
		data, _ := os.ReadFile(path)
		edited := strings.Replace(string(data), "\n\n## ", fmt.Sprintf("\n\nSửa lần %d.\n\n## ", i), 1)
		start := time.Now()
		os.WriteFile(path, []byte(edited), 0o644)
		ev := await(b, events, "reload")
		latencies = append(latencies, time.Since(start))
		if !strings.Contains(ev.data, strings.TrimSuffix(strings.TrimPrefix(name, "content/"), ".md")+"/index.html") {
			b.Fatalf("edit %d: reload event without the page: %.200s", i, ev.data)
		}
		if i == 49 {
			heapAfter50 = heapInUse()
		}
	}
	heapAfter500 := heapInUse()
	sort.Slice(latencies, func(i, j int) bool { return latencies[i] < latencies[j] })
	b.ReportMetric(buildTime.Seconds(), "build-s")
	b.ReportMetric(startTime.Seconds(), "start-s")
	b.ReportMetric(float64(latencies[len(latencies)/2].Milliseconds()), "edit-median-ms")
	b.ReportMetric(float64(latencies[len(latencies)*9/10].Milliseconds()), "edit-p90-ms")
	b.ReportMetric(float64(heapAfter50)/1e6, "heap-after-50-MB")
	b.ReportMetric(float64(heapAfter500)/1e6, "heap-after-500-MB")
}

func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}
