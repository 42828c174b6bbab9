package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bantin/internal/build"
)

var fixture = map[string]string{
	"config.toml":                "title = \"Bản tin\"\nbaseURL = \"https://x.vn/\"\n",
	"content/_index.md":          "+++\ntitle = \"Trang chủ\"\n+++\nChào.\n",
	"content/bai-viet/_index.md": "+++\ntitle = \"Bài viết\"\n+++\n",
	"content/bai-viet/a.md":      "+++\nid = \"aaa001\"\ntitle = \"Bài A\"\ndate = 2022-01-21T16:58:00\n+++\nĐoạn đầu.\n\nĐoạn hai.\n",
	"content/bai-viet/b.md":      "+++\nid = \"bbb001\"\ntitle = \"Bài B\"\ndate = 2022-01-20\n+++\nThân bài B.\n",
	"static/css/rieng.css":       "body { color: #111; }\n",
}

func write(t *testing.T, root, name, body string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

type event struct {
	name string
	data string
}

// start builds the fixture, serves it and watches it; it returns the base
// URL, the root folder and the stream of server-sent events.
func start(t *testing.T) (string, string, <-chan event) {
	t.Helper()
	root := t.TempDir()
	for name, body := range fixture {
		write(t, root, name, body)
	}
	srv := New(root, build.Options{BaseURL: "http://127.0.0.1/"}, io.Discard)
	ts := httptest.NewServer(srv.Handler())
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(func() { cancel(); ts.CloseClientConnections(); ts.Close() })
	go srv.Watch(ctx)
	events := subscribe(t, ctx, ts.URL)
	time.Sleep(100 * time.Millisecond) // let the watcher settle
	return ts.URL, root, events
}

func subscribe(t testing.TB, ctx context.Context, base string) <-chan event {
	t.Helper()
	req, _ := http.NewRequestWithContext(ctx, "GET", base+"/__bantin/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	out := make(chan event, 64)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		var ev event
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				ev.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				ev.data = strings.TrimPrefix(line, "data: ")
			case line == "" && ev.name != "":
				out <- ev
				ev = event{}
			}
		}
	}()
	return out
}

// await returns the next event named name within a few seconds.
func await(t testing.TB, events <-chan event, name string) event {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case ev := <-events:
			if ev.name == name {
				return ev
			}
		case <-deadline:
			t.Fatalf("no %q event", name)
		}
	}
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func TestEditReloadsWithNewContent(t *testing.T) {
	base, root, events := start(t)
	if code, body := get(t, base+"/bai-viet/a/"); code != 200 || !strings.Contains(body, "Đoạn hai.") || !strings.Contains(body, liveTag) {
		t.Fatalf("initial page: %d", code)
	}
	write(t, root, "content/bai-viet/a.md", strings.Replace(fixture["content/bai-viet/a.md"], "Đoạn hai.", "Đoạn hai đã sửa.", 1))
	ev := await(t, events, "reload")
	var r reloadEvent
	json.Unmarshal([]byte(ev.data), &r)
	if !contains(r.Paths, "bai-viet/a/index.html") || r.CSS {
		t.Errorf("reload event %s", ev.data)
	}
	if _, body := get(t, base+"/bai-viet/a/"); !strings.Contains(body, "Đoạn hai đã sửa.") {
		t.Error("new content not served")
	}
}

func TestCSSChangeIsCSSOnly(t *testing.T) {
	base, root, events := start(t)
	write(t, root, "static/css/rieng.css", "body { color: #222; }\n")
	ev := await(t, events, "reload")
	if ev.data != `{"paths":["css/rieng.css"],"css":true}` {
		t.Errorf("css event %s", ev.data)
	}
	if _, body := get(t, base+"/css/rieng.css"); !strings.Contains(body, "#222") {
		t.Error("stylesheet not updated")
	}
}

func TestNewFolderWithPage(t *testing.T) {
	base, root, events := start(t)
	os.MkdirAll(filepath.Join(root, "content", "tin-moi"), 0o755)
	time.Sleep(50 * time.Millisecond)
	write(t, root, "content/tin-moi/dau-tien.md", "+++\nid = \"tm0001\"\ntitle = \"Tin mới\"\n+++\nXin chào chuyên mục mới.\n")
	deadline := time.Now().Add(10 * time.Second)
	for {
		ev := await(t, events, "reload")
		if strings.Contains(ev.data, "tin-moi/dau-tien/index.html") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("new page never built")
		}
	}
	if code, body := get(t, base+"/tin-moi/dau-tien/"); code != 200 || !strings.Contains(body, "Xin chào chuyên mục mới.") {
		t.Errorf("new page: %d", code)
	}
}

