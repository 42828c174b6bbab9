package build

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"bantin/internal/tooltest"
)

// sameAsCleanBuild fails unless the session's files are exactly those of
// a fresh build of the same folder.
func sameAsCleanBuild(t *testing.T, step string, root string, s *Session) {
	t.Helper()
	s.RefreshSearch()
	clean := Build(os.DirFS(root), s.opts)
	if err := clean.Diags.Err(); err != nil {
		t.Fatalf("%s: clean build fails: %v", step, err)
	}
	got := s.Files()
	var diffs []string
	for _, f := range clean.Files {
		if !bytes.Equal(got[f.Path], f.Data) {
			diffs = append(diffs, f.Path)
		}
	}
	if len(got) != len(clean.Files) {
		diffs = append(diffs, "file count")
	}
	sort.Strings(diffs)
	if len(diffs) > 0 {
		t.Fatalf("%s: served site differs from a clean build at %v", step, diffs)
	}
}

func TestSessionEqualsCleanBuildAfterEdits(t *testing.T) {
	root := t.TempDir()
	site := siteFS(t, basicSite)
	files := map[string]string{}
	for name, f := range site {
		files[name] = string(f.Data)
	}
	tooltest.WriteFiles(t, root, files)
	s, ch := NewSession(os.DirFS(root), Options{Now: fixedNow})
	if ch.Failed {
		t.Fatal(ch.Diags.Err())
	}
	article := "content/bai-viet/Dân vận khéo.md"
	head := "+++\ntitle = \"Dân vận khéo\"\ndate = 2022-01-21T16:58:00\nauthors = [\"Nguyễn Văn A\"]\naliases = [\"/cu/dan-van/\"]\n+++\n"
	steps := []struct {
		name   string
		write  map[string]string
		remove string
		fast   bool
		same   bool // saved unchanged: no output changes
	}{
		{name: "body edit, later paragraph", write: map[string]string{article: head + "Xem [sổ tay](../so-tay/hoi-dap.md#cau-1) và [ảnh](../anh/logo.svg).\n\n## Đường đi\n\nĐoạn mới thêm.\n"}, fast: true},
		{name: "body edit that changes the summary", write: map[string]string{article: head + "Mở đầu khác hẳn.\n\n## Đường đi\n"}, fast: true},
		{name: "lastmod and description", write: map[string]string{article: strings.Replace(head, "+++\n", "+++\nlastmod = 2022-02-01\ndescription = \"Mô tả mới\"\n", 1)[0:] + "Mở đầu khác hẳn.\n"}, fast: true},
		{name: "summary and keywords", write: map[string]string{article: strings.Replace(head, "+++\n", "+++\nsummary = \"Tóm tắt riêng\"\nkeywords = [\"dân vận\", \"khéo\"]\n", 1)[0:] + "Mở đầu khác hẳn.\n"}, fast: true},
		{name: "image", write: map[string]string{article: strings.Replace(head, "+++\n", "+++\nsummary = \"Tóm tắt riêng\"\nimage = \"/anh/logo.svg\"\nkeywords = [\"dân vận\", \"khéo\"]\n", 1)[0:] + "Mở đầu khác hẳn.\n"}},
		{name: "keywords alone", write: map[string]string{article: strings.Replace(head, "+++\n", "+++\nsummary = \"Tóm tắt riêng\"\nimage = \"/anh/logo.svg\"\nkeywords = [\"dân vận\"]\n", 1)[0:] + "Mở đầu khác hẳn.\n"}, fast: true},
		{name: "saved unchanged", write: map[string]string{article: strings.Replace(head, "+++\n", "+++\nsummary = \"Tóm tắt riêng\"\nimage = \"/anh/logo.svg\"\nkeywords = [\"dân vận\"]\n", 1)[0:] + "Mở đầu khác hẳn.\n"}, fast: true, same: true},
		{name: "params edit", write: map[string]string{article: strings.TrimSuffix(head, "+++\n") + "[params]\nnote = \"x\"\n+++\nMở đầu khác hẳn.\n"}},
		{name: "title edit", write: map[string]string{article: strings.Replace(head, "Dân vận khéo\"", "Dân vận khéo hơn\"", 1) + "Thân.\n"}},
		{name: "new page", write: map[string]string{"content/bai-viet/moi.md": "+++\ntitle = \"Bài mới\"\ndate = 2022-03-01\ntags = [\"mới\"]\n+++\nNội dung mới.\n"}},
		{name: "static edit", write: map[string]string{"static/favicon.ico": "ICO2"}, fast: true},
		{name: "theme override", write: map[string]string{"layouts/partials/footer.html": "<footer>chân trang mới</footer>"}},
		{name: "config edit", write: map[string]string{"config.toml": "title = \"Bản tin mới\"\nbaseURL = \"https://danvan.example.vn/\"\n"}},
		{name: "remove page", remove: "content/bai-viet/moi.md"},
	}
	for _, step := range steps {
		var changed []string
		for name, body := range step.write {
			tooltest.WriteFiles(t, root, map[string]string{name: body})
			changed = append(changed, name)
		}
		if step.remove != "" {
			os.Remove(filepath.Join(root, filepath.FromSlash(step.remove)))
			changed = append(changed, step.remove)
		}
		ch := s.Update(changed)
		if ch.Failed {
			t.Fatalf("%s: %v", step.name, ch.Diags.Err())
		}
		if step.fast && ch.Full {
			t.Errorf("%s: rebuilt everything; want the fast path", step.name)
		}
		if (len(ch.Changed) == 0) != step.same {
			t.Errorf("%s: changed %v", step.name, ch.Changed)
		}
		sameAsCleanBuild(t, step.name, root, s)
	}
	// A broken page fails the update and keeps the previous files; fixing
	// it recovers.
	before := s.Files()
	tooltest.WriteFiles(t, root, map[string]string{article: "+++\ntitle = \"x\"\ndate = \"hôm nay\"\n+++\n"})
	if ch := s.Update([]string{article}); !ch.Failed || !strings.Contains(ch.Diags.Err().Error(), "Dân vận khéo.md:3:1") {
		t.Fatalf("broken page: %+v", ch)
	}
	if len(s.Files()) != len(before) {
		t.Error("a failed update changed the served files")
	}
	tooltest.WriteFiles(t, root, map[string]string{article: head + "Đã sửa.\n"})
	if ch := s.Update([]string{article}); ch.Failed {
		t.Fatal(ch.Diags.Err())
	}
	sameAsCleanBuild(t, "recovered", root, s)
}

