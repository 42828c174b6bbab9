package highlight

import (
	"bytes"
	"fmt"
	"strings"

	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark"
	highlighting "github.com/yuin/goldmark-highlighting/v2"
)

// StylesheetPath is where the code stylesheet is published.
const StylesheetPath = "css/chroma.css"

func formatOptions(lineNumbers bool) []chromahtml.Option {
	return []chromahtml.Option{chromahtml.WithClasses(true), chromahtml.WithLineNumbers(lineNumbers)}
}

// Extender returns the goldmark extension that highlights fenced code.
func Extender(style string, lineNumbers bool) goldmark.Extender {
	return highlighting.NewHighlighting(
		highlighting.WithStyle(style),
		highlighting.WithFormatOptions(formatOptions(lineNumbers)...),
	)
}

// Stylesheet returns the CSS for style.
func Stylesheet(style string) ([]byte, error) {
	s := styles.Get(style)
	var buf bytes.Buffer
	if err := chromahtml.New(formatOptions(false)...).WriteCSS(&buf, s); err != nil {
		return nil, fmt.Errorf("write code stylesheet: %w", err)
	}
	return buf.Bytes(), nil
}

// Known reports whether chroma has a style of this name (any case); an
// unknown name would fall back to a plain style without a word.
func Known(style string) bool {
	_, ok := styles.Registry[strings.ToLower(style)]
	return ok
}
