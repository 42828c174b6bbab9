package search_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"

	"bantin/internal/corpus"
	"bantin/internal/tooltest"
)

// questionSite is made for the rules of questions, run-together words and
// suggestions: each page answers one case, beside pages that hold more of
// a query's syllables but answer nothing.
func questionSite() fstest.MapFS {
	page := func(title, date, body string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("+++\ntitle = \"" + title + "\"\ndate = " + date + "\n+++\n" + body + "\n")}
	}
	filler := strings.Repeat("Người dân trong khu phố cùng họp bàn việc chung. ", 4)
	fsys := fstest.MapFS{
		"config.toml": {Data: []byte("title = \"T\"\nbaseURL = \"https://x.vn/\"\n")},
		// The answer lacks "là", "bao", "lâu", "gì"; the other page has
		// them all and one syllable of the question less.
		"content/bai-viet/thoi-han.md": page("Cai nghiện tự nguyện", "2026-01-01",
			filler+"Thời hạn cai nghiện ma túy tự nguyện tại cơ sở cai nghiện từ đủ 06 tháng đến 12 tháng."),
		"content/bai-viet/hoi-dap.md": page("Hỏi đáp", "2026-02-01",
			filler+"Bao lâu thì có kết quả? Là gì thì cũng phải hỏi. Cơ sở ma túy tự nguyện thời hạn."),
		// A keyword query whose words are all in one page's title, against
		// a longer page where "trong tại" and "thương mại" stand apart.
		"content/bai-viet/trong-tai.md": page("Trọng tài thương mại", "2025-01-01", filler+"Tranh chấp được giải quyết."),
		"content/bai-viet/trong-tai-khac.md": page("Tin tổng hợp", "2026-03-01",
			filler+strings.Repeat("Trong tại chợ, thương mại phát triển; trong năm, tại phường, hoạt động thương mại tăng. ", 3)),
		// Words run together.
		"content/bai-viet/dien-mat-troi.md": page("Lắp điện mặt trời mái nhà", "2025-02-01", filler+"Điện mặt trời giúp tiết kiệm."),
		"content/bai-viet/hoa-giai.md":      page("Tổ hòa giải ở cơ sở", "2025-03-01", filler+"Hòa giải viên giúp các bên."),
		// "chủng" is rarer than "chứng" on the site, and on the page.
		"content/bai-viet/tiem-chung.md": page("Lịch tiêm chủng mở rộng", "2025-04-01",
			filler+"Mang giấy chứng nhận, chứng minh thư, sổ tiêm chủng và chứng từ."),
		"content/bai-viet/chung-nhan.md": page("Chứng nhận", "2025-05-01", filler+strings.Repeat("Chứng nhận, chứng từ, chứng chỉ. ", 4)),
		"content/bai-viet/dan-van.md":    page("Dân vận khéo", "2025-06-01", filler+"Nhà văn hóa, văn nghệ, văn bản: dân vận khéo thì việc gì cũng xong."),
		// A number one digit away from the one typed.
		"content/bai-viet/cong-van.md": page("Công văn số 052", "2025-07-01", filler+"Công văn 052 của phường."),
	}
	return fsys
}

