package content

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"bantin/internal/config"
	"bantin/internal/diag"
)

func scan(t *testing.T, files map[string]string, opts Options) (*Set, string) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, body := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	var dl diag.List
	cfg := config.Load(fstest.MapFS{"config.toml": {Data: []byte(`baseURL = "https://x.vn/"`)}}, "", &dl)
	if opts.Now.IsZero() {
		opts.Now = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	set := Scan(fsys, cfg, opts, &dl)
	var msgs []string
	for _, d := range dl.Items() {
		msgs = append(msgs, d.String())
	}
	return set, strings.Join(msgs, "\n")
}

func TestScanModel(t *testing.T) {
	set, msgs := scan(t, map[string]string{
		"content/_index.md":                   "+++\ntitle = \"Trang chủ\"\n+++\nXin chào",
		"content/bai-viet/_index.md":          "+++\ntitle = \"Bài viết\"\n+++\n",
		"content/bai-viet/a.md":               "+++\ntitle = \"A\"\ndate = 2022-01-21T16:58:00\ntopics = [\"Dân chủ ở cơ sở\", \"  dân vận   khéo \"]\n+++\nThân bài",
		"content/bai-viet/goi/index.md":       "---\ntitle: Gói\ntags: [x]\n---\nBody\r\nline 2\r\n",
		"content/bai-viet/goi/anh.png":        "png",
		"content/bai-viet/goi/tai-lieu/a.pdf": "pdf",
		"content/anh/logo.svg":                "svg",
		"content/.hidden.md":                  "ignored",
		"content/bai-viet/a.md~":              "ignored",
	}, Options{})
	if msgs != "" {
		t.Fatal(msgs)
	}
	if len(set.Docs) != 4 {
		t.Fatalf("docs = %d", len(set.Docs))
	}
	byRel := map[string]*Doc{}
	for _, d := range set.Docs {
		byRel[d.Rel] = d
	}
	if byRel["_index.md"].Kind != KindHome || byRel["bai-viet/_index.md"].Kind != KindSection || byRel["bai-viet/a.md"].Section != "bai-viet" {
		t.Error("kinds or sections wrong")
	}
	a := byRel["bai-viet/a.md"]
	if got := a.Terms["topics"]; len(got) != 2 || got[1] != "dân vận khéo" {
		t.Errorf("topics = %q", got)
	}
	if a.Front.Date.Location().String() != "Asia/Ho_Chi_Minh" || a.Front.Lastmod != a.Front.Date {
		t.Errorf("date %v lastmod %v", a.Front.Date, a.Front.Lastmod)
	}
	if a.BodyLine != 6 || string(a.Body) != "Thân bài" {
		t.Errorf("body line %d %q", a.BodyLine, a.Body)
	}
	g := byRel["bai-viet/goi/index.md"]
	if !g.Bundle || strings.Join(g.Resources, ",") != "bai-viet/goi/anh.png,bai-viet/goi/tai-lieu/a.pdf" {
		t.Errorf("bundle %v resources %v", g.Bundle, g.Resources)
	}
	if string(g.Body) != "Body\nline 2\n" || g.Terms["tags"][0] != "x" {
		t.Errorf("yaml body %q terms %v", g.Body, g.Terms)
	}
	if strings.Join(set.Assets, ",") != "anh/logo.svg" {
		t.Errorf("assets %v", set.Assets)
	}
}

func TestScanHidesDraftsFutureExpired(t *testing.T) {
	files := map[string]string{
		"content/a.md": "+++\ntitle = \"a\"\ndraft = true\n+++\n",
		"content/b.md": "+++\ntitle = \"b\"\ndate = 2030-01-01\n+++\n",
		"content/c.md": "+++\ntitle = \"c\"\nexpiryDate = 2020-01-01\n+++\n",
		"content/d.md": "+++\ntitle = \"d\"\ndate = 2020-01-01\n+++\n",
	}
	set, _ := scan(t, files, Options{})
	if len(set.Docs) != 1 || len(set.Hidden) != 3 {
		t.Fatalf("shown %d hidden %d", len(set.Docs), len(set.Hidden))
	}
	reasons := []string{}
	for _, d := range set.Hidden {
		reasons = append(reasons, d.Hidden)
	}
	if strings.Join(reasons, ",") != "draft,future,expired" {
		t.Errorf("reasons %v", reasons)
	}
	set, _ = scan(t, files, Options{Drafts: true, Future: true, Expired: true})
	if len(set.Docs) != 4 {
		t.Errorf("with every flag, shown %d", len(set.Docs))
	}
}

