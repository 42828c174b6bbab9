package shrink

import (
	"bytes"
	"strings"
	"testing"

	"bantin/internal/output"
)

func TestFiles(t *testing.T) {
	page := "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n  <title>Dân vận khéo</title>\n  <style>\n    body { color : #ff0000 ; }\n  </style>\n</head>\n<body>\n  <!-- ghi chú -->\n  <p>\n    Xin   chào.\n  </p>\n  <script>\n    var  x = 1 ;\n  </script>\n</body>\n</html>\n"
	in := []output.File{
		{Path: "a/index.html", Data: []byte(page)},
		{Path: "css/x.css", Data: []byte("a {\n  color: #ffffff;\n}\n")},
		{Path: "index.xml", Data: []byte("<rss>\n  <x/>\n</rss>\n")},
	}
	out, err := Files(in)
	if err != nil {
		t.Fatal(err)
	}
	got := string(out[0].Data)
	for _, want := range []string{"<html lang=vi>", "<title>Dân vận khéo</title>", "</body>", "</p>", "Xin chào."} {
		if !strings.Contains(got, want) {
			t.Errorf("minified page lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "ghi chú") || len(got) >= len(page) {
		t.Errorf("not minified:\n%s", got)
	}
	if string(out[1].Data) != "a{color:#fff}" {
		t.Errorf("css %q", out[1].Data)
	}
	if !bytes.Equal(out[2].Data, in[2].Data) {
		t.Errorf("the feed was changed: %q", out[2].Data)
	}
	if string(in[0].Data) != page {
		t.Error("the input was changed")
	}
	again, _ := Files(in)
	if !bytes.Equal(again[0].Data, out[0].Data) {
		t.Error("two runs differ")
	}
	if _, err := Files([]output.File{{Path: "x.js", Data: []byte("var = ;")}}); err == nil || !strings.Contains(err.Error(), "x.js") {
		t.Errorf("bad script: %v", err)
	}
}
