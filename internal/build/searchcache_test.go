package build

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"testing/fstest"
	"time"

	"bantin/internal/cache"
	"bantin/internal/markdown"
	"bantin/internal/search"
	"bantin/internal/site"
	"bantin/internal/textstore"
)

// searchStats builds fsys with the cache c and returns its files and what
// the cache answered for search analyses.
func searchStats(t *testing.T, fsys fs.FS, c *cache.Store) (map[string]string, cache.Stats) {
	t.Helper()
	res := Build(fsys, Options{Now: fixedNow, Cache: c})
	if res.Diags.HasErrors() {
		t.Fatal(res.Diags.Err())
	}
	files := map[string]string{}
	for _, f := range res.Files {
		files[f.Path] = string(f.Data)
	}
	return files, res.Stats.CacheBy["search"]
}

// The second build takes every page's analysis from the cache, and its
// index is the one a build without the cache makes.
func TestSearchCacheHit(t *testing.T) {
	fsys := siteFS(t, cacheSite)
	clean, _ := searchStats(t, fsys, nil)
	c := openStore(t)
	cold, st1 := searchStats(t, fsys, c)
	warm, st2 := searchStats(t, fsys, c)
	if st1 != (cache.Stats{Misses: 2}) || st2 != (cache.Stats{Hits: 2}) {
		t.Errorf("cold %+v, warm %+v: want 2 misses, then 2 hits", st1, st2)
	}
	sameFiles(t, "cold", cold, clean)
	sameFiles(t, "warm", warm, clean)
}

// A hit takes the stored analysis as it is: an entry put under page b's
// key shows in b's fragment.
func TestSearchCacheHitUsesTheStoredAnalysis(t *testing.T) {
	fsys := siteFS(t, cacheSite)
	c := openStore(t)
	res := Build(fsys, Options{Now: fixedNow, Cache: c})
	b := res.Site.Pages[1]
	if b.Title != "Bài B" {
		t.Fatalf("page 1 is %q", b.Title)
	}
	other := *b
	other.Title = "Từ bộ nhớ đệm"
	data, _ := search.Analyze(&other, res.Site.Config.Location).MarshalBinary()
	if err := c.Put("search", searchKey(b, res.Site.Config.Location), data); err != nil {
		t.Fatal(err)
	}
	files, _ := searchStats(t, fsys, c)
	contains(t, files, search.FragmentPath(1), "Từ bộ nhớ đệm")
}

// Each input of the analysis changes the key: an edit of a page's title,
// a tag, its text or its URL misses for that page alone, and the index is
// that of a build without the cache.
func TestSearchCacheMissOnInputChange(t *testing.T) {
	edits := []struct{ name, old, new string }{
		{"title", `title = "Bài B"`, `title = "Bài Bê"`},
		{"tag", `id = "b1"`, "id = \"b1\"\ntags = [\"Hòa giải\"]"},
		{"text", "Dân vận **khéo**.", "Dân vận **giỏi**."},
		{"URL", `id = "b1"`, "id = \"b1\"\nslug = \"bai-be\""},
	}
	for _, e := range edits {
		fsys := siteFS(t, cacheSite)
		c := openStore(t)
		searchStats(t, fsys, c)
		src := fsys["content/bai-viet/b.md"].Data
		if !bytes.Contains(src, []byte(e.old)) {
			t.Fatalf("%s: %q not in b.md", e.name, e.old)
		}
		fsys["content/bai-viet/b.md"] = &fstest.MapFile{Data: bytes.Replace(src, []byte(e.old), []byte(e.new), 1)}
		files, st := searchStats(t, fsys, c)
		if st != (cache.Stats{Hits: 1, Misses: 1}) {
			t.Errorf("%s edited: %+v, want page b alone to miss", e.name, st)
		}
		clean, _ := searchStats(t, fsys, nil)
		sameFiles(t, e.name+" edited", files, clean)
	}
}

// A damaged entry is a miss: the page is analysed again and the entry
// rewritten.
func TestSearchCacheDamagedEntry(t *testing.T) {
	fsys := siteFS(t, cacheSite)
	clean, _ := searchStats(t, fsys, nil)
	c := openStore(t)
	searchStats(t, fsys, c)
	damaged := damageEntries(t, c.Dir(), "search", func(_ int, r []byte) { r[len(r)-3] ^= 0x55 })
	if damaged != 2 {
		t.Fatalf("%d search entries, want 2", damaged)
	}
	files, st := searchStats(t, fsys, c)
	if st != (cache.Stats{Misses: 2, Rejected: 2}) {
		t.Errorf("damaged entries: %+v", st)
	}
	sameFiles(t, "damaged", files, clean)
	if _, st := searchStats(t, fsys, c); st != (cache.Stats{Hits: 2}) {
		t.Errorf("after the rebuild: %+v", st)
	}
}

