package corpus

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// digest hashes every file of fsys, names and contents, in name order.
func digest(fsys fstest.MapFS) string {
	var names []string
	for n := range fsys {
		names = append(names, n)
	}
	sort.Strings(names)
	h := sha256.New()
	for _, n := range names {
		fmt.Fprintf(h, "%s\x00%s\x00", n, fsys[n].Data)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// The corpora of the existing benchmarks stay what they were when the
// options for sitebench were added: figures stay comparable over time.
func TestDefaultCorporaUnchanged(t *testing.T) {
	for _, c := range []struct {
		opts Options
		want string
	}{
		{Options{Pages: 500}, "622ee8f8cd654bdced65c16666b91795ff4325ad528ce9003bfa74ec576059bb"},
		{Options{Pages: 300, Vocabulary: 6000}, "700b7ef6e84cab39f2300e4a4e710e8172f7599c4267811d60ef817214134fe3"},
		{Options{Pages: 200, Tags: 30}, "1228047259a49a9a801d5b1037d348d6dfbc0c1d9cab003991026f6f92ebf687"},
	} {
		if got := digest(Generate(c.opts)); got != c.want {
			t.Errorf("%+v: digest %s, want %s", c.opts, got, c.want)
		}
	}
}

// bodyWords counts the words after the front matter.
func bodyWords(page string) int {
	_, body, _ := strings.Cut(strings.TrimPrefix(page, "+++\n"), "+++\n")
	return len(strings.Fields(body))
}

func TestBenchShape(t *testing.T) {
	fsys := Generate(Bench(400))
	kinds := map[string]int{}
	for name, f := range fsys {
		section, ok := strings.CutPrefix(name, "content/")
		if !ok {
			continue
		}
		section, _, _ = strings.Cut(section, "/")
		kinds[section]++
		if section == "to-gap" {
			continue
		}
		// The last section may pass the length; Markdown adds list
		// marks and "##", the table and code a few more.
		if n := bodyWords(string(f.Data)); n < 300 || n > 1800 {
			t.Errorf("%s: %d words, want 300–1,500, a section and some markup", name, n)
		}
	}
	if kinds["bai-viet"] != 340 || kinds["to-gap"] != 20 || kinds["so-tay"] != 20 || kinds["ban-tin"] != 20 {
		t.Errorf("kinds %v, want 85 %% articles and 5 %% of each other kind", kinds)
	}
}

// Write puts the same files as Generate on disk, and the Hugo project.
func TestWrite(t *testing.T) {
	dir := t.TempDir()
	opts := Bench(30)
	if err := Write(opts, dir); err != nil {
		t.Fatal(err)
	}
	for name, f := range Generate(opts) {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || string(got) != string(f.Data) {
			t.Errorf("%s: written differently (%v)", name, err)
		}
	}
	for name, text := range HugoProject() {
		got, err := os.ReadFile(filepath.Join(dir, HugoDir, name))
		if err != nil || string(got) != text {
			t.Errorf("hugo/%s: written differently (%v)", name, err)
		}
	}
}

// No page of a large corpus is dated in the future, where a build would
// leave it out.
func TestDatesStayInThePast(t *testing.T) {
	if got := dateOf(99999, 100000); !got.Before(lastDate) {
		t.Errorf("last of 100,000 pages dated %v", got)
	}
	if got, want := dateOf(9999, 10000), firstDate.Add(9999*3*time.Hour); !got.Equal(want) {
		t.Errorf("10,000 pages: last dated %v, want %v (three hours apart)", got, want)
	}
}
