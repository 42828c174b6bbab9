package layout

import (
	"encoding/json"
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"time"
	"unicode/utf8"

	"bantin/internal/config"
	"bantin/internal/qr"
	"bantin/internal/vi"
)

// MinPrintedQRMM is the smallest printed QR code qrPrintSVG draws, quiet
// zone included: smaller codes fail on phone cameras once printed.
const MinPrintedQRMM = 20.0

// QRDir is where codes made with qrFile are published.
const QRDir = "qr"

// funcMap returns the template functions documented in the package comment.
// partial is bound per composed template set (see compose).
func funcMap(cfg *config.Config, strs *Strings, codes *qr.Cache) template.FuncMap {
	loc := cfg.Location
	level, printLevel := cfg.QR.Level, cfg.QR.PrintLevel
	return template.FuncMap{
		"qrSVG": func(text string, sizeMM ...float64) (template.HTML, error) {
			code, err := codes.Get(text, level)
			if err != nil {
				return "", err
			}
			size := cfg.QR.SizeMM
			if len(sizeMM) > 0 {
				size = sizeMM[0]
			}
			return template.HTML(code.SVG(size)), nil
		},
		"qrPrintSVG": func(text string, sizeMM ...float64) (template.HTML, error) {
			code, err := codes.Get(text, printLevel)
			if err != nil {
				return "", err
			}
			size := MinPrintedQRMM
			if len(sizeMM) > 0 {
				size = max(sizeMM[0], MinPrintedQRMM)
			}
			return template.HTML(code.SVG(size)), nil
		},
		"qrFile": func(text string) (string, error) {
			name, err := codes.Want(text, level)
			return cfg.RelURL("/" + QRDir + "/" + name + ".svg"), err
		},
		"T":              strs.Translate,
		"relURL":         cfg.RelURL,
		"absURL":         cfg.AbsURL,
		"dateVI":         func(t time.Time) string { return vi.FormatDateTime(t, loc) },
		"dateShort":      func(t time.Time) string { return vi.FormatDate(t, loc) },
		"isoDate":        func(t time.Time) string { return isoDate(t, loc) },
		"monthName":      func(t time.Time) string { t = t.In(loc); return vi.MonthName(t.Year(), t.Month()) },
		"slugify":        vi.Slug,
		"first":          first,
		"firstExcept":    firstExcept,
		"urlBreaks":      urlBreaks,
		"demoteHeadings": demoteHeadings,
		"truncate":       truncate,
		"dict":           dict,
		"slice":          func(v ...any) []any { return v },
		"default":        defaultValue,
		"add":            func(a, b int) int { return a + b },
		"sub":            func(a, b int) int { return a - b },
		"jsonify":        jsonify,
		"safeHTML":       func(s string) template.HTML { return template.HTML(s) },
		"safeURL":        func(s string) template.URL { return template.URL(s) },
		"hasPrefix":      strings.HasPrefix,
		"numberVI":       numberVI,
		"jsonLD":         jsonLD,
		"imageSet":       imageSet,
		"picture":        picture,
		"metaTags":       metaTags{strs: strs, loc: loc}.write,
		"paginationNav":  paginationNav{strs: strs}.write,
		"pageItem":       listItems{loc: loc}.pageItem,
		"linkItem":       listItems{loc: loc}.linkItem,
		"termLinks":      termLinks,
		"tocItems":       tocItems,
		"partial":        func(string, any) (template.HTML, error) { return "", fmt.Errorf("partial is not bound") },
		"partialCached": func(string, any, ...string) (template.HTML, error) {
			return "", fmt.Errorf("partialCached is not bound")
		},
		"partialCachedEach": func(string, any) (template.HTML, error) {
			return "", fmt.Errorf("partialCachedEach is not bound")
		},
	}
}

// isoDate writes t in loc as RFC 3339, for <time datetime> and metadata:
// digits and "-:+T" only, which no HTML context needs escaped.
func isoDate(t time.Time, loc *time.Location) string {
	return t.In(loc).Format(time.RFC3339)
}

func first(n int, list any) (any, error) {
	v := reflect.ValueOf(list)
	if v.Kind() != reflect.Slice && v.Kind() != reflect.Array {
		return nil, fmt.Errorf("first: %T is not a list", list)
	}
	if n < 0 {
		n = 0
	}
	if n > v.Len() {
		n = v.Len()
	}
	return v.Slice(0, n).Interface(), nil
}

func truncate(n int, s string) string {
	end, count := 0, 0
	for end < len(s) && count < n {
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
		count++
	}
	if end == len(s) {
		return s
	}
	cut := s[:end]
	if s[end] != ' ' {
		if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
			cut = cut[:i]
		}
	}
	return strings.TrimRight(cut, " ,.;:") + "…"
}

func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, fmt.Errorf("dict: %d arguments; want key, value pairs", len(kv))
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict: key %v is not a string", kv[i])
		}
		m[k] = kv[i+1]
	}
	return m, nil
}

func defaultValue(def, v any) any {
	if v == nil {
		return def
	}
	rv := reflect.ValueOf(v)
	if rv.IsZero() || ((rv.Kind() == reflect.Slice || rv.Kind() == reflect.Map || rv.Kind() == reflect.String) && rv.Len() == 0) {
		return def
	}
	return v
}

// jsonify returns v as JSON for a script element. encoding/json escapes <,
// > and &, so the text cannot close the element.
func jsonify(v any) (template.JS, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("jsonify: %w", err)
	}
	return template.JS(b), nil
}

// numberVI writes n with dots between thousands: 10000 → "10.000".
func numberVI(n int) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	if neg {
		return "-" + s
	}
	return s
}