// An entry whose checksum holds but whose bytes are no analysis (another
// format) is a miss too, never trusted.
func TestSearchCacheForeignPayload(t *testing.T) {
	fsys := siteFS(t, cacheSite)
	clean, _ := searchStats(t, fsys, nil)
	c := openStore(t)
	res := Build(fsys, Options{Now: fixedNow, Cache: c})
	for _, p := range res.Site.Pages {
		if err := c.Put("search", searchKey(p, res.Site.Config.Location), []byte("not an analysis")); err != nil {
			t.Fatal(err)
		}
	}
	files, st := searchStats(t, fsys, c)
	if st.Hits != 0 || st.Misses != 2 {
		t.Errorf("foreign payloads: %+v", st)
	}
	sameFiles(t, "foreign payloads", files, clean)
}

// The key covers every input the analysis reads, and nothing else: the
// same page gives the same key; each field changes it.
func TestSearchKeyCoversTheInputs(t *testing.T) {
	fsys := siteFS(t, cacheSite)
	res := Build(fsys, Options{Now: fixedNow})
	p := res.Site.Pages[0]
	loc := res.Site.Config.Location
	base := searchKey(p, loc)
	if again := *p; searchKey(&again, loc) != base {
		t.Fatal("the same page, another key")
	}
	// rendered gives q the text plain and p's sections and more.
	rendered := func(q *site.Page, plain string, more ...markdown.Section) {
		var secs []markdown.Section
		for _, s := range p.Sections() {
			secs = append(secs, markdown.Section{ID: s.ID, Title: s.Title, Plain: s.Plain()})
		}
		keywords := q.Keywords
		site.Refresh(q, p.Doc, site.StoreRendered(textstore.NewMem(), &markdown.Result{Plain: plain, Sections: append(secs, more...)}))
		q.Keywords = keywords
	}
	if q := *p; true {
		rendered(&q, p.Plain())
		if searchKey(&q, loc) != base {
			t.Fatal("the same text in another store, another key")
		}
	}
	edits := map[string]func(q *site.Page){
		"Title":        func(q *site.Page) { q.Title += "!" },
		"Terms":        func(q *site.Page) { q.Terms = map[string][]string{"tags": {"x"}} },
		"Keywords":     func(q *site.Page) { q.Keywords = []string{"x"} },
		"Sections":     func(q *site.Page) { rendered(q, p.Plain(), markdown.Section{Title: "x"}) },
		"Plain":        func(q *site.Page) { rendered(q, p.Plain()+" x") },
		"RelPermalink": func(q *site.Page) { q.RelPermalink += "x/" },
		"Date":         func(q *site.Page) { q.Date = q.Date.Add(time.Minute) },
	}
	for name, edit := range edits {
		q := *p
		edit(&q)
		if searchKey(&q, loc) == base {
			t.Errorf("%s changed, the key did not", name)
		}
	}
	if searchKey(p, time.FixedZone("UTC+9", 9*3600)) == base {
		t.Error("another time zone, the same key")
	}
	q := *p
	q.Summary, q.Description, q.WordCount = "khác", "khác", 7
	if searchKey(&q, loc) != base {
		t.Error("a field the analysis does not read changed the key")
	}
}

// A handbook's questions are in the key: another question, another key.
func TestSearchKeyCoversQuestions(t *testing.T) {
	res := Build(os.DirFS(filepath.Join("..", "..")), Options{Now: fixedNow})
	if res.Diags.HasErrors() {
		t.Fatal(res.Diags.Err())
	}
	loc := res.Site.Config.Location
	for _, p := range res.Site.Pages {
		if len(p.Questions()) == 0 {
			continue
		}
		pub := res.Site.Publishing.Of[p]
		base := searchKey(p, loc)
		old := pub.Questions
		pub.Questions = append(slices.Clone(old), site.Question{ID: "cau-x", Text: "Câu khác"})
		moved := searchKey(p, loc)
		pub.Questions = old
		if moved == base {
			t.Errorf("%s: a question added, the same key", p.Source)
		}
		return
	}
	t.Fatal("the sample site has no handbook with questions")
}
