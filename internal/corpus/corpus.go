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

// sectionOf spreads pages as a bulletin's site has them: out of every 50,
// 47 articles, one leaflet, one handbook, one bulletin issue.
func sectionOf(i int) string {
	switch i % 50 {
	case 7:
		return "to-gap"
	case 23:
		return "so-tay"
	case 41:
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
}

// Generate returns the files of a site with opts.Pages pages.
func Generate(opts Options) fstest.MapFS {
	if opts.Tags <= 0 {
		opts.Tags = 300
	}
	r := rand.New(rand.NewPCG(opts.Seed, 42))
	g := &gen{r: r, pick: uniform(r)}
	if opts.Vocabulary > 0 {
		g.pick = zipf(r, opts.Vocabulary)
	}
	fsys := fstest.MapFS{
		"config.toml": {Data: []byte("title = \"Bản tin Dân vận\"\nbaseURL = \"https://danvan.example.vn/\"\n[pagination]\npagerSize = 20\n")},
	}
	tags := make([]string, opts.Tags)
	for i := range tags {
		tags[i] = g.sentence(2) + fmt.Sprintf(" %d", i)
	}
	paths := make([]string, opts.Pages)
	for i := range paths {
		paths[i] = fmt.Sprintf("%s/trang-%05d.md", sectionOf(i), i)
	}
	start := time.Date(2020, 1, 1, 8, 0, 0, 0, time.UTC)
	for i, p := range paths {
		fsys["content/"+p] = &fstest.MapFile{Data: []byte(g.page(i, p, paths, tags, start))}
	}
	return fsys
}

// gen is one corpus being generated: its random source and how it picks
// words.
type gen struct {
	r    *rand.Rand
	pick func() string
}

func uniform(r *rand.Rand) func() string {
	return func() string { return words[r.IntN(len(words))] }
}

func (g *gen) sentence(n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = g.pick()
	}
	return strings.Join(ws, " ")
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

func (g *gen) page(i int, self string, paths, tags []string, start time.Time) string {
	r := g.r
	var b strings.Builder
	date := start.Add(time.Duration(i) * 3 * time.Hour)
	fmt.Fprintf(&b, "+++\nid = \"c%05d\"\ntitle = %q\ndate = %s\n", i, g.sentence(6+r.IntN(5)), date.Format("2006-01-02T15:04:05"))
	fmt.Fprintf(&b, "topics = [%q]\ntags = [%q, %q, %q]\nauthors = [%q]\n+++\n", topics[i%3],
		tags[r.IntN(len(tags))], tags[r.IntN(len(tags))], tags[r.IntN(len(tags))], "Tác giả "+fmt.Sprint(i%40))
	b.WriteString(g.paragraph() + "\n\n<!--more-->\n\n")
	sectionCount := 3
	if strings.HasPrefix(self, "to-gap/") {
		sectionCount = 6 // a leaflet has six panels
	}
	for s := 0; s < sectionCount; s++ {
		fmt.Fprintf(&b, "## %s\n\n%s\n\n", g.sentence(4), g.paragraph())
		if r.IntN(3) == 0 {
			fmt.Fprintf(&b, "- %s\n- %s\n- %s\n\n", g.sentence(5), g.sentence(6), g.sentence(4))
		}
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
