package layout

import (
	"bytes"
	"html"
	"html/template"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"bantin/internal/config"
	"bantin/internal/diag"
	"bantin/internal/qr"
	"bantin/internal/site"
)

var docExample = regexp.MustCompile(`(?m)^//\t    (.+?)  →  (.+)$`)

// Every example in the package documentation runs and prints what the
// documentation says it prints.
func TestDocExamples(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	examples := docExample.FindAllStringSubmatch(string(doc), -1)
	if len(examples) < 20 {
		t.Fatalf("only %d examples found", len(examples))
	}
	var dl diag.List
	cfg := config.Load(fstest.MapFS{"config.toml": {Data: []byte(`baseURL = "https://danvan.example.vn/ban-tin/"`)}}, "", &dl)
	tm := Load(fstest.MapFS{}, cfg, qr.NewCache(), &dl)
	if err := dl.Err(); err != nil {
		t.Fatal(err)
	}
	s := &site.Site{Config: cfg, Title: "Bản tin"}
	p := &site.Page{Kind: site.KindPage, Type: "article", Title: "Dân vận khéo", WordCount: 1000, Site: s,
		Date: time.Date(2022, 1, 21, 16, 58, 0, 0, cfg.Location), URL: "/bai-viet/dan-van-kheo/", Permalink: "https://danvan.example.vn/ban-tin/bai-viet/dan-van-kheo/"}
	p.Lastmod = p.Date
	for _, ex := range examples {
		src, want := ex[1], ex[2]
		if strings.HasPrefix(want, "(") {
			continue // described, not literal
		}
		tmpl, err := template.New("example").Funcs(tm.funcs).Parse(src)
		if err != nil {
			t.Errorf("%s: %v", src, err)
			continue
		}
		var b bytes.Buffer
		if err := tmpl.Execute(&b, p); err != nil {
			t.Errorf("%s: %v", src, err)
			continue
		}
		if got := html.UnescapeString(b.String()); got != want {
			t.Errorf("%s\n got %s\nwant %s", src, got, want)
		}
	}
}
