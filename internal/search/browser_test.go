package search_test

import (
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"bantin/internal/build"
	"bantin/internal/output"
	"bantin/internal/search"
	"bantin/internal/tooltest"
)

var fixedNow = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

// sampleSite builds the repository's sample site and serves it from memory.
func sampleSite(t *testing.T) string {
	t.Helper()
	return serveBuild(t, os.DirFS(filepath.Join("..", "..")))
}

// serveBuild builds the site in fsys and serves it from memory for the
// test's lifetime; it returns the base URL.
func serveBuild(t *testing.T, fsys fs.FS) string {
	t.Helper()
	res := build.Build(fsys, build.Options{Now: fixedNow})
	if res.Diags.HasErrors() {
		t.Fatal(res.Diags)
	}
	srv := httptest.NewServer(http.FileServerFS(output.NewMemFS(res.Files)))
	t.Cleanup(srv.Close)
	return srv.URL
}

// hit is one result as the page shows it.
type hit struct {
	Href    string `json:"href"`
	Title   string `json:"title"`
	Snippet string `json:"snippet"`
}

// searchPage is what the search page shows for one query.
type searchPage struct {
	Hits       []hit  `json:"hits"`
	Status     string `json:"status"`
	Suggestion string `json:"suggestion"`
	Types      string `json:"types"`
}

// openSearch opens /tim-kiem/?query and waits until the results for it are
// shown.
func openSearch(t *testing.T, ctx context.Context, base, query string) searchPage {
	t.Helper()
	q, _ := url.ParseQuery(query)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/tim-kiem/?"+query)); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("document.getElementById('search-results').getAttribute('data-query') === %q", q.Get("q"))
	if err := tooltest.WaitTrue(ctx, want, 10*time.Second); err != nil {
		t.Fatalf("%s: results never shown: %v", query, err)
	}
	page, err := chromedp.Run(ctx, chromedp.Evaluate[searchPage](`({
		hits: [...document.querySelectorAll('#search-results a')].map(a => ({
			href: a.getAttribute('href'), title: a.textContent,
			snippet: a.closest('li').querySelector('.search-result-snippet')?.innerHTML || ''})),
		status: document.querySelector('.search-status').textContent,
		suggestion: document.querySelector('.search-suggestion').textContent,
		types: [...document.querySelectorAll('select[name=loai] option')].map(o => o.textContent).join('|'),
	})`))
	if err != nil {
		t.Fatal(err)
	}
	return page
}

// judged is one query of the judged set: the page (and anchor, when
// given) that must come within the first top results.
type judged struct {
	query string // the URL's query string without "q=" encoding: "q=dan van kheo&loai=1"
	want  string // the expected result's link; its page alone when it has no anchor
	top   int
	only  string // with a filter: every result's link starts with it
}

