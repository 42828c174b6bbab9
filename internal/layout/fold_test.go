package layout

import (
	"html/template"
	"strings"
	"sync"
	"testing"
	"text/template/parse"

	"bantin/internal/site"
	"bantin/internal/textstore"
)

// foldCases are constant actions in every context html/template escapes
// differently, with a UI string holding every character that needs it.
const foldPage = `<!DOCTYPE html><html><head><title>{{ T "x" }}</title>
<style>p::before { content: "{{ T "x" }}"; }</style>
<script>var a = {{ T "x" }}, b = "{{ T "x" }}", c = {{ 3 }};</script>
</head><body>
<p title="{{ T "x" }}" data-n={{ T "x" }} onclick="f({{ T "x" }})">{{ T "x" }} {{ T "n" 3 }} {{ "lit<>" }} {{ safeHTML "<i>i</i>" }}</p>
<a href="{{ relURL "/bài viết/?q=a b&c=đ" }}">{{ absURL "/x/" }}</a> <a href="/tim?q={{ T "x" }}">q</a>
<img srcset="{{ relURL "/a b.png" }} 2x"><textarea>{{ T "x" }}</textarea>
{{ if .Title }}{{ T "x" | urlquery }}{{ else }}{{ printf "%d-%s" 5 "<" }}{{ end }}
{{ range .Related }}{{ T "x" }}{{ .Title }}{{ end }}{{ template "partials/p.html" . }}{{ partial "p.html" . }}
<a href="{{ .RelPermalink }}" title="{{ .Title }}" data-n="{{ .WordCount }}">{{ .Title }} {{ .WordCount }} {{ .Date }}</a>
<a href="{{ safeURL .Permalink }}">{{ .Content }}</a><a href="{{ .Permalink }}">{{ safeHTML .Title }}</a>
<!-- {{ T "x" }} --></body></html>`

const foldPartial = `<span class="{{ T "x" }}">{{ .Title }} {{ T "n" 7 }}</span>`

const foldStrings = "x = \"<b>\\\"Đ\\\" & 'c' / \\\\ </script>\"\nn = \"%d người\"\n"

func TestFoldWritesWhatActionsWrite(t *testing.T) {
	tm, s := load(t, map[string]string{
		"layouts/_default/single.html": foldPage,
		"layouts/partials/p.html":      foldPartial,
		"layouts/i18n/vi.toml":         foldStrings,
	}, "vi")
	p := &site.Page{Kind: site.KindPage, Title: "<Bài> + 'x'", Site: s, RelPermalink: "/bài viết/(1)/?a=1&b=%zz", Permalink: "javascript:alert(1)", WordCount: 1200, ContentText: site.StoreText(textstore.NewMem(), "<p>Đ &amp; x</p>")}
	p.Related = []*site.Page{{Title: "A&B"}, {Title: "C"}}
	got, problem := tm.Execute(p)
	if problem != nil {
		t.Fatal(problem)
	}
	// The same files, parsed and escaped by html/template alone.
	ref := template.New("_default/single.html").Funcs(tm.funcs)
	ref.Funcs(template.FuncMap{"partial": func(string, any) (template.HTML, error) {
		var b strings.Builder
		err := ref.ExecuteTemplate(&b, "partials/p.html", p)
		return template.HTML(b.String()), err
	}})
	template.Must(ref.Parse(foldPage))
	template.Must(ref.New("partials/p.html").Parse(foldPartial))
	var want strings.Builder
	if err := ref.ExecuteTemplate(&want, "_default/single.html", p); err != nil {
		t.Fatal(err)
	}
	if string(got) != want.String() {
		t.Errorf("folded output differs:\ngot  %s\nwant %s", got, want.String())
	}
	if !strings.Contains(string(got), "7 người") || !strings.Contains(string(got), "&lt;b&gt;") {
		t.Errorf("the strings were not used:\n%s", got)
	}
}

