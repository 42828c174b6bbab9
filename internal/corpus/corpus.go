package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing/fstest"
	"time"
	"unicode"
)

// words is a pool of common Vietnamese words and syllables, marks and all.
var words = strings.Fields(`và của là có được những trong cho người các với một không này đã
dân vận khéo cơ sở chính quyền nhân dân công khai minh bạch ngân sách phường xã khu phố tổ dân phố
lao động hợp đồng tiền lương bảo hiểm xã hội công đoàn doanh nghiệp đối thoại thương lượng
tín ngưỡng tôn giáo lễ hội chức sắc tín đồ đoàn kết đời sống văn hóa đất đai hòa giải tranh chấp
quyền nghĩa vụ pháp luật quy định thực hiện giám sát kiểm tra kiến nghị ý kiến họp bàn quyết định
thành phố quận huyện Mặt trận Tổ quốc Ban Dân vận cán bộ đảng viên hội viên phụ nữ thanh niên
an toàn tiết kiệm môi trường giao thông trường học bệnh viện nhà văn hóa đường hẻm thoát nước
năm tháng ngày tuần sáng chiều mới cũ lớn nhỏ nhiều ít tốt đẹp thiết thực hiệu quả bền vững`)

var topics = []string{"Dân chủ ở cơ sở", "Pháp luật lao động", "Tín ngưỡng, tôn giáo"}

// sectionOf spreads pages as a bulletin's site has them: out of every
// cycle pages, one leaflet, one handbook, one bulletin issue and the rest
// articles (at 50, the default, pages 7, 23 and 41 of each 50).
func sectionOf(i, cycle int) string {
	switch i % cycle {
	case 7 * cycle / 50:
		return "to-gap"
	case 23 * cycle / 50:
		return "so-tay"
	case 41 * cycle / 50:
		return "ban-tin"
	}
	return "bai-viet"
}

// Options shapes a corpus.
type Options struct {
	Pages int
	Tags  int // distinct tags; default 300
	Seed  uint64
	// Vocabulary, when not zero, draws words from that many syllables
	// with Zipf's law, as real text has them: the common words above
	// first ("và", "của" in nearly every page), then made-up but
	// well-formed syllables, most of them rare. Zero keeps the small
	// uniform pool (every word in most pages), which the build
	// benchmarks use.
	Vocabulary int
	// Cycle spreads the kinds: of every Cycle pages (default 50), one is
	// a leaflet, one a handbook, one a bulletin issue, the rest articles
	// (94 % at 50, 85 % at 20). At least 3.
	Cycle int
	// MinWords and MaxWords, when MaxWords is set, give every page but
	// leaflets (six panels always) a length drawn between them (more
	// sections of text until the page has that many words, a word being
	// what strings.Fields splits: a syllable). Zero keeps
	// the default shape: an
	// introduction and three sections (six in a leaflet), about 250
	// words.
	MinWords, MaxWords int
}

// Bench is the corpus of cmd/sitebench: pages pages in Hugo's content
// layout, 85 % articles, 300–1,500 words each (counted as word counters
// count Vietnamese: syllables; the last section may pass the length by
// up to a hundred or two) from a 20,000-word Zipf vocabulary, 300 tags.
func Bench(pages int) Options {
	return Options{Pages: pages, Tags: 300, Vocabulary: 20000, Cycle: 20, MinWords: 300, MaxWords: 1500}
}

// Config is the config.toml of every generated site.
const Config = "title = \"Bản tin Dân vận\"\nbaseURL = \"https://danvan.example.vn/\"\n[pagination]\npagerSize = 20\n"

// Generate returns the files of a site with opts.Pages pages.
func Generate(opts Options) fstest.MapFS {
	fsys := fstest.MapFS{}
	Each(opts, func(name string, data []byte) error {
		fsys[name] = &fstest.MapFile{Data: data}
		return nil
	})
	return fsys
}

// Each makes the files of Generate one by one, in a fixed order, and hands
// each to put without keeping it: a 100,000-page site is written to disk
// without being held in memory. It stops at put's first error.
func Each(opts Options, put func(name string, data []byte) error) error {
	if opts.Tags <= 0 {
		opts.Tags = 300
	}
	if opts.Cycle < 3 {
		opts.Cycle = 50
	}
	r := rand.New(rand.NewPCG(opts.Seed, 42))
	g := &gen{r: r, pick: uniform(r)}
	if opts.Vocabulary > 0 {
		g.pick = zipf(r, opts.Vocabulary)
	}
	if err := put("config.toml", []byte(Config)); err != nil {
		return err
	}
	tags := make([]string, opts.Tags)
	for i := range tags {
		tags[i] = g.sentence(2) + fmt.Sprintf(" %d", i)
	}
	paths := make([]string, opts.Pages)
	for i := range paths {
		paths[i] = fmt.Sprintf("%s/trang-%05d.md", sectionOf(i, opts.Cycle), i)
	}
	for i, p := range paths {
		if err := put("content/"+p, []byte(g.page(i, p, paths, tags, dateOf(i, opts.Pages), g.length(opts)))); err != nil {
			return err
		}
	}
	return nil
}