// TestQuestionRanking runs the cases of questionSite in a browser.
func TestQuestionRanking(t *testing.T) {
	base := serveBuild(t, questionSite())
	ctx := tooltest.Browser(t, 1000, 800)
	cases := []struct{ q, first, suggestion, why string }{
		{"thời hạn cai nghiện ma túy tự nguyện là bao lâu", "/bai-viet/thoi-han/", "",
			"the answer lacks the question's function words; the other page has them"},
		{"thoi han cai nghien ma tuy tu nguyen la bao lau", "/bai-viet/thoi-han/", "", "the same without marks"},
		{"trong tai thuong mai", "/bai-viet/trong-tai/", "", "keywords all in one page's title, as a pair each"},
		{"dienmattroi", "/bai-viet/dien-mat-troi/", "điện mặt trời", "three syllables run together are split"},
		{"hoàgiải", "/bai-viet/hoa-giai/", "hoà giải", "two syllables with marks run together"},
		{"tiem chunh", "/bai-viet/tiem-chung/", "tiêm chủng", "the syllable that forms a word with its neighbour"},
		{"dân vân khéo", "/bai-viet/dan-van/", "dân vận khéo", "the marks of the phrase on the page"},
	}
	for _, c := range cases {
		p := openSearch(t, ctx, base, encodeQuery("q="+c.q))
		if len(p.Hits) == 0 || !matches(p.Hits[0].Href, c.first) {
			t.Errorf("%s: %s; got %+v", c.q, c.why, p.Hits)
		}
		want := ""
		if c.suggestion != "" {
			want = "Có phải bạn muốn tìm: " + c.suggestion
		}
		if got := strings.TrimSpace(p.Suggestion); got != want {
			t.Errorf("%s: suggestion %q, want %q", c.q, got, want)
		}
	}
	// A word that names a property of every JavaScript object is a word.
	if p := openSearch(t, ctx, base, encodeQuery("q=constructor")); len(p.Hits) != 0 {
		t.Errorf("constructor: %+v", p.Hits)
	}
	// A number is never corrected to a fragment of itself.
	p := openSearch(t, ctx, base, encodeQuery("q=1052"))
	if len(p.Hits) != 0 || strings.Contains(p.Suggestion, "052") {
		t.Errorf("1052: got %+v, suggestion %q; want nothing", p.Hits, p.Suggestion)
	}
}

// A long query fetches at most 14 shards, leaving the manifest's common
// syllables out first, and still finds pages.
func TestLongQueryShardBudget(t *testing.T) {
	base := serveBuild(t, corpus.Generate(corpus.Options{Pages: 1500, Vocabulary: 6000}))
	var m struct {
		Common []string `json:"common"`
		Shards struct {
			Shared int `json:"shared"`
		} `json:"shards"`
	}
	getJSON(t, base+"/tim-kiem/du-lieu/manifest.json", &m)
	if len(m.Common) == 0 || m.Shards.Shared < 30 {
		t.Fatalf("the corpus should have common syllables and many shards: %d common, %d shared shards", len(m.Common), m.Shards.Shared)
	}
	vocab := strings.Split(getText(t, base+"/tim-kiem/du-lieu/tu-vung.txt"), "\n")
	// Five common syllables, then 35 rarer ones: 40 syllables.
	words := append(append([]string{}, m.Common[:5]...), vocab[len(m.Common)+50:len(m.Common)+85]...)
	ctx := tooltest.Browser(t, 1000, 800)
	p := openSearch(t, ctx, base, encodeQuery("q="+strings.Join(words, " ")))
	if len(p.Hits) == 0 {
		t.Errorf("no result for 40 syllables of the site")
	}
	shards, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('/du-lieu/s/'))`))
	if err != nil {
		t.Fatal(err)
	}
	if len(shards) > 14 {
		t.Errorf("a 40-syllable query fetched %d shards, want at most 14: %v", len(shards), shards)
	}
	need, err := chromedp.Run(ctx, chromedp.Evaluate[int](fmt.Sprintf(
		`new Set(%q.split(" ").map(w => window.bantinSearch.ix.shardNumber(w))).size`, strings.Join(words, " "))))
	if err != nil {
		t.Fatal(err)
	}
	if need <= 14 {
		t.Errorf("the query's syllables are in %d shards: too few to test the budget", need)
	}
}

func getText(t *testing.T, url string) string {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("%s: %v %s", url, err, res.Status)
	}
	return string(b)
}

func getJSON(t *testing.T, url string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(getText(t, url)), v); err != nil {
		t.Fatalf("%s: %v", url, err)
	}
}
