package markdown

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bantin/internal/diag"
	"bantin/internal/imaging"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// planned returns a finder that plans a 2000×1500 JPEG for "anh.jpg" and
// "hai anh.jpg", answers nil for "so-do.svg" and fails for "hong.jpg".
func planned(t *testing.T) ImageFinder {
	return func(target string) (*imaging.Set, error) {
		switch target {
		case "anh.jpg", "hai anh.jpg":
			return plannedSet(t, target), nil
		case "hong.jpg":
			return nil, errors.New("not an image bantin can read")
		}
		return nil, nil
	}
}

func plannedSet(t *testing.T, name string) *imaging.Set {
	t.Helper()
	s, err := imaging.Plan(tinyJPEG(t), "bai/"+name, "/bai/"+name, imaging.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// tinyJPEG is the header of a 2000×1500 baseline JPEG: enough for Plan.
func tinyJPEG(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/header-2000x1500.jpg")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func renderImages(t *testing.T, opts Options, src string) (string, string) {
	t.Helper()
	var dl diag.List
	resolve := func(target string) (string, error) { return "/bai/" + target, nil }
	res, err := New(opts).Render(Input{File: "content/bai/index.md", Src: []byte(src), FirstLine: 4, Resolve: resolve, Image: planned(t)}, &dl)
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, d := range dl.Items() {
		msgs = append(msgs, d.String())
	}
	return string(res.HTML), strings.Join(msgs, "\n")
}

func TestImagesGolden(t *testing.T) {
	src := strings.Join([]string{
		"![Hội nghị dân vận](anh.jpg)",
		"",
		"![Tổ dân phố họp](hai%20anh.jpg \"Tổ dân phố số 3 họp, tháng 5\")",
		"",
		"Sơ đồ: ![Sơ đồ](so-do.svg \"Sơ đồ phường\") và ảnh ![Ảnh nhỏ](anh.jpg \"trong dòng\").",
		"",
		"[![Ảnh gốc](anh.jpg)](anh.jpg)",
		"",
	}, "\n")
	html, diags := renderImages(t, Options{}, src)
	if diags != "" {
		t.Errorf("diagnostics: %s", diags)
	}
	golden(t, "testdata/images.golden.html", html)
}

func golden(t *testing.T, file, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test -update rewrites it):\n got:\n%s\nwant:\n%s", filepath.Base(file), got, want)
	}
}

func TestFirstImageIsNotLazy(t *testing.T) {
	html, _ := renderImages(t, Options{}, "Đoạn.\n\n![Một](anh.jpg)\n\n![Hai](anh.jpg)\n\n![Ba](so-do.svg)\n")
	if n := strings.Count(html, `loading="lazy"`); n != 2 {
		t.Errorf("%d lazy images, want 2 (all but the first):\n%s", n, html)
	}
	first := html[:strings.Index(html, "</picture>")]
	if strings.Contains(first, "lazy") {
		t.Errorf("the first image is lazy:\n%s", first)
	}
}

func TestMissingAltIsAWarningAtItsLine(t *testing.T) {
	src := "Đoạn một.\n\nXem ảnh ![](anh.jpg) ở đây.\n\n![](hai%20anh.jpg)\n"
	_, diags := renderImages(t, Options{}, src)
	want := "content/bai/index.md:6:9: warning: image \"anh.jpg\" has no alt text: describe it for readers who cannot see it, ![mô tả ảnh](anh.jpg)\n" +
		"content/bai/index.md:8:1: warning: image \"hai%20anh.jpg\" has no alt text: describe it for readers who cannot see it, ![mô tả ảnh](hai%20anh.jpg)"
	if diags != want {
		t.Errorf("diagnostics\n got %s\nwant %s", diags, want)
	}
	_, diags = renderImages(t, Options{RequireAlt: true}, src)
	if !strings.Contains(diags, "content/bai/index.md:6:9: error: image \"anh.jpg\" has no alt text") {
		t.Errorf("with RequireAlt: %s", diags)
	}
}

func TestUnreadableImageIsAnError(t *testing.T) {
	_, diags := renderImages(t, Options{}, "Đoạn.\n\n![Hỏng](hong.jpg)\n")
	if want := `content/bai/index.md:6:3: error: image "hong.jpg": not an image bantin can read`; diags != want {
		t.Errorf("got %s\nwant %s", diags, want)
	}
}