// Pages are dated from 2020-01-01 08:00 UTC, three hours apart, or
// closer when that would pass 2026-01-01: no page of any size is in the
// future (a build leaves those out), and up to 17,520 pages the dates are
// what they always were.
var (
	firstDate = time.Date(2020, 1, 1, 8, 0, 0, 0, time.UTC)
	lastDate  = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
)

func dateOf(i, pages int) time.Time {
	step := 3 * time.Hour
	if span := lastDate.Sub(firstDate); time.Duration(pages)*step > span {
		step = span / time.Duration(pages)
	}
	return firstDate.Add(time.Duration(i) * step)
}

// gen is one corpus being generated: its random source, how it picks
// words and how many it has picked.
type gen struct {
	r     *rand.Rand
	pick  func() string
	count int
}

func uniform(r *rand.Rand) func() string {
	return func() string { return words[r.IntN(len(words))] }
}

// length is the number of words the next page should reach; 0 for the
// default shape.
func (g *gen) length(opts Options) int {
	if opts.MaxWords <= 0 {
		return 0
	}
	return opts.MinWords + g.r.IntN(opts.MaxWords-opts.MinWords+1)
}

func (g *gen) sentence(n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = g.pick()
	}
	out := strings.Join(ws, " ")
	g.count += strings.Count(out, " ") + 1 // words as a word counter sees them: syllables
	return out
}

func (g *gen) paragraph() string {
	r := g.r
	var b strings.Builder
	for s := 0; s < 3+r.IntN(4); s++ {
		text := []rune(g.sentence(8 + r.IntN(12)))
		text[0] = unicode.ToUpper(text[0])
		b.WriteString(string(text) + ". ")
	}
	return strings.TrimSpace(b.String())
}

// page writes page i; with a length, it adds sections until the page has
// that many words (but to a leaflet, which has six panels).
func (g *gen) page(i int, self string, paths, tags []string, date time.Time, length int) string {
	r := g.r
	var b strings.Builder
	fmt.Fprintf(&b, "+++\nid = \"c%05d\"\ntitle = %q\ndate = %s\n", i, g.sentence(6+r.IntN(5)), date.Format("2006-01-02T15:04:05"))
	fmt.Fprintf(&b, "topics = [%q]\ntags = [%q, %q, %q]\nauthors = [%q]\n+++\n", topics[i%3],
		tags[r.IntN(len(tags))], tags[r.IntN(len(tags))], tags[r.IntN(len(tags))], "Tác giả "+fmt.Sprint(i%40))
	g.count = 0
	b.WriteString(g.paragraph() + "\n\n<!--more-->\n\n")
	sectionCount := 3
	if strings.HasPrefix(self, "to-gap/") {
		sectionCount, length = 6, 0 // a leaflet has six panels, whatever its length
	}
	for s := 0; s < sectionCount || g.count < length; s++ {
		g.section(&b)
	}
	if i > 0 {
		fmt.Fprintf(&b, "Xem thêm [%s](%s).\n\n", g.sentence(3), relLink(self, paths[r.IntN(i)]))
	}
	if i%10 == 0 {
		b.WriteString("| Nội dung | Số lượng |\n|---|---:|\n| " + g.sentence(3) + " | 12 |\n| " + g.sentence(2) + " | 7 |\n\n")
	}
	if i%25 == 0 {
		b.WriteString("```go\nfunc main() {\n\tfmt.Println(\"xin chào\")\n}\n```\n")
	}
	return b.String()
}

// section writes a level-2 heading, a paragraph and, one time in three, a
// list.
func (g *gen) section(b *strings.Builder) {
	fmt.Fprintf(b, "## %s\n\n%s\n\n", g.sentence(4), g.paragraph())
	if g.r.IntN(3) == 0 {
		fmt.Fprintf(b, "- %s\n- %s\n- %s\n\n", g.sentence(5), g.sentence(6), g.sentence(4))
	}
}

// relLink returns the relative link from content file from to content
// file to (both "section/name.md").
func relLink(from, to string) string {
	fromDir := strings.Split(from, "/")[0]
	toDir, toName, _ := strings.Cut(to, "/")
	if fromDir == toDir {
		return toName
	}
	return "../" + toDir + "/" + toName
}