// Editors save by writing a temporary file and renaming it over the page.
func TestEditorStyleSave(t *testing.T) {
	base, root, events := start(t)
	tmp := filepath.Join(root, "content", "bai-viet", ".a.md.swp")
	os.WriteFile(tmp, []byte("rác"), 0o644)
	other := filepath.Join(root, "content", "bai-viet", "a.md.new")
	os.WriteFile(other, []byte(strings.Replace(fixture["content/bai-viet/b.md"], "Thân bài B.", "Lưu kiểu trình soạn thảo.", 1)), 0o644)
	os.Rename(other, filepath.Join(root, "content", "bai-viet", "b.md"))
	os.Remove(tmp)
	await(t, events, "reload")
	if _, body := get(t, base+"/bai-viet/b/"); !strings.Contains(body, "Lưu kiểu trình soạn thảo.") {
		t.Error("renamed-over save not picked up")
	}
}

func TestBrokenFrontMatterShowsOverlayAndRecovers(t *testing.T) {
	base, root, events := start(t)
	write(t, root, "content/bai-viet/a.md", "+++\ntitle = \"Bài A\"\ndate = 2022-01-21T16:58:00\ntags = [\"x\"\n+++\nĐoạn đầu.\n")
	ev := await(t, events, "errors")
	var rep report
	if err := json.Unmarshal([]byte(ev.data), &rep); err != nil || len(rep.Errors) == 0 {
		t.Fatalf("errors event %s", ev.data)
	}
	e := rep.Errors[0]
	if !strings.HasPrefix(e.Pos, "content/bai-viet/a.md:4:12") || len(e.Lines) == 0 {
		t.Errorf("error %+v", e)
	}
	marked := false
	for _, l := range e.Lines {
		marked = marked || (l.Error && l.Number == 4 && strings.HasPrefix(l.Text, "tags = ["))
	}
	if !marked {
		t.Errorf("source lines do not mark the error line: %+v", e.Lines)
	}
	// A page opened now still gets the last good site and the errors.
	if code, body := get(t, base+"/bai-viet/a/"); code != 200 || !strings.Contains(body, "Đoạn hai.") {
		t.Errorf("last good page not served: %d", code)
	}
	if _, body := get(t, base+"/__bantin/errors"); !strings.Contains(body, "content/bai-viet/a.md:4:12") {
		t.Errorf("/__bantin/errors: %s", body)
	}
	write(t, root, "content/bai-viet/a.md", strings.Replace(fixture["content/bai-viet/a.md"], "Đoạn đầu.", "Đã sửa xong.", 1))
	await(t, events, "ok")
	await(t, events, "reload")
	if _, body := get(t, base+"/__bantin/errors"); strings.Contains(body, "content/") {
		t.Errorf("errors remain: %s", body)
	}
	if _, body := get(t, base+"/bai-viet/a/"); !strings.Contains(body, "Đã sửa xong.") {
		t.Error("fixed page not served")
	}
}

func TestOnlyTheBuiltSiteIsServed(t *testing.T) {
	base, _, _ := start(t)
	for _, p := range []string{"/../config.toml", "/%2e%2e/config.toml", "/..%2fconfig.toml", "/%2e%2e%2f%2e%2e%2fetc/passwd",
		"/content/bai-viet/a.md", "/config.toml", "/static/css/rieng.css", "//etc/passwd", "/bai-viet/../../../../etc/passwd"} {
		req, _ := http.NewRequest("GET", base+p, nil)
		req.URL.Opaque = p // send the path exactly as written
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotFound || strings.Contains(string(body), "baseURL") || strings.Contains(string(body), "root:") {
			t.Errorf("%s: status %d", p, resp.StatusCode)
		}
	}
	if code, _ := get(t, base+"/bai-viet"); code != 200 {
		t.Errorf("folder without slash: %d", code)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// An edit reloads the page at once; the search index follows once edits
// pause, with a reload event of its own.
func TestSearchIndexFollowsEdits(t *testing.T) {
	base, root, events := start(t)
	write(t, root, "content/bai-viet/b.md", strings.Replace(fixture["content/bai-viet/b.md"], "Thân bài B.", "Thân bài B có chữ mới: khoẻ.", 1))
	await(t, events, "reload") // the page
	if _, frag := get(t, base+"/tim-kiem/du-lieu/f/1.json"); strings.Contains(frag, "chữ mới") {
		t.Fatal("the search index was rebuilt before the page reloaded")
	}
	ev := await(t, events, "reload") // the search index, after searchQuiet
	if !strings.Contains(ev.data, "tim-kiem/du-lieu/") {
		t.Errorf("second reload event %s", ev.data)
	}
	if _, frag := get(t, base+"/tim-kiem/du-lieu/f/1.json"); !strings.Contains(frag, "chữ mới") {
		t.Errorf("fragment of b after the pause: %s", frag)
	}
}
