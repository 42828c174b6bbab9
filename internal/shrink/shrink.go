package shrink

import (
	"bytes"
	"fmt"
	"path"

	"bantin/internal/output"
	"bantin/internal/parallel"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
)

// mediaTypes are the files minified, by extension.
var mediaTypes = map[string]string{".html": "text/html", ".css": "text/css", ".js": "application/javascript"}

func newMinifier() *minify.M {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepSpecialComments: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("text/javascript", js.Minify)
	return m
}

// Files returns files with their HTML, CSS and JavaScript minified, in the
// same order; the input is not changed.
func Files(files []output.File) ([]output.File, error) {
	m := newMinifier()
	out := make([]output.File, len(files))
	errs := make([]error, len(files))
	parallel.For(len(files), func(i int) {
		out[i] = files[i]
		mt, ok := mediaTypes[path.Ext(files[i].Path)]
		if !ok {
			return
		}
		var b bytes.Buffer
		b.Grow(len(files[i].Data))
		if err := m.Minify(mt, &b, bytes.NewReader(files[i].Data)); err != nil {
			errs[i] = fmt.Errorf("minify %s: %w", files[i].Path, err)
			return
		}
		out[i].Data = b.Bytes()
	})
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Writer returns an output.Writer that minifies each file's HTML, CSS or
// JavaScript and passes it on to w: a build streams its files through it.
func Writer(w output.Writer) output.Writer {
	return minifying{m: newMinifier(), w: w}
}

type minifying struct {
	m *minify.M
	w output.Writer
}

func (mw minifying) Write(f output.File) error {
	mt, ok := mediaTypes[path.Ext(f.Path)]
	if !ok {
		return mw.w.Write(f)
	}
	var b bytes.Buffer
	b.Grow(len(f.Data))
	if err := mw.m.Minify(mt, &b, bytes.NewReader(f.Data)); err != nil {
		return fmt.Errorf("minify %s: %w", f.Path, err)
	}
	f.Data = b.Bytes()
	return mw.w.Write(f)
}