// With no fixed time (as the dev server runs), a body edit still takes the
// fast path: the session must filter drafts and future pages by the clock.
func TestSessionFastPathWithRealClock(t *testing.T) {
	root := t.TempDir()
	tooltest.WriteFiles(t, root, map[string]string{
		"config.toml":  "baseURL = \"https://x.vn/\"\n",
		"content/a.md": "+++\nid = \"aaa001\"\ntitle = \"A\"\ndate = 2022-01-21\n+++\nMột.\n\nHai.\n",
	})
	s, ch := NewSession(os.DirFS(root), Options{})
	if ch.Failed {
		t.Fatal(ch.Diags.Err())
	}
	tooltest.WriteFiles(t, root, map[string]string{"content/a.md": "+++\nid = \"aaa001\"\ntitle = \"A\"\ndate = 2022-01-21\n+++\nMột.\n\nHai sửa.\n"})
	if ch := s.Update([]string{"content/a.md"}); ch.Full || ch.Failed {
		t.Errorf("body edit rebuilt everything (full=%v, failed=%v)", ch.Full, ch.Failed)
	}
}

// Publications are made from their whole text: editing a handbook, or an
// article printed in a bulletin issue, must update them.
func TestSessionUpdatesPublications(t *testing.T) {
	root := t.TempDir()
	tooltest.WriteFiles(t, root, map[string]string{
		"config.toml":             "baseURL = \"https://x.vn/\"\n",
		"content/bai-viet/a.md":   "+++\nid = \"aaa001\"\ntitle = \"A\"\ndate = 2022-01-21\n+++\nMột.\n",
		"content/so-tay/h.md":     "+++\nid = \"hhh001\"\ntitle = \"H\"\ndate = 2022-01-20\n+++\n## Câu 1. Hỏi?\n\nĐáp.\n",
		"content/ban-tin/so-1.md": "+++\nid = \"bbb001\"\ntitle = \"Số 1\"\ndate = 2022-01-22\narticles = [\"bai-viet/a.md\"]\n+++\nGiới thiệu.\n",
	})
	s, ch := NewSession(os.DirFS(root), Options{Now: fixedNow})
	if ch.Failed {
		t.Fatal(ch.Diags.Err())
	}
	tooltest.WriteFiles(t, root, map[string]string{"content/so-tay/h.md": "+++\nid = \"hhh001\"\ntitle = \"H\"\ndate = 2022-01-20\n+++\n## Câu 1. Hỏi?\n\nĐáp mới.\n"})
	s.Update([]string{"content/so-tay/h.md"})
	sameAsCleanBuild(t, "handbook edit", root, s)
	tooltest.WriteFiles(t, root, map[string]string{"content/bai-viet/a.md": "+++\nid = \"aaa001\"\ntitle = \"A\"\ndate = 2022-01-21\n+++\nMột sửa.\n"})
	s.Update([]string{"content/bai-viet/a.md"})
	sameAsCleanBuild(t, "article in a bulletin", root, s)
	if !strings.Contains(string(s.Files()["ban-tin/so-1/ban-in/index.html"]), "Một sửa.") {
		t.Error("the bulletin's print edition lacks the edited article")
	}
}