// Every constant action is gone from the trees pages run: T, relURL,
// absURL, printf, literals; the actions that read the page stay.
func TestFoldRemovesConstantActions(t *testing.T) {
	tm, _ := load(t, map[string]string{
		"layouts/_default/single.html": foldPage,
		"layouts/partials/p.html":      foldPartial,
		"layouts/i18n/vi.toml":         foldStrings,
	}, "vi")
	tm.composed["_default/single.html"].ready()
	set := tm.composed["_default/single.html"].set
	left := map[string]int{}
	for _, name := range []string{"_default/single.html", "partials/p.html"} {
		countActions(set.Lookup(name).Tree.Root, left)
	}
	for _, call := range []string{"T", "relURL", "absURL", "printf", "literal"} {
		if left[call] != 0 {
			t.Errorf("%d actions of %s left", left[call], call)
		}
	}
	if left["field"] != 10 || left["partial"] != 1 || left["safeURL"] != 1 || left["safeHTML"] != 1 {
		t.Errorf("actions left: %v, want the ten fields, the partial call, and safeURL and safeHTML of a field", left)
	}
}

// countActions counts the printed actions under n by what their first
// command is: a function's name, "field" or "literal".
func countActions(n parse.Node, count map[string]int) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			countActions(c, count)
		}
	case *parse.ActionNode:
		switch first := n.Pipe.Cmds[0].Args[0].(type) {
		case *parse.IdentifierNode:
			count[first.Ident]++
		case *parse.FieldNode:
			count["field"]++
		default:
			count["literal"]++
		}
	case *parse.IfNode:
		countActions(n.List, count)
		countActions(n.ElseList, count)
	case *parse.RangeNode:
		countActions(n.List, count)
		countActions(n.ElseList, count)
	case *parse.WithNode:
		countActions(n.List, count)
		countActions(n.ElseList, count)
	}
}

// An action that fails is left in place and fails with its position when
// a page runs it; a template html/template cannot escape is reported as
// before (these are the messages bantin gave before folding).
func TestFoldLeavesErrorsToExecute(t *testing.T) {
	for _, c := range []struct{ page, want string }{
		{"<p>\n  {{ relURL 3 }}</p>", `layouts/_default/single.html:2:13: error: executing "_default/single.html" at <3>: expected string; found 3`},
		{`<p title="{{ T "x" }}>`, "layouts: error: html/template:_default/single.html: ends in a non-text context: {stateAttr delimDoubleQuote"},
	} {
		tm, s := load(t, map[string]string{"layouts/_default/single.html": c.page}, "vi")
		_, problem := tm.Execute(&site.Page{Kind: site.KindPage, Title: "x", Site: s})
		if problem == nil || !strings.HasPrefix(problem.String(), c.want) {
			t.Errorf("%q: problem %v, want it at %s", c.page, problem, c.want)
		}
	}
}

// Pages rendered at once by many goroutines, before any set has run: the
// first to run a set folds it, the others wait, and all write the same
// (run with -race).
func TestFoldOnceUnderConcurrentPages(t *testing.T) {
	tm, s := load(t, map[string]string{
		"layouts/_default/single.html": foldPage,
		"layouts/partials/p.html":      foldPartial,
		"layouts/i18n/vi.toml":         foldStrings,
	}, "vi")
	p := &site.Page{Kind: site.KindPage, Title: "Bài", Site: s, RelPermalink: "/a/"}
	outs := make([]string, 16)
	var wg sync.WaitGroup
	for i := range outs {
		wg.Go(func() {
			html, problem := tm.Execute(p)
			if problem != nil {
				t.Error(problem)
			}
			outs[i] = string(html)
		})
	}
	wg.Wait()
	for i := range outs {
		if outs[i] != outs[0] || !strings.Contains(outs[i], "7 người") {
			t.Fatalf("render %d differs:\n%s\nfirst:\n%s", i, outs[i], outs[0])
		}
	}
}
