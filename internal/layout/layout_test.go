package layout

import (
	"strings"
	"testing"
	"testing/fstest"

	"bantin/internal/config"
	"bantin/internal/diag"
	"bantin/internal/qr"
	"bantin/internal/site"
)

func load(t *testing.T, files map[string]string, lang string) (*Templates, *site.Site) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, body := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	var dl diag.List
	cfg := config.Load(fstest.MapFS{"config.toml": {Data: []byte("baseURL = \"https://x.vn/\"\nlanguageCode = \"" + lang + "\"")}}, "", &dl)
	tm := Load(fsys, cfg, qr.NewCache(), &dl)
	if err := dl.Err(); err != nil {
		t.Fatal(err)
	}
	return tm, &site.Site{Config: cfg, Title: "T"}
}

func TestLookupOrder(t *testing.T) {
	tm, _ := load(t, map[string]string{
		"layouts/article/single.html":  "article",
		"layouts/bai-viet/single.html": "section",
		"layouts/article/special.html": "layout",
		"layouts/to-gap/list.html":     "leaflet list",
	}, "vi")
	cases := []struct {
		page *site.Page
		want string
	}{
		{&site.Page{Kind: site.KindPage, Type: "article", Section: "bai-viet"}, "article/single.html"},
		{&site.Page{Kind: site.KindPage, Type: "x", Section: "bai-viet"}, "bai-viet/single.html"},
		{&site.Page{Kind: site.KindPage, Type: "x", Section: "y"}, "_default/single.html"},
		{&site.Page{Kind: site.KindPage, Type: "article", Layout: "special"}, "article/special.html"},
		{&site.Page{Kind: site.KindPage, Type: "x", Layout: "missing"}, "_default/single.html"},
		{&site.Page{Kind: site.KindSection, Type: "leaflet", Section: "to-gap"}, "to-gap/list.html"},
		{&site.Page{Kind: site.KindSection, Type: "x", Section: "z"}, "_default/list.html"},
		{&site.Page{Kind: site.KindHome}, "index.html"},
		{&site.Page{Kind: "404"}, "404.html"},
	}
	for _, c := range cases {
		if got := tm.Lookup(c.page); got != c.want {
			t.Errorf("Lookup(%s %s/%s layout %q) = %q, want %q", c.page.Kind, c.page.Type, c.page.Section, c.page.Layout, got, c.want)
		}
	}
}

func TestSiteOverridesThemeFileByFile(t *testing.T) {
	tm, s := load(t, map[string]string{
		"layouts/partials/footer.html": `<footer>chân trang riêng</footer>`,
		"layouts/i18n/vi.toml":         `otherNews = "Đọc thêm"`,
	}, "vi")
	p := &site.Page{Kind: site.KindPage, Title: "Bài", Site: s, Params: map[string]any{}}
	s.All = []*site.Page{p}
	html, problem := tm.Execute(p)
	if problem != nil {
		t.Fatal(problem)
	}
	out := string(html)
	if !strings.Contains(out, "chân trang riêng") || !strings.Contains(out, `class="site-header"`) {
		t.Errorf("override or theme header missing:\n%s", out)
	}
	if tm.Strings.Translate("otherNews") != "Đọc thêm" || tm.Strings.Translate("home") != "Trang chủ" {
		t.Error("UI strings not merged key by key")
	}
}

func TestStandaloneTemplateAndPartialFunc(t *testing.T) {
	tm, s := load(t, map[string]string{
		"layouts/_default/single.html": `{{ partial "x.html" . }}|{{ template "partials/x.html" . }}`,
		"layouts/partials/x.html":      `<b>{{ .Title }}</b>`,
	}, "vi")
	html, problem := tm.Execute(&site.Page{Kind: site.KindPage, Title: "<Đ>", Site: s})
	if problem != nil {
		t.Fatal(problem)
	}
	if string(html) != "<b>&lt;Đ&gt;</b>|<b>&lt;Đ&gt;</b>" {
		t.Errorf("got %s", html)
	}
}

