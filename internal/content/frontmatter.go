package content

import (
	"bytes"
	"strings"
	"time"
)

// FrontMatter holds the keys documented in the package comment.
type FrontMatter struct {
	ID          string         `toml:"id"`
	Title       string         `toml:"title"`
	Date        time.Time      `toml:"date"`
	Lastmod     time.Time      `toml:"lastmod"`
	PublishDate time.Time      `toml:"publishDate"`
	ExpiryDate  time.Time      `toml:"expiryDate"`
	Draft       bool           `toml:"draft"`
	Slug        string         `toml:"slug"`
	URL         string         `toml:"url"`
	Aliases     []string       `toml:"aliases"`
	Summary     string         `toml:"summary"`
	Description string         `toml:"description"`
	Type        string         `toml:"type"`
	Layout      string         `toml:"layout"`
	Weight      int            `toml:"weight"`
	Image       string         `toml:"image"`
	Images      []string       `toml:"images"`    // Hugo's sharing images; the first is used when image is not set
	Keywords    []string       `toml:"keywords"`  // <meta name="keywords"> and search
	LinkTitle   string         `toml:"linkTitle"` // the title in lists, menus and breadcrumbs
	Cascade     map[string]any `toml:"cascade"`   // _index.md: values handed down to the section's pages
	Articles    []string       `toml:"articles"`
	Print       Imprint        `toml:"print"`
	Params      map[string]any `toml:"params"`
}

// Imprint is what a printed publication must state about itself (its
// [print] front matter). Which keys a publication must fill is the config's
// print rule for its type.
type Imprint struct {
	Publisher      string    `toml:"publisher"`      // the organisation licensed to publish: "Ban Dân vận Thành ủy"
	Responsible    string    `toml:"responsible"`    // người chịu trách nhiệm xuất bản
	Licence        string    `toml:"licence"`        // number, date and issuing authority of the licence
	Copies         int       `toml:"copies"`         // print run
	Size           string    `toml:"size"`           // format (khuôn khổ): "A4 gấp ba (99 × 210 mm)"
	Printer        string    `toml:"printer"`        // the printing house
	PrinterAddress string    `toml:"printerAddress"` // its address
	Date           time.Time `toml:"date"`           // date printing finished
	Deposit        string    `toml:"deposit"`        // legal deposit (nộp lưu chiểu): "tháng 10/2026"
	Periodicity    string    `toml:"periodicity"`    // a bulletin's: "Ra hằng tháng"
}

// Has reports whether the imprint fills key (one of config.ImprintKeys).
func (i Imprint) Has(key string) bool {
	switch key {
	case "publisher":
		return strings.TrimSpace(i.Publisher) != ""
	case "responsible":
		return strings.TrimSpace(i.Responsible) != ""
	case "licence":
		return strings.TrimSpace(i.Licence) != ""
	case "copies":
		return i.Copies > 0
	case "size":
		return strings.TrimSpace(i.Size) != ""
	case "printer":
		return strings.TrimSpace(i.Printer) != ""
	case "printerAddress":
		return strings.TrimSpace(i.PrinterAddress) != ""
	case "date":
		return !i.Date.IsZero()
	case "deposit":
		return strings.TrimSpace(i.Deposit) != ""
	case "periodicity":
		return strings.TrimSpace(i.Periodicity) != ""
	}
	return false
}

// Format names a front-matter syntax.
type Format string

const (
	TOML Format = "toml"
	YAML Format = "yaml"
	JSON Format = "json" // Hugo's third form: a JSON object from a "{" line to a "}" line
	None Format = ""
)

// split separates front matter from the body. fmLine and bodyLine are the
// 1-based lines where each starts. unclosed is true when an opening
// delimiter has no closing one.
func split(src []byte) (format Format, fm []byte, fmLine int, body []byte, bodyLine int, unclosed bool) {
	first, rest, _ := bytes.Cut(src, []byte("\n"))
	var delim []byte
	switch string(bytes.TrimRight(first, " \t")) {
	case "+++":
		format, delim = TOML, []byte("+++")
	case "---":
		format, delim = YAML, []byte("---")
	case "{":
		return splitJSON(src, rest)
	default:
		return None, nil, 0, src, 1, false
	}
	line := 2
	for off := 0; off <= len(rest); {
		end := bytes.IndexByte(rest[off:], '\n')
		next := len(rest) + 1
		cur := rest[off:]
		if end >= 0 {
			cur = rest[off : off+end]
			next = off + end + 1
		}
		if bytes.Equal(bytes.TrimRight(cur, " \t"), delim) {
			if next > len(rest) {
				next = len(rest)
			}
			return format, rest[:off], 2, rest[next:], line + 1, false
		}
		off = next
		line++
	}
	return format, nil, 2, nil, 0, true
}

// splitJSON separates JSON front matter, which runs from the "{" of the
// first line to the first line that is "}" alone, and keeps both braces.
func splitJSON(src, rest []byte) (format Format, fm []byte, fmLine int, body []byte, bodyLine int, unclosed bool) {
	line := 2
	for off := 0; off < len(rest); line++ {
		end := bytes.IndexByte(rest[off:], '\n')
		next := len(rest)
		cur := rest[off:]
		if end >= 0 {
			cur, next = rest[off:off+end], off+end+1
		}
		if string(bytes.TrimRight(cur, " \t")) == "}" {
			n := len(src) - len(rest) + off + len(cur)
			return JSON, src[:n], 1, rest[next:], line + 1, false
		}
		off = next
	}
	return JSON, nil, 1, nil, 0, true
}