func TestScanFrontMatterErrors(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"unclosed", "+++\ntitle = \"x\"\n", "content/x.md:1:1: error: front matter is opened here but never closed"},
		{"syntax", "+++\ntitle = \"x\"\ndate = 2022-13-45\n+++\n", "content/x.md:3:"},
		{"type", "+++\ntitle = \"x\"\ndraft = \"có\"\n+++\n", "content/x.md:3:1: error: draft must be true or false, not the string \"có\""},
		{"missing title", "+++\ndate = 2022-01-01\n+++\n", "content/x.md:1:1: error: title is missing"},
		{"no front matter", "Chỉ có thân bài", "content/x.md:1:1: error: title is missing"},
		{"unknown key", "+++\ntitle = \"x\"\ntittle = \"y\"\n+++\n", "content/x.md:3:1: warning: unknown key \"tittle\""},
		{"invalid UTF-8", "+++\ntitle = \"x\"\n+++\nĐúng \xff sai\n", "content/x.md:4:6: error: the file is not valid UTF-8 text; save it as UTF-8"},
		{"yaml type", "---\ntitle: x\nweight: [1]\n---\n", "content/x.md:3:1: error: weight must be a whole number, not a list"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, msgs := scan(t, map[string]string{"content/x.md": c.src}, Options{})
			if !strings.Contains(msgs, c.want) {
				t.Errorf("got\n%s\nwant %s", msgs, c.want)
			}
		})
	}
}

func TestSplit(t *testing.T) {
	format, fm, fmLine, body, bodyLine, unclosed := split([]byte("+++  \na = 1\n+++\nbody\n"))
	if format != TOML || string(fm) != "a = 1\n" || fmLine != 2 || string(body) != "body\n" || bodyLine != 4 || unclosed {
		t.Errorf("split: %v %q %d %q %d %v", format, fm, fmLine, body, bodyLine, unclosed)
	}
	_, _, _, body, bodyLine, _ = split([]byte("+++\na = 1\n+++"))
	if len(body) != 0 || bodyLine != 4 {
		t.Errorf("no body: %q %d", body, bodyLine)
	}
}

// Read of one bundle finds the same resources as Scan, walking only the
// bundle's folder.
func TestReadBundleResources(t *testing.T) {
	files := map[string]string{
		"content/bai-viet/goi/index.md":       "+++\ntitle = \"Gói\"\n+++\n",
		"content/bai-viet/goi/anh.png":        "png",
		"content/bai-viet/goi/tai-lieu/a.pdf": "pdf",
		"content/bai-viet/khac/anh.png":       "khác",
	}
	set, _ := scan(t, files, Options{})
	fsys := fstest.MapFS{}
	for name, body := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	var dl diag.List
	cfg := config.Load(fstest.MapFS{"config.toml": {Data: []byte(`baseURL = "https://x.vn/"`)}}, "", &dl)
	d := Read(fsys, "bai-viet/goi/index.md", cfg, Options{Now: time.Now()}, &dl)
	if d == nil || strings.Join(d.Resources, ",") != strings.Join(set.Docs[0].Resources, ",") || len(d.Resources) != 2 {
		t.Errorf("Read resources %v, Scan resources %v", d.Resources, set.Docs[0].Resources)
	}
}

// Hints are written in the file's own front-matter syntax.
func TestHintsInTheFilesSyntax(t *testing.T) {
	for name, src := range map[string]string{
		"bai-viet/toml.md": "+++\ndate = 2022-01-21\n+++\n",
		"bai-viet/yaml.md": "---\ndate: 2022-01-21\n---\n",
	} {
		var dl diag.List
		fsys := fstest.MapFS{"content/" + name: {Data: []byte(src)}}
		cfg := config.Load(fsys, "https://x.vn/", &dl)
		Scan(fsys, cfg, Options{Now: time.Now()}, &dl)
		want := `add title = "…" to the front matter`
		if strings.HasSuffix(name, "yaml.md") {
			want = `add title: "…" to the front matter`
		}
		if msgs := fmt.Sprint(dl.Items()); !strings.Contains(msgs, want) {
			t.Errorf("%s: %s", name, msgs)
		}
	}
}