// judgedQueries were written by reading the sample site: with and without
// marks, one wrong letter or tone, phrases, questions of the handbook and
// filters.
var judgedQueries = []judged{
	{"q=dan van kheo", "/bai-viet/dan-van-kheo/", 1, ""},
	{"q=Dân vận khéo", "/bai-viet/dan-van-kheo/", 1, ""},
	{"q=DAN VAN KHEO", "/bai-viet/dan-van-kheo/", 1, ""},
	{"q=dat dai", "/bai-viet/hoa-giai-tranh-chap-dat-dai/", 1, ""},
	{"q=Luật Đất đai", "/bai-viet/hoa-giai-tranh-chap-dat-dai/", 1, ""},
	{"q=tranh chap dat dai", "/bai-viet/hoa-giai-tranh-chap-dat-dai/", 1, ""},
	{"q=hoà giải", "/bai-viet/hoa-giai-tranh-chap-dat-dai/", 1, ""},
	{"q=hoa giai", "/bai-viet/hoa-giai-tranh-chap-dat-dai/", 1, ""},
	{"q=hop dong lao dong", "/bai-viet/hop-dong-lao-dong-dieu-can-biet/", 1, ""},
	{"q=bảo hiểm xã hội tự nguyện", "/bai-viet/bao-hiem-xa-hoi-lao-dong-tu-do/", 1, ""},
	{"q=bao hiem xa hoi tu nguyen", "/bai-viet/bao-hiem-xa-hoi-lao-dong-tu-do/", 1, ""},
	{"q=tin nguong ton giao", "/bai-viet/luat-tin-nguong-ton-giao/", 1, ""},
	{"q=doi thoai cong nhan", "/bai-viet/hoi-nghi-doi-thoai-cong-nhan/", 1, ""},
	{"q=cong khai ngan sach", "/bai-viet/cong-khai-ngan-sach-phuong/", 1, ""},
	{"q=le hoi an toan", "/bai-viet/le-hoi-an-toan-mua-le/", 1, ""},
	{"q=du lieu mo", "/bai-viet/tra-cuu-cong-khai-thong-tin/", 1, ""},
	{"q=quy chế dân chủ", "/bai-viet/quy-che-dan-chu-o-co-so/", 3, ""},
	{"q=thuc hien dan chu o co so", "/bai-viet/quy-che-dan-chu-o-co-so/", 3, ""},
	{"q=ban thanh tra nhan dan", "/so-tay/hoi-dap-dan-chu-o-co-so/#cau-13", 1, ""},
	{"q=huong uoc quy uoc", "/so-tay/hoi-dap-dan-chu-o-co-so/#cau-16", 1, ""},
	{"q=niêm yết công khai", "/so-tay/hoi-dap-dan-chu-o-co-so/#cau-6", 1, ""},
	{"q=cuoc hop to dan pho hop le", "/so-tay/hoi-dap-dan-chu-o-co-so/#cau-9", 1, ""},
	{"q=quyen nghi ngoi", "/to-gap/quyen-cua-nguoi-lao-dong/#quyen-nghi-ngoi", 1, ""},
	{"q=tra luong dung du", "/to-gap/quyen-cua-nguoi-lao-dong/", 3, ""},
	{"q=6 quyen co ban", "/to-gap/quyen-cua-nguoi-lao-dong/", 1, ""},
	{"q=ban tin so 12", "/ban-tin/so-12-thang-11-2026/", 1, ""},
	{"q=gioi thieu ban tin", "/gioi-thieu/", 1, ""},
	// One wrong letter or tone.
	{"q=dan vam kheo", "/bai-viet/dan-van-kheo/", 1, ""},
	{"q=hop dong lao donh", "/bai-viet/hop-dong-lao-dong-dieu-can-biet/", 1, ""},
	{"q=tín ngương tôn giáo", "/bai-viet/luat-tin-nguong-ton-giao/", 1, ""},
	{"q=dân vấn khéo", "/bai-viet/dan-van-kheo/", 1, ""},
	{"q=hoa giai tranh chaap", "/bai-viet/hoa-giai-tranh-chap-dat-dai/", 1, ""},
	// Filters: type (index into the manifest's types) and topic.
	{"q=lao dong&loai=2", "/to-gap/quyen-cua-nguoi-lao-dong/", 1, "/to-gap/"},
	{"q=dan chu&loai=3", "/so-tay/hoi-dap-dan-chu-o-co-so/", 1, "/so-tay/"},
	{"q=quyen loi&chu-de=1", "/to-gap/quyen-cua-nguoi-lao-dong/", 3, ""},
	{"q=khu pho&sap-xep=ngay", "/ban-tin/so-12-thang-11-2026/", 1, ""},
}

// TestJudgedQueries runs the judged queries on the sample site as it is
// built, and again with its shards' forms moved to two shared forms files,
// as on a large site.
func TestJudgedQueries(t *testing.T) {
	t.Run("as built", func(t *testing.T) { checkJudged(t, sampleSite(t)) })
	t.Run("forms apart", func(t *testing.T) {
		search.SqueezeForms(t, 2)
		checkJudged(t, sampleSite(t))
	})
}

