package pdf

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"bantin/internal/tooltest"
)

func TestBookletOrder(t *testing.T) {
	cases := map[int][][2]int{
		4: {{4, 1}, {2, 3}},
		6: {{0, 1}, {2, 0}, {6, 3}, {4, 5}},
		8: {{8, 1}, {2, 7}, {6, 3}, {4, 5}},
	}
	for n, want := range cases {
		if got := BookletOrder(n); !reflect.DeepEqual(got, want) {
			t.Errorf("BookletOrder(%d) = %v, want %v", n, got, want)
		}
	}
	for n := 1; n <= 64; n++ {
		if got := fold(BookletOrder(n)); !readsInOrder(got, n) {
			t.Errorf("%d pages folded read %v", n, got)
		}
	}
}

// fold models the printed sheets, stacked with sheet 1 outermost, folded
// and stapled, and returns the pages in the order a reader meets them.
// sides alternate front and back of each sheet, as a duplex printer prints
// them; turned about the short edge, the back's left half lies behind the
// front's right half.
func fold(sides [][2]int) []int {
	var first, second []int
	for s := 0; s+1 < len(sides); s += 2 {
		front, back := sides[s], sides[s+1]
		first = append(first, front[1], back[0]) // right half of the front, then its reverse
		second = append([]int{back[1], front[0]}, second...)
	}
	return append(first, second...)
}

// readsInOrder reports whether pages read 1 … n, then only blanks.
func readsInOrder(pages []int, n int) bool {
	for i, p := range pages {
		if (i < n && p != i+1) || (i >= n && p != 0) {
			return false
		}
	}
	return len(pages)%4 == 0 && len(pages) >= n
}

// A booklet printed, folded and stapled reads 1, 2, 3 … with every page
// upright and its number in the outer bottom corner. Reading copies of
// 4, 7, 8, 12 and 28 A5 pages, each numbered "Trang N" by CSS in its
// outer corner, are imposed; pdftotext -bbox finds on each half of each
// sheet side the page number, where it stands and which way its text runs.
func TestBookletFolds(t *testing.T) {
	chrome := tooltest.Chromium(t)
	tooltest.Require(t, "pdftotext", "poppler-utils")
	printer, err := New(chrome)
	if err != nil {
		t.Fatal(err)
	}
	defer printer.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/"))
		fmt.Fprint(w, numberedPages(n))
	}))
	defer srv.Close()
	for _, n := range []int{4, 7, 8, 12, 28} {
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			reading, err := printer.Print(Job{URL: srv.URL + "/" + strconv.Itoa(n)})
			if err != nil {
				t.Fatal(err)
			}
			booklet, err := Booklet(reading.PDF)
			if err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(t.TempDir(), "booklet.pdf")
			os.WriteFile(file, booklet, 0o644)
			sides := readSides(t, file)
			if want := (n + 3) / 4 * 2; len(sides) != want {
				t.Fatalf("%d sheet sides, want %d", len(sides), want)
			}
			if got := fold(sides); !readsInOrder(got, n) {
				t.Errorf("folded, the booklet reads %v", got)
			}
		})
	}
}

// numberedPages is an HTML reading copy of n A5 pages, numbered in the
// outer bottom corner as the handbook's print edition is.
func numberedPages(n int) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><style>
@page { size: A5; margin: 15mm; }
@page :left { @bottom-left { content: "Trang " counter(page); font: 10pt sans-serif; } }
@page :right { @bottom-right { content: "Trang " counter(page); font: 10pt sans-serif; } }
section { break-after: page; font: 12pt sans-serif; }
</style></head><body>`)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "<section><h1>Phần %d</h1><p>Nội dung của trang này đọc từ trái sang phải.</p></section>", i)
	}
	b.WriteString("</body></html>")
	return b.String()
}

var (
	bboxPage = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	bboxWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
)

type word struct {
	x0, y0, x1, y1 float64
	text           string
}

// readSides returns, for each sheet side of the booklet, the page number
// on its left and right halves (0 for a blank half). It fails the test
// when a number is not upright at the bottom of its half, in the outer
// corner of the spread it belongs to.
func readSides(t *testing.T, file string) [][2]int {
	t.Helper()
	return readSidesOf(t, file, true)
}

// readSidesLoose is readSides for real publications, whose cover has no
// page number: a half with text and no number is -1.
func readSidesLoose(t *testing.T, file string) [][2]int {
	t.Helper()
	return readSidesOf(t, file, false)
}

// readsInOrderFrom is readsInOrder for a booklet whose pages before from
// carry no number (-1).
func readsInOrderFrom(pages []int, n, from int) bool {
	fixed := append([]int(nil), pages...)
	for i := 0; i < from-1 && i < len(fixed); i++ {
		if fixed[i] != -1 {
			return false
		}
		fixed[i] = i + 1
	}
	return readsInOrder(fixed, n)
}

func readSidesOf(t *testing.T, file string, strict bool) [][2]int {
	t.Helper()
	out := run(t, "pdftotext", "-bbox", file, "-")
	var sides [][2]int
	for i, page := range strings.Split(out, "</page>") {
		m := bboxPage.FindStringSubmatch(page)
		if m == nil {
			continue
		}
		width, _ := strconv.ParseFloat(m[1], 64)
		height, _ := strconv.ParseFloat(m[2], 64)
		var words []word
		for _, w := range bboxWord.FindAllStringSubmatch(page, -1) {
			f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
			words = append(words, word{f(w[1]), f(w[2]), f(w[3]), f(w[4]), w[5]})
		}
		var side [2]int
		for h := range side {
			side[h] = pageOnHalf(t, i+1, h, words, width/2, height, strict)
		}
		sides = append(sides, side)
	}
	return sides
}

func pageOnHalf(t *testing.T, side, half int, words []word, halfWidth, height float64, strict bool) int {
	t.Helper()
	x0 := float64(half) * halfWidth
	var mine []word
	for _, w := range words {
		if w.x0 >= x0 && w.x1 <= x0+halfWidth {
			mine = append(mine, w)
		}
	}
	if len(mine) == 0 {
		return 0
	}
	for i, w := range mine {
		if w.text != "Trang" || i+1 == len(mine) {
			continue
		}
		num := mine[i+1]
		p, err := strconv.Atoi(num.text)
		if err != nil {
			continue
		}
		switch {
		case w.y0 < 0.85*height:
			t.Errorf("side %d, half %d: page %d's number is not at the bottom (y %.0f of %.0f): the page is not upright", side, half, p, w.y0, height)
		case num.x0 < w.x1:
			t.Errorf("side %d, half %d: page %d's number runs right to left: the page is turned", side, half, p)
		case p%2 == 0 && w.x0-x0 > halfWidth/2, p%2 == 1 && num.x1-x0 < halfWidth/2:
			t.Errorf("side %d, half %d: page %d's number is not in its outer corner", side, half, p)
		}
		return p
	}
	if strict {
		t.Errorf("side %d, half %d: text without a page number: %v", side, half, mine)
	}
	return -1
}
