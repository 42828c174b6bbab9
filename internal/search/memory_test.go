package search_test

import (
	"regexp"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"bantin/internal/content"
	"bantin/internal/corpus"
	"bantin/internal/cputime"
	"bantin/internal/markdown"
	"bantin/internal/parallel"
	"bantin/internal/search"
	"bantin/internal/site"
	"bantin/internal/textstore"
)

// The peak heap of search.Files alone, on the analyses of corpus.Bench's
// pages (the corpus of cmd/sitebench), made from the generated Markdown
// without a build: a 100,000-page site's index is measured on a machine
// that cannot build one. Each benchmark reports the heap the analyses
// hold ("analyses-MB/1000pages"); what Files adds at its peak over them
// and the pages' shells, sampled every millisecond, as a build runs it
// ("files-peak-MB": live objects and garbage not yet collected, with the
// default GOGC) and with a collection each time the heap grows by a tenth
// ("files-live-MB", close to what Files holds live at its most, and per
// 1,000 pages); the index files it returns besides the fragments
// ("index-files-MB", part of what it holds); and the CPU of Files.
//
//	go test -run '^$' -bench FilesMemory -benchtime 1x ./internal/search/
func BenchmarkFilesMemory10000(b *testing.B)  { benchFilesMemory(b, 10000) }
func BenchmarkFilesMemory100000(b *testing.B) { benchFilesMemory(b, 100000) }

func benchFilesMemory(b *testing.B, pages int) {
	s, as := corpusAnalyses(b, pages)
	label := func(t string) string { return t }
	indexBytes := 0
	cputime.Process(b, func() {
		for b.Loop() {
			files := search.Files(s, as, label)
			indexBytes = 0
			for _, f := range files {
				if !strings.HasPrefix(f.Path, search.DataDir+"f/") { // fragments are the analyses' own bytes
					indexBytes += len(f.Data)
				}
			}
		}
	})
	// Memory, outside the timed loop: once as a build runs it, once with
	// a collection each time the heap grows by a tenth, whose peak is
	// close to what Files holds live at its most.
	added := func(gcPercent int) float64 {
		old := debug.SetGCPercent(gcPercent)
		defer debug.SetGCPercent(old)
		runtime.GC()
		var peak heapSample
		base := readHeap()
		stop := sampleHeap(&peak)
		files := search.Files(s, as, label)
		stop()
		runtime.KeepAlive(files)
		return float64(peak.objects-base.objects) / 1e6
	}
	size := 0
	for _, a := range as {
		data, _ := a.MarshalBinary()
		size += len(data)
	}
	thousands := float64(pages) / 1000
	peak, live := added(100), added(10)
	b.ReportMetric(float64(size)/1e6/thousands, "analyses-MB/1000pages")
	b.ReportMetric(peak, "files-peak-MB")
	b.ReportMetric(live, "files-live-MB")
	b.ReportMetric(live/thousands, "files-live-MB/1000pages")
	b.ReportMetric(float64(indexBytes)/1e6, "index-files-MB")
}

// heapSample is the heap's objects, live or not yet collected, and the
// heap found live by the last collection.
type heapSample struct{ objects, live uint64 }

func readHeap() heapSample {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	return heapSample{sample[0].Value.Uint64(), sample[1].Value.Uint64()}
}

// sampleHeap records the largest of each reading into peak until stop is
// called.
func sampleHeap(peak *heapSample) (stop func()) {
	var done atomic.Bool
	var wg sync.WaitGroup
	wg.Add(1)
	*peak = readHeap()
	keep := func() {
		h := readHeap()
		peak.objects, peak.live = max(peak.objects, h.objects), max(peak.live, h.live)
	}
	go func() {
		defer wg.Done()
		for !done.Load() {
			keep()
			time.Sleep(time.Millisecond)
		}
	}()
	return func() {
		done.Store(true)
		wg.Wait()
		keep()
	}
}

var (
	titleLine = regexp.MustCompile(`(?m)^title = "(.*)"$`)
	tagsLine  = regexp.MustCompile(`(?m)^tags = \[(.*)\]$`)
	markup    = strings.NewReplacer("**", "", "`", "", "|", " ", "- ", "", "[", "", "]", "")
)

// corpusAnalyses generates corpus.Bench(pages) and analyses each page as
// the build would see it (title, tags, ## sections, text without
// markup), keeping only the analyses and a shell of each page.
func corpusAnalyses(b *testing.B, pages int) (*site.Site, []*search.Analysis) {
	b.Helper()
	s := &site.Site{}
	var docs []string
	corpus.Each(corpus.Bench(pages), func(name string, data []byte) error {
		if strings.HasPrefix(name, "content/") {
			docs = append(docs, string(data))
		}
		return nil
	})
	as := make([]*search.Analysis, len(docs))
	parallel.For(len(docs), func(i int) {
		as[i] = search.Analyze(corpusPage(docs[i], i), time.UTC)
		docs[i] = ""
	})
	for i := range as {
		s.Pages = append(s.Pages, &site.Page{Type: []string{"article", "leaflet"}[i%2]})
	}
	runtime.GC()
	return s, as
}

func corpusPage(src string, i int) *site.Page {
	front, body, _ := strings.Cut(strings.TrimPrefix(src, "+++\n"), "+++\n")
	p := &site.Page{RelPermalink: "/bai-viet/trang-" + strings.Repeat("0", 1) + string(rune('a'+i%26)) + "/", Date: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour)}
	if m := titleLine.FindStringSubmatch(front); m != nil {
		p.Title = m[1]
	}
	if m := tagsLine.FindStringSubmatch(front); m != nil {
		p.Terms = map[string][]string{"tags": strings.Split(strings.ReplaceAll(m[1], `"`, ""), ", ")}
	}
	parts := strings.Split(body, "\n## ")
	var plain strings.Builder
	var secs []markdown.Section
	for j, part := range parts {
		title := ""
		if j > 0 {
			title, part, _ = strings.Cut(part, "\n")
		}
		text := strings.Join(strings.Fields(markup.Replace(part)), " ")
		secs = append(secs, markdown.Section{ID: "s" + string(rune('0'+j%10)), Title: title, Plain: text})
		if j > 0 {
			plain.WriteString(title + ". ")
		}
		plain.WriteString(text + " ")
	}
	// the page's own text store: it goes with the page once analysed
	site.Refresh(p, &content.Doc{}, site.StoreRendered(textstore.NewMem(), &markdown.Result{Plain: plain.String(), Sections: secs}))
	return p
}