func TestTranslationTablesAgree(t *testing.T) {
	vi, _ := load(t, nil, "vi")
	en, _ := load(t, nil, "en")
	if strings.Join(vi.Strings.Keys(), ",") != strings.Join(en.Strings.Keys(), ",") {
		t.Errorf("vi and en tables differ:\nvi %v\nen %v", vi.Strings.Keys(), en.Strings.Keys())
	}
	if got := en.Strings.Translate("readingTime", 5); got != "5 min read" {
		t.Errorf("en readingTime = %q", got)
	}
	if got := vi.Strings.Translate("readingTime", 5); got != "5 phút đọc" {
		t.Errorf("vi readingTime = %q", got)
	}
}

func TestFuncs(t *testing.T) {
	for _, c := range []struct {
		n        int
		in, want string
	}{
		{20, "Dân vận khéo từ phong trào thành nếp", "Dân vận khéo từ…"},
		{12, "Dân vận khéo từ phong trào", "Dân vận khéo…"},
		{13, "Dân vận khéo từ phong trào", "Dân vận khéo…"},
		{50, "ngắn", "ngắn"},
	} {
		if got := truncate(c.n, c.in); got != c.want {
			t.Errorf("truncate(%d, %q) = %q, want %q", c.n, c.in, got, c.want)
		}
	}
	if got, _ := first(2, []int{1, 2, 3}); len(got.([]int)) != 2 {
		t.Errorf("first = %v", got)
	}
	if got, _ := jsonify(map[string]string{"a": "</script>"}); strings.Contains(string(got), "</script>") {
		t.Errorf("jsonify did not escape: %s", got)
	}
	if defaultValue("x", "") != "x" || defaultValue("x", "y") != "y" {
		t.Error("default")
	}
}

// partialCachedEach writes what a range over partialCached writes, makes
// each fragment once per key, and refuses a list it cannot key.
func TestPartialCachedEach(t *testing.T) {
	tm, s := load(t, map[string]string{
		"layouts/_default/single.html": `{{ partialCachedEach "item.html" .Related }}|{{ range .Related }}{{ partialCached "item.html" . .URL }}{{ end }}|{{ partialCachedEach "tag.html" (.TermsOf "tags") }}`,
		"layouts/_default/list.html":   `{{ partialCachedEach "item.html" .Title }}`,
		"layouts/partials/item.html":   `<li>{{ .Title }}</li>`,
		"layouts/partials/tag.html":    `<a href="{{ .Page.URL }}">{{ .Name }}</a>`,
	}, "vi")
	a := &site.Page{Kind: site.KindPage, Title: "A & B", URL: "/a/", Site: s}
	b := &site.Page{Kind: site.KindPage, Title: "Đ", URL: "/b/", Site: s}
	p := &site.Page{Kind: site.KindPage, Title: "P", URL: "/p/", Site: s, Related: []*site.Page{a, b}}
	html, problem := tm.Execute(p)
	if problem != nil {
		t.Fatal(problem)
	}
	if want := "<li>A &amp; B</li><li>Đ</li>|<li>A &amp; B</li><li>Đ</li>|"; string(html) != want {
		t.Errorf("got  %s\nwant %s", html, want)
	}
	a.Title = "changed" // cached by URL: the fragment stays until forgotten
	if html, _ := tm.Execute(p); !strings.HasPrefix(string(html), "<li>A &amp; B</li>") {
		t.Errorf("fragment made again: %s", html)
	}
	tm.ForgetCached("/a/")
	if html, _ := tm.Execute(p); !strings.HasPrefix(string(html), "<li>changed</li>") {
		t.Errorf("forgotten fragment not made again: %s", html)
	}
	if _, problem := tm.Execute(&site.Page{Kind: site.KindSection, Title: "x", Site: s}); problem == nil || !strings.Contains(problem.Msg, "partialCachedEach: string is not a list of pages or terms") {
		t.Errorf("problem = %v", problem)
	}
}

// Hugo's default languageCode, "en-us", reads the English table, and a
// site's own table for the region over it.
func TestRegionalLanguageCode(t *testing.T) {
	tm, _ := load(t, map[string]string{"layouts/i18n/en-us.toml": "home = \"Front page\"\n"}, "en-US")
	if got := tm.Strings.Translate("tableOfContents"); got != "Contents" {
		t.Errorf("tableOfContents = %q, want the English table's", got)
	}
	if got := tm.Strings.Translate("home"); got != "Front page" {
		t.Errorf("home = %q, want the region's own", got)
	}
}
