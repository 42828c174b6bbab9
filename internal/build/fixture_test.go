package build

import (
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"bantin/internal/imaging/imagingtest"
	"bantin/internal/output"
	"bantin/internal/tooltest"
)

// siteFS reads a txtar-style fixture: "-- path --" lines start files. A
// file whose text is "PNG" becomes a real 2×1 PNG (fixtures are text, and
// bantin decodes the images it publishes).
func siteFS(t testing.TB, txt string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	name := ""
	var body strings.Builder
	flush := func() {
		if name != "" {
			data := []byte(body.String())
			if body.String() == "PNG\n" {
				data = imagingtest.PNG(image.NewGray(image.Rect(0, 0, 2, 1)))
			}
			fsys[name] = &fstest.MapFile{Data: data}
		}
		body.Reset()
	}
	for _, line := range strings.SplitAfter(txt, "\n") {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") {
			flush()
			name = strings.TrimSuffix(strings.TrimPrefix(trimmed, "-- "), " --")
			continue
		}
		body.WriteString(line)
	}
	flush()
	return fsys
}

var fixedNow = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

// build runs a build of the fixture and returns its files by path and its
// diagnostics, one per line.
func build(t testing.TB, txt string, opts Options) (map[string]string, string) {
	t.Helper()
	if opts.Now.IsZero() {
		opts.Now = fixedNow
	}
	res := Build(siteFS(t, txt), opts)
	files := map[string]string{}
	for _, f := range res.Files {
		files[f.Path] = string(f.Data)
	}
	var msgs []string
	for _, d := range res.Diags.Items() {
		// Fixtures leave out ids; TestPageWithoutIDWarns covers that warning.
		if !strings.Contains(d.Msg, "no id: the QR code") {
			msgs = append(msgs, d.String())
		}
	}
	return files, strings.Join(msgs, "\n")
}

// buildOK builds a fixture that must have no diagnostics at all.
func buildOK(t testing.TB, txt string) map[string]string {
	t.Helper()
	files, msgs := build(t, txt, Options{})
	if msgs != "" {
		t.Fatalf("unexpected diagnostics:\n%s", msgs)
	}
	return files
}

func contains(t testing.TB, files map[string]string, path string, wants ...string) {
	t.Helper()
	got, ok := files[path]
	if !ok {
		t.Errorf("%s was not written", path)
		return
	}
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("%s lacks %q", path, w)
		}
	}
}

func fileList(files []output.File) []string {
	var out []string
	for _, f := range files {
		out = append(out, f.Path)
	}
	return out
}

// serveSample builds the repository's sample site with baseURL, writes it
// to a temporary folder and serves it on loopback; it returns the build and
// the server's address.
func serveSample(t *testing.T, baseURL string) (*Result, string) {
	t.Helper()
	res := Build(os.DirFS(filepath.Join("..", "..")), Options{Now: fixedNow, BaseURL: baseURL})
	if err := res.Diags.Err(); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "public")
	if err := output.WriteDir(dir, res.Files); err != nil {
		t.Fatal(err)
	}
	return res, tooltest.ServeDir(t, dir)
}
