package layout

import (
	"fmt"
	"html/template"
	"strings"
	"testing"
)

// A partial's fragments stay within twice the budget however many keys
// it sees; what was put last is found; a fragment found in the older
// generation survives the next turn; forget drops a key from both.
func TestFragmentsAreBounded(t *testing.T) {
	f := newFragments()
	f.budget = 10_000
	html := func(i int) template.HTML {
		return template.HTML(fmt.Sprintf("<li>%d%s</li>", i, strings.Repeat("x", 90)))
	}
	key := func(i int) string { return fmt.Sprintf("/bai-viet/%d/", i) }
	for i := range 5000 {
		f.put("page-item.html", key(i), html(i))
		if i%7 == 0 { // a fragment in use: asked for again and again
			if got, ok := f.get("page-item.html", key(0)); !ok || got != html(0) {
				t.Fatalf("after %d puts, the fragment in use is gone", i)
			}
		}
	}
	g := f.byName["page-item.html"]
	held := 0
	for _, m := range []map[string]template.HTML{g.cur, g.old} {
		for k, h := range m {
			held += len(k) + len(h)
		}
	}
	if held > 2*f.budget+200 {
		t.Errorf("%d bytes held for a budget of %d", held, f.budget)
	}
	if got, ok := f.get("page-item.html", key(4999)); !ok || got != html(4999) {
		t.Errorf("the last fragment put: %q %v", got, ok)
	}
	if _, ok := f.get("page-item.html", key(10)); ok {
		t.Error("an old fragment nobody asked for again is still held")
	}
	out, found := make([]template.HTML, 2), make([]bool, 2)
	f.getAll("page-item.html", []string{key(4998), key(11)}, out, found)
	if !found[0] || out[0] != html(4998) || found[1] {
		t.Errorf("getAll: %v %v", found, out)
	}
	f.forget(key(4999))
	if _, ok := f.get("page-item.html", key(4999)); ok {
		t.Error("forget kept the fragment")
	}
}