func checkJudged(t *testing.T, base string) {
	ctx := tooltest.Browser(t, 1000, 800)
	for _, j := range judgedQueries {
		p := openSearch(t, ctx, base, encodeQuery(j.query))
		rank := -1
		for i, h := range p.Hits {
			if matches(h.Href, j.want) {
				rank = i
				break
			}
		}
		for _, h := range p.Hits {
			if !strings.HasPrefix(h.Href, j.only) {
				t.Errorf("%s: the filter let %s through", j.query, h.Href)
			}
		}
		if rank < 0 || rank >= j.top {
			var got []string
			for _, h := range p.Hits {
				got = append(got, h.Href)
			}
			t.Errorf("%s: want %s in the first %d, got %v (%s)", j.query, j.want, j.top, got, p.Status)
		}
	}
}

// matches compares a result's link with the judged one: exactly when the
// judged link has an anchor, else by page.
func matches(href, want string) bool {
	if strings.Contains(want, "#") {
		return href == want
	}
	page, _, _ := strings.Cut(href, "#")
	return page == want
}

// encodeQuery URL-encodes "k=v&k=v" written plainly.
func encodeQuery(plain string) string {
	v := url.Values{}
	for _, kv := range strings.Split(plain, "&") {
		k, val, _ := strings.Cut(kv, "=")
		v.Set(k, val)
	}
	return v.Encode()
}

// TestRankingRules checks each ranking rule on a site made for it.
func TestRankingRules(t *testing.T) {
	page := func(title, date, body string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("+++\ntitle = \"" + title + "\"\ndate = " + date + "\n+++\n" + body + "\n")}
	}
	filler := strings.Repeat("Người dân trong khu phố cùng họp bàn việc chung. ", 6)
	fsys := fstest.MapFS{
		"config.toml": {Data: []byte("title = \"T\"\nbaseURL = \"https://x.vn/\"\n")},
		// The exact phrase, once.
		"content/bai-viet/cum-tu.md": page("Bài một", "2026-01-01", filler+"Phường ban hành quy chế dân chủ mới."),
		// The four syllables apart, more often, in a newer page.
		"content/bai-viet/roi-rac.md": page("Bài hai", "2026-02-01", filler+"Quy định về chế độ cho dân; chủ nhà và quy trình. Quy định về chế độ cho dân; chủ nhà."),
		// vận and văn.
		"content/bai-viet/van-hoa.md": page("Nhà văn hóa", "2026-03-01", filler+"Dân văn nghệ ở nhà văn hóa."),
		"content/bai-viet/dan-van.md": page("Công tác", "2026-01-15", filler+"Dân vận ở khu dân cư."),
		// Title above body; and two equal pages, the newer first.
		"content/bai-viet/tieu-de.md":  page("Hòa giải ở cơ sở", "2025-01-01", filler),
		"content/bai-viet/than-bai.md": page("Tin ngắn", "2025-06-01", filler+"Hòa giải ở cơ sở."),
		"content/bai-viet/cu.md":       page("Lễ hội", "2024-01-01", filler+"Mùa lễ hội an toàn."),
		"content/bai-viet/moi.md":      page("Lễ hội", "2024-06-01", filler+"Mùa lễ hội an toàn."),
		// Seven forms of "ma": the seventh, the rarest, is listed apart
		// from the masks of the six most used.
		"content/bai-viet/sau-dang.md":  page("Ma má mà", "2026-04-01", filler+strings.Repeat("Ma má mà mả mã mạ. ", 3)),
		"content/bai-viet/dang-hiem.md": page("Tin vắn", "2023-01-01", filler+"Cây mạ, mầm mậ."),
	}
	cases := []struct{ q, first, why string }{
		{"quy che dan chu", "/bai-viet/cum-tu/", "the exact phrase ranks above the syllables apart"},
		{"quy chế dân chủ", "/bai-viet/cum-tu/", "the exact phrase, typed with marks"},
		{"dân vận", "/bai-viet/dan-van/", "vận ranks above văn when the query has marks"},
		{"dân văn", "/bai-viet/van-hoa/", "and văn above vận"},
		{"hoa giai", "/bai-viet/tieu-de/", "the title weighs more than the body"},
		{"le hoi an toan", "/bai-viet/moi/", "recency breaks ties"},
		{"mậ", "/bai-viet/dang-hiem/", "a rare form typed with marks finds its page first"},
	}
	check := func(t *testing.T) {
		base := serveBuild(t, fsys)
		ctx := tooltest.Browser(t, 1000, 800)
		for _, c := range cases {
			p := openSearch(t, ctx, base, encodeQuery("q="+c.q))
			if len(p.Hits) == 0 || !matches(p.Hits[0].Href, c.first) {
				t.Errorf("%s: %s; got %+v", c.q, c.why, p.Hits)
			}
		}
	}
	t.Run("as built", check)
	t.Run("forms apart", func(t *testing.T) {
		search.SqueezeForms(t, 2)
		check(t)
	})
}