// Keys in another case are read as Hugo reads them; cascade hands values
// down to the pages that do not set them; Hugo-only keys are one warning
// per key for the whole site.
func TestHugoFrontMatter(t *testing.T) {
	set, msgs := scan(t, map[string]string{
		"content/_index.md":          "+++\ntitle = \"Trang chủ\"\n[cascade]\nkeywords = [\"dân vận\"]\n+++\n",
		"content/bai-viet/_index.md": "---\ntitle: Bài viết\ncascade:\n  images: [/anh/bai-viet.png]\n  tags: [Tin]\n---\n",
		"content/bai-viet/a.md":      "---\ntitle: A\npublishdate: 2025-01-02\nLinkTitle: Ngắn\noutputs: [html]\n---\n",
		"content/bai-viet/b.md":      "+++\ntitle = \"B\"\nimages = [\"/anh/b.png\"]\ntags = [\"Riêng\"]\noutputs = [\"html\"]\nmenu = \"main\"\n+++\n",
		"content/khac/c.md":          "+++\ntitle = \"C\"\nauthor = \"Nguyễn Văn A\"\n+++\n",
	}, Options{})
	want := `content/bai-viet/a.md:5:1: warning: front-matter key "outputs" is Hugo's; bantin does not use it (ignored in this file and 1 other)
content/bai-viet/b.md:6:1: warning: front-matter key "menu" is Hugo's; bantin does not use it (ignored in this file)`
	if msgs != want {
		t.Errorf("got\n%s\nwant\n%s", msgs, want)
	}
	byRel := map[string]*Doc{}
	for _, d := range set.Docs {
		byRel[d.Rel] = d
	}
	a, b, c := byRel["bai-viet/a.md"], byRel["bai-viet/b.md"], byRel["khac/c.md"]
	if a.Front.PublishDate.Year() != 2025 || a.Front.LinkTitle != "Ngắn" {
		t.Errorf("a: publishDate %v linkTitle %q", a.Front.PublishDate, a.Front.LinkTitle)
	}
	if fmt.Sprint(a.Front.Images, a.Terms["tags"], a.Front.Keywords) != "[/anh/bai-viet.png] [Tin] [dân vận]" {
		t.Errorf("a cascaded: %v %v %v", a.Front.Images, a.Terms["tags"], a.Front.Keywords)
	}
	if fmt.Sprint(b.Front.Images, b.Terms["tags"]) != "[/anh/b.png] [Riêng]" {
		t.Errorf("b keeps its own: %v %v", b.Front.Images, b.Terms["tags"])
	}
	if fmt.Sprint(c.Terms["authors"]) != "[Nguyễn Văn A]" {
		t.Errorf("c: author is not read as authors: %v", c.Terms)
	}
	if fmt.Sprint(c.Front.Images, c.Terms["tags"], c.Front.Keywords) != "[] [] [dân vận]" {
		t.Errorf("c, another section: %v %v %v", c.Front.Images, c.Terms["tags"], c.Front.Keywords)
	}
}

// Hugo's JSON front matter is read, with positions.
func TestJSONFrontMatter(t *testing.T) {
	set, msgs := scan(t, map[string]string{
		"content/bai-viet/a.md": "{\n  \"title\": \"Bài JSON\",\n  \"tags\": [\"Dân vận\"],\n  \"tieu_de\": 1\n}\nThân bài.\n",
		"content/bai-viet/b.md": "{\n  \"title\": \"Hở\"\n",
	}, Options{})
	want := "content/bai-viet/a.md:4:3: warning: unknown key \"tieu_de\"\ncontent/bai-viet/b.md:1:1: error: front matter is opened here but never closed"
	if msgs != want {
		t.Errorf("got\n%s\nwant\n%s", msgs, want)
	}
	if len(set.Docs) != 1 {
		t.Fatalf("%d docs", len(set.Docs))
	}
	d := set.Docs[0]
	if d.Front.Title != "Bài JSON" || d.Terms["tags"][0] != "Dân vận" || string(d.Body) != "Thân bài.\n" || d.BodyLine != 6 || d.Format != JSON {
		t.Errorf("%+v body %q line %d", d.Front, d.Body, d.BodyLine)
	}
}

// Hugo's ref and relref shortcodes become paths to the content files they
// name, relative to the page, for the Markdown link resolver.
func TestRefShortcodes(t *testing.T) {
	set, msgs := scan(t, map[string]string{
		"content/about.md":           "+++\ntitle = \"Giới thiệu\"\n+++\n",
		"content/posts/_index.md":    "+++\ntitle = \"Bài\"\n+++\n",
		"content/posts/b.md":         "+++\ntitle = \"B\"\n+++\n",
		"content/posts/goi/index.md": "+++\ntitle = \"Gói\"\n+++\n",
		"content/posts/a.md": "+++\ntitle = \"A\"\n+++\n[1]({{< ref \"b.md\" >}}) [2]({{< relref \"/about\" >}}) [3]({{< ref \"posts/goi#phan-2\" >}})\n" +
			"[4]({{% ref \"about.md\" %}}) [5]({{< ref \"/posts\" >}}) [6]({{< ref \"khong-co\" >}})\n" +
			"```\n{{< ref \"vi-du\" >}}\n```\n",
	}, Options{})
	want := `content/posts/a.md:5:59: error: ref "khong-co": no content file has that path (looked from content/posts/ and from content/)`
	if msgs != want {
		t.Errorf("got\n%s\nwant\n%s", msgs, want)
	}
	for _, d := range set.Docs {
		if d.Rel == "posts/a.md" {
			got := string(d.Body)
			wantBody := "[1](b.md) [2](../about.md) [3](goi/index.md#phan-2)\n[4](../about.md) [5](_index.md) [6](#)\n```\n{{< ref \"vi-du\" >}}\n```\n"
			if got != wantBody {
				t.Errorf("body\n%q\nwant\n%q", got, wantBody)
			}
		}
	}
}
