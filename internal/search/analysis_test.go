package search

import (
	"bytes"
	"testing"
	"time"

	"bantin/internal/content"
	"bantin/internal/markdown"
	"bantin/internal/site"
	"bantin/internal/textstore"
	"bantin/internal/vi"
)

// decoded is an Analysis read back into maps, for tests.
type decoded struct {
	length    int
	syllables map[string]decodedKey
	pairs     map[[2]string]decodedPair
	fragment  string
}

type decodedKey struct {
	tf    int
	forms map[string]int
}

type decodedPair struct {
	tf     int
	titled bool
}

func decodeAnalysis(a *Analysis) decoded {
	out := decoded{length: a.length, syllables: map[string]decodedKey{}, pairs: map[[2]string]decodedPair{}, fragment: string(a.frag)}
	d := decoder{b: a.data, at: a.keysAt}
	var keys []string
	for range a.keys {
		dk := decodedKey{tf: d.count(), forms: map[string]int{}}
		k := ""
		for range d.count() {
			f := string(d.string())
			k = vi.Key(f)
			dk.forms[f] = d.count()
		}
		keys = append(keys, k)
		out.syllables[k] = dk
	}
	for _, k := range keys {
		for range d.count() {
			y, v := d.count(), d.count()
			out.pairs[[2]string{k, keys[y]}] = decodedPair{v >> 1, v&1 == 1}
		}
	}
	return out
}

// textPage is a page with its text and sections in a text store of its
// own, as a build makes them.
func textPage(title, plain string, secs ...markdown.Section) *site.Page {
	p := &site.Page{Title: title}
	site.Refresh(p, &content.Doc{}, site.StoreRendered(textstore.NewMem(), &markdown.Result{Plain: plain, Sections: secs}))
	return p
}

var samplePage = func() *site.Page {
	p := textPage("Hòa giải ở cơ sở", "Tổ hòa giải họp. Hòa giải viên lắng nghe, hoà giải.",
		markdown.Section{Title: "", Plain: "Tổ hòa giải họp."}, markdown.Section{ID: "buoc-1", Title: "Bước một", Plain: "Hòa giải viên lắng nghe, hoà giải."})
	p.RelPermalink = "/bai-viet/hoa-giai/"
	p.Date = time.Date(2022, 1, 21, 16, 58, 0, 0, time.UTC)
	p.Keywords = []string{"hoà giải"}
	p.Terms = map[string][]string{"tags": {"Dân vận khéo"}}
	return p
}()

// An analysis counts each field with its weight, keeps the exact forms
// (old and new tone placement are one form), marks the pairs of the
// title and headings, and holds the page's fragment.
func TestAnalyzeCountsFields(t *testing.T) {
	got := decodeAnalysis(Analyze(samplePage, time.UTC))
	// "hòa": title 4, keyword 2, body 3 (hòa, Hòa, hoà).
	if k := got.syllables["hoa"]; k.tf != 4+2+3 || k.forms["hoà"] != 5 || len(k.forms) != 1 {
		t.Errorf("hoa: %+v", k)
	}
	if k := got.syllables["buoc"]; k.tf != weightHeading {
		t.Errorf("buoc (a heading): %+v", k)
	}
	if k := got.syllables["van"]; k.tf != weightTerm || k.forms["vận"] != 1 {
		t.Errorf("van (a tag): %+v", k)
	}
	if p := got.pairs[[2]string{"hoa", "giai"}]; !p.titled || p.tf != 4+2+3*1 {
		t.Errorf("hoa giai: %+v", p)
	}
	if p := got.pairs[[2]string{"lang", "nghe"}]; p.titled || p.tf != 1 {
		t.Errorf("lang nghe: %+v", p)
	}
	if _, ok := got.pairs[[2]string{"nghe", "hoa"}]; ok {
		t.Error("a comma breaks a pair")
	}
	if got.length != 11 {
		t.Errorf("length %d, want 11 body tokens", got.length)
	}
	if want := string(fragment(samplePage, samplePage.Sections(), samplePage.Questions(), time.UTC)); got.fragment != want || want == "" {
		t.Errorf("fragment %s, want %s", got.fragment, want)
	}
}

// The binary form reads back to the same analysis, and the same page
// gives the same bytes.
func TestAnalysisRoundTrip(t *testing.T) {
	a := Analyze(samplePage, time.UTC)
	data, err := a.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	b, err := UnmarshalAnalysis(data)
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := b.MarshalBinary(); !bytes.Equal(again, data) {
		t.Error("marshal, unmarshal, marshal changed the bytes")
	}
	if again, _ := Analyze(samplePage, time.UTC).MarshalBinary(); !bytes.Equal(again, data) {
		t.Error("the same page analysed twice gives other bytes")
	}
	if decodeAnalysis(b).syllables["hoa"].tf != 9 {
		t.Error("the unmarshalled analysis lost its counts")
	}
}

// Every cut of a valid form, a foreign form and flipped bytes are
// errors, never a panic.
func TestUnmarshalAnalysisRejectsDamage(t *testing.T) {
	data, _ := Analyze(samplePage, time.UTC).MarshalBinary()
	for n := range len(data) {
		if _, err := UnmarshalAnalysis(data[:n]); err == nil {
			t.Fatalf("cut at %d of %d bytes: no error", n, len(data))
		}
	}
	if _, err := UnmarshalAnalysis([]byte("not an analysis")); err == nil {
		t.Error("a foreign form: no error")
	}
	if _, err := UnmarshalAnalysis(append(bytes.Clone(data), 0)); err == nil {
		t.Error("a trailing byte: no error")
	}
	for i := range data {
		damaged := bytes.Clone(data)
		damaged[i] ^= 0x80
		UnmarshalAnalysis(damaged) // an error or another valid analysis, never a panic
	}
}

// FuzzUnmarshalAnalysis: any bytes are an error or an analysis that the
// index takes without a panic.
func FuzzUnmarshalAnalysis(f *testing.F) {
	data, _ := Analyze(samplePage, time.UTC).MarshalBinary()
	f.Add(data)
	f.Add([]byte{analysisFormat, 0, 0, 0, 0})
	f.Add([]byte{analysisFormat, 1, 2, 4, 1, 1, 'a', 1, 4, 2, 1, 'a', 1, 'b', 1, 1, 1, 9, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := UnmarshalAnalysis(data)
		if err != nil {
			return
		}
		shardFiles(buildIndex(heldAnalyses{a, a}), func(string, []byte) uint64 { return 0 })
	})
}