// TestSuggestionAndSnippets checks the "Có phải bạn muốn tìm" line and the
// highlighted, bounded snippets on the sample site.
func TestSuggestionAndSnippets(t *testing.T) {
	base := sampleSite(t)
	ctx := tooltest.Browser(t, 1000, 800)
	for q, want := range map[string]string{
		"dan vam kheo": "Có phải bạn muốn tìm: dân vận khéo",
		"dân vấn khéo": "Có phải bạn muốn tìm: dân vận khéo",
		"dan van kheo": "",
	} {
		p := openSearch(t, ctx, base, encodeQuery("q="+q))
		if strings.TrimSpace(p.Suggestion) != want {
			t.Errorf("%s: suggestion %q, want %q", q, p.Suggestion, want)
		}
	}
	p := openSearch(t, ctx, base, encodeQuery("q=dat dai"))
	for _, h := range p.Hits {
		text := regexp.MustCompile(`<[^>]+>`).ReplaceAllString(h.Snippet, "")
		if n := len([]rune(strings.Trim(text, "… "))); n > 165 {
			t.Errorf("snippet of %s has %d characters: %s", h.Href, n, text)
		}
		if !strings.Contains(h.Snippet, "<mark>đất</mark>") && !strings.Contains(h.Snippet, "<mark>Đất</mark>") {
			t.Errorf("snippet of %s does not highlight đất: %s", h.Href, h.Snippet)
		}
	}
}

// TestTypingAndKeyboard types a query into the search page as a reader
// does: results come without pressing Enter, the URL keeps the query, and
// the arrow keys walk the results.
func TestTypingAndKeyboard(t *testing.T) {
	base := sampleSite(t)
	ctx := tooltest.Browser(t, 1000, 800)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/tim-kiem/"), chromedp.SendKeys(chromedp.CSS("#search-q"), "dat dai")); err != nil {
		t.Fatal(err)
	}
	if err := tooltest.WaitTrue(ctx, `document.getElementById('search-results').getAttribute('data-query') === 'dat dai'`, 10*time.Second); err != nil {
		t.Fatalf("no results as you type: %v", err)
	}
	loc, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.search`))
	if err != nil || loc != "?q=dat+dai" {
		t.Errorf("URL query %q (%v), want ?q=dat+dai", loc, err)
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS("#search-q"), kb.ArrowDown)); err != nil {
		t.Fatal(err)
	}
	focused, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.activeElement === document.querySelector('#search-results a')`))
	if err != nil || !focused {
		t.Errorf("ArrowDown in the box does not focus the first result (%v)", err)
	}
	labelled, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!document.querySelector('label[for=search-q]') && document.querySelector('.search-status').getAttribute('aria-live') === 'polite' && !!document.querySelector('#search-results[aria-label]')`))
	if err != nil || !labelled {
		t.Errorf("screen-reader labels missing (%v)", err)
	}
	// The search page is the one search landmark of its page; every other
	// page has the box in its header.
	landmarks, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('[role=search], search').length`))
	if err != nil || landmarks != 1 {
		t.Errorf("the search page has %d search landmarks (%v), want 1", landmarks, err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/")); err != nil {
		t.Fatal(err)
	}
	header, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!document.querySelector('header form.search-box[action$="/tim-kiem/"] input[name=q]')`))
	if err != nil || !header {
		t.Errorf("no search box in the header (%v)", err)
	}
}
