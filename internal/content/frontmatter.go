package content

import (
	"bytes"
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
	Articles    []string       `toml:"articles"`
	Print       Imprint        `toml:"print"`
	Params      map[string]any `toml:"params"`
}

// Imprint is what a printed publication must state about itself.
type Imprint struct {
	Publisher string    `toml:"publisher"` // "Ban Dân vận Thành ủy"
	Licence   string    `toml:"licence"`   // "Giấy phép số 12/GP-STTTT"
	Copies    int       `toml:"copies"`    // print run
	Size      string    `toml:"size"`      // "A4 gấp ba"
	Printer   string    `toml:"printer"`   // the printing house
	Date      time.Time `toml:"date"`      // date of printing
}

// Format names a front-matter syntax.
type Format string

const (
	TOML Format = "toml"
	YAML Format = "yaml"
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
