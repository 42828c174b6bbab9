package layout

import (
	"html/template"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"text/template/parse"
	"time"
)

// Each fused escaper writes what html/template writes in its context, for
// hostile strings, random bytes and values of other types.
func TestFusedEscapersMatchHTMLTemplate(t *testing.T) {
	fused, ok := fusedEscapers()
	if !ok {
		t.Fatal("html/template no longer escapes with the chains fused")
	}
	values := []any{"", "Dân vận khéo", `"quoted" & 'single' <b>+</b> C++`, "\x00nul", "bad \xff utf-8 \ufdd0",
		"/bai-viet/dân vận/?q=a b&c=đ#x", "javascript:alert(1)", "JavaScript:x", "HTTPS://A.VN/(x)", "mailto:a@b.vn",
		"/a%2Fb%zz%4", "/%", "/a?x=1&y='2'", "//host/p;q=[1]", "data:text/html,<b>", "/x:y/z", "?:a",
		template.HTML("<b>đậm</b> & x"), template.URL("javascript:ok()"), template.HTMLAttr(`a="b"`), template.JS("x<y"),
		42, -7, 3.5, true, nil, time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), []string{"a", "<b>"}}
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		b := make([]byte, r.IntN(24))
		const alphabet = "aZ9-._~%:/?#[]@!$&'()*+,;= <>\"\x00\xc3\xa2\xff"
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		values = append(values, string(b))
	}
	for _, c := range fusedChains {
		ref := template.Must(template.New(c.name).Parse(c.before + "{{ . }}" + c.after))
		for _, v := range values {
			var want strings.Builder
			wantErr := ref.Execute(&want, v)
			got, err := fused[c.name].(func(any) (string, error))(v)
			if (err != nil) != (wantErr != nil) || c.before+got+c.after != want.String() {
				t.Errorf("%s(%#v) = %q, %v; html/template writes %q, %v", c.name, v, got, err, want.String(), wantErr)
			}
		}
	}
}

// The escapers of the theme's actions are fused: in the trees an article
// runs, most actions end with a fused escaper, and none with a chain that
// could have been.
func TestThemeEscapersFused(t *testing.T) {
	tm, _ := load(t, nil, "vi")
	tm.composed["_default/single.html"].ready()
	set := tm.composed["_default/single.html"].set
	fusedN, unfused := 0, 0
	for _, tmpl := range set.Templates() {
		if tmpl.Tree == nil {
			continue
		}
		eachAction(tmpl.Tree.Root, func(a *parse.ActionNode) {
			names := escaperNames(a.Pipe)
			for _, c := range fusedChains {
				if slices.Equal(names, c.chain) && len(names) < len(a.Pipe.Cmds) {
					unfused++
				}
			}
			last := a.Pipe.Cmds[len(a.Pipe.Cmds)-1].Args[0]
			if id, ok := last.(*parse.IdentifierNode); ok && strings.HasPrefix(id.Ident, "_bantin_") {
				fusedN++
			}
		})
	}
	if unfused != 0 || fusedN < 30 {
		t.Errorf("%d actions with fused escapers, %d left with a chain that could be", fusedN, unfused)
	}
}

func eachAction(n parse.Node, f func(*parse.ActionNode)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				eachAction(c, f)
			}
		}
	case *parse.ActionNode:
		f(n)
	case *parse.IfNode:
		eachAction(n.List, f)
		eachAction(n.ElseList, f)
	case *parse.RangeNode:
		eachAction(n.List, f)
		eachAction(n.ElseList, f)
	case *parse.WithNode:
		eachAction(n.List, f)
		eachAction(n.ElseList, f)
	}
}