// A search refresh merges without the session: an edit applied while it
// runs stays marked stale and is in the next refresh; a whole rebuild
// while it runs makes its result be thrown away. Each way the session
// ends equal to a clean build.
func TestSearchRefreshAroundEdits(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{}
	for name, f := range siteFS(t, basicSite) {
		files[name] = string(f.Data)
	}
	tooltest.WriteFiles(t, root, files)
	s, ch := NewSession(os.DirFS(root), Options{Now: fixedNow})
	if ch.Failed {
		t.Fatal(ch.Diags.Err())
	}
	article := "content/bai-viet/Dân vận khéo.md"
	edit := func(old, new string) *Change {
		t.Helper()
		data, _ := os.ReadFile(root + "/" + article)
		text := string(data) + new
		if old != "" {
			if !strings.Contains(string(data), old) {
				t.Fatalf("%s lacks %q", article, old)
			}
			text = strings.Replace(string(data), old, new, 1)
		}
		tooltest.WriteFiles(t, root, map[string]string{article: text})
		ch := s.Update([]string{article})
		if ch.Failed || ch.Full {
			t.Fatalf("edit: failed=%v full=%v %v", ch.Failed, ch.Full, ch.Diags.Err())
		}
		return ch
	}
	edit("", "\nChữ thứ nhất: khoẻ.\n")
	r := s.StartSearchRefresh()
	if r == nil {
		t.Fatal("no refresh after an edit of the text")
	}
	if ch := edit("Chữ thứ nhất", "Chữ thứ hai"); !ch.SearchStale {
		t.Error("an edit during the refresh is not marked stale")
	}
	r.Run()
	if ch := s.FinishSearchRefresh(r); len(ch.Changed) == 0 {
		t.Error("the refresh changed no file")
	}
	if len(s.searchDirty) == 0 {
		t.Error("the edit made during the refresh is forgotten")
	}
	sameAsCleanBuild(t, "edit during a refresh, then a refresh", root, s)

	edit("Chữ thứ hai", "Chữ thứ ba")
	r = s.StartSearchRefresh()
	if ch := s.Update([]string{"layouts/partials/footer.html"}); !ch.Full {
		t.Fatal("a template change did not rebuild the whole site")
	}
	r.Run()
	if ch := s.FinishSearchRefresh(r); len(ch.Changed) != 0 {
		t.Errorf("a refresh begun before a whole rebuild changed %d files after it", len(ch.Changed))
	}
	sameAsCleanBuild(t, "whole rebuild during a refresh", root, s)
}
