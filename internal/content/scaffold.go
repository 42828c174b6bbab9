package content

import (
	"crypto/rand"
	"fmt"
	"strings"
	"time"
)

// idAlphabet has no letters that read alike (0/o, 1/l/i) so that an id
// copied by hand from a printed sheet is right.
const idAlphabet = "23456789abcdefghjkmnpqrstuvwxyz"

// IDLength is the length of ids NewID makes: 31^6 ≈ 887 million ids.
const IDLength = 6

// NewID returns a random page id for the id front-matter key.
func NewID() (string, error) {
	buf := make([]byte, IDLength)
	if _, err := rand.Read(buf); err != nil {
		return "", fmt.Errorf("make id: %w", err)
	}
	var b strings.Builder
	for _, c := range buf {
		b.WriteByte(idAlphabet[int(c)%len(idAlphabet)])
	}
	return b.String(), nil
}

// scaffoldTitles are the placeholder titles of `bantin new`.
var scaffoldTitles = map[string]string{
	"article":  "Tiêu đề bài viết",
	"leaflet":  "Tên tờ gấp",
	"handbook": "Sổ tay hỏi – đáp về …",
	"bulletin": "Bản tin Dân vận số …",
	"":         "Tiêu đề",
}

// Page is what a new page starts with.
type Page struct {
	Kind  string // article, leaflet, handbook or bulletin; "" for a page of its folder's type
	ID    string
	Title string // "" gives the kind's placeholder title
	// SetType writes type = KIND, for a page outside its kind's section:
	// without it the page would take the type of the folder it is in.
	SetType bool
	Now     time.Time
	// Taxonomies are the plurals of the site's taxonomies, each written as
	// an empty list to fill in.
	Taxonomies []string
}

// Scaffold returns the starting text of a new page.
func Scaffold(p Page) string {
	kind := p.Kind
	title := p.Title
	if title == "" {
		title = scaffoldTitles[kind]
	}
	var b strings.Builder
	fmt.Fprintf(&b, "+++\nid = %q\ntitle = %q\ndate = %s\ndraft = true\n", p.ID, title, p.Now.Format(time.RFC3339))
	if p.SetType {
		fmt.Fprintf(&b, "type = %q\n", kind)
	}
	b.WriteString("description = \"\"\n")
	for _, plural := range p.Taxonomies {
		fmt.Fprintf(&b, "%s = []\n", plural)
	}
	if kind == "bulletin" {
		b.WriteString("articles = [\n  # \"bai-viet/ten-bai.md\",\n]\n")
	}
	if kind != "article" && kind != "" { // publications carry an imprint
		b.WriteString("\n[print]\npublisher = \"\"\nlicence = \"\"\ncopies = 0\nsize = \"\"\nprinter = \"\"\n")
	}
	b.WriteString("+++\n\n")
	switch kind {
	case "handbook":
		b.WriteString("Lời giới thiệu sổ tay.\n\n## Câu 1. Câu hỏi thứ nhất?\n\nTrả lời.\n")
	case "leaflet":
		b.WriteString("## Tên tờ gấp {.bia}\n\nLời mở đầu trên bìa.\n\n## Vạt trong {.vat}\n\nNội dung.\n\n" +
			"## Trang trong 1 {.trong-1}\n\nNội dung.\n\n## Trang trong 2 {.trong-2}\n\nNội dung.\n\n" +
			"## Trang trong 3 {.trong-3}\n\nNội dung.\n\n## Mặt sau {.sau}\n\nĐịa chỉ liên hệ.\n")
	case "bulletin":
		b.WriteString("Lời giới thiệu số bản tin.\n")
	default:
		b.WriteString("Đoạn mở đầu.\n\n<!--more-->\n\nNội dung bài viết.\n")
	}
	return b.String()
}
