package layout

import (
	"bytes"
	"html/template"
	"io"
	"strconv"
	"strings"
	"text/template/parse"
)

// Constant folding: a printed action whose value is the same on every page
// ({{ T "share" }}, {{ relURL "/css/bantin.css" }}) is evaluated once,
// when its set of templates first runs, and replaced by the text it
// writes, so that pages do not call a function and the escapers
// html/template put after it (three reflected calls for a URL in an
// attribute) for a fixed string. Every page renders some thirty of them in
// the default theme.
//
// It works on the trees html/template escaped, never before: what an
// action writes depends on its context (text, attribute, URL, script,
// style), and only the escaper's pipeline knows it. So every template a
// set can execute — its entry and each partial — is escaped first, then
// each action that qualifies is run through the set's own escapers (the
// fold template) and its output put in its place. The bytes written are
// the ones the action would have written.
//
// An action qualifies when it declares no variable, its first command is a
// literal or a call of a function of foldable with literal arguments, every
// later command is such a function or an escaper, and its last command is
// one of html/template's escapers: proof that the tree was escaped, since
// escapers are never written by hand. An action that fails to evaluate is
// left as it is, to fail with its position when a page runs it.

// foldable are the template functions whose result depends on their
// arguments alone and that do nothing else: no page data, no files
// published, no cache. Builtins of text/template that qualify are listed
// too.
var foldable = map[string]bool{
	"T": true, "relURL": true, "absURL": true, "slugify": true, "truncate": true,
	"numberVI": true, "add": true, "sub": true, "safeHTML": true, "safeURL": true,
	"urlBreaks": true, "demoteHeadings": true, "hasPrefix": true,
	"print": true, "printf": true, "println": true, "html": true, "js": true, "urlquery": true,
}

// escaperPrefix starts the names of the functions html/template adds to
// actions when it escapes them.
const escaperPrefix = "_html_template_"

// Names of the templates folding adds to a set. They hold a space, which
// a template of the site cannot reach by name by mistake.
const (
	escapeRoots = "bantin escape"
	foldName    = "bantin fold"
)

// prepareFold adds to set what folding needs before set runs: a template
// that mentions every root in a branch never taken (executing it escapes
// the roots and every template they reach, and runs nothing), and the
// template that evaluates actions. It must be called before set executes.
func prepareFold(set *template.Template, roots []string) error {
	all := "{{ if false }}"
	for _, root := range roots {
		all += `{{ template ` + strconv.Quote(root) + ` . }}`
	}
	if _, err := set.New(escapeRoots).Parse(all + "{{ end }}"); err != nil {
		return err
	}
	_, err := set.New(foldName).Parse(`{{ if false }}{{ end }}`)
	return err
}

// foldConstants escapes every root of set (see prepareFold) and replaces
// the constant actions of every template escaped, and, when fuse is true,
// the escapers of the others by fused ones (escapers.go). When a root
// cannot be escaped, nothing is: the set runs as html/template made it,
// and Execute reports the error as it always did.
func foldConstants(set *template.Template, roots []string, fuse bool) {
	// One escaping for all: html/template's commit after each escaping
	// goes over every template escaped so far, so root by root would cost
	// the square of their number.
	if set.ExecuteTemplate(io.Discard, escapeRoots, nil) != nil {
		return
	}
	fold := set.Lookup(foldName)
	if fold == nil || fold.Execute(io.Discard, nil) != nil {
		return
	}
	f := &folder{fold: fold, fuse: fuse}
	for _, t := range set.Templates() {
		if t.Tree != nil && t.Tree.Root != nil && t != fold {
			f.list(t.Tree.Root)
		}
	}
	fold.Tree.Root = &parse.ListNode{NodeType: parse.NodeList}
}

// folder folds the actions of trees with the fold template.
type folder struct {
	fold *template.Template
	fuse bool // replace the escapers of the actions left (escapers.go)
	buf  bytes.Buffer
}

// list folds the constant actions of l and of the lists inside it, then
// joins neighbouring texts.
func (f *folder) list(l *parse.ListNode) {
	if l == nil {
		return
	}
	for i, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.ActionNode:
			if text, ok := f.eval(n); ok {
				l.Nodes[i] = &parse.TextNode{NodeType: parse.NodeText, Pos: n.Pos, Text: text}
			} else if f.fuse {
				fuseEscapers(n)
			}
		case *parse.IfNode:
			f.list(n.List)
			f.list(n.ElseList)
		case *parse.WithNode:
			f.list(n.List)
			f.list(n.ElseList)
		case *parse.RangeNode:
			f.list(n.List)
			f.list(n.ElseList)
		case *parse.ListNode:
			f.list(n)
		}
	}
	l.Nodes = joinTexts(l.Nodes)
}

// eval returns what the constant action a writes, and false when a is not
// constant or fails.
func (f *folder) eval(a *parse.ActionNode) ([]byte, bool) {
	if !constant(a.Pipe) {
		return nil, false
	}
	f.fold.Tree.Root = &parse.ListNode{NodeType: parse.NodeList, Pos: a.Pos, Nodes: []parse.Node{a}}
	f.buf.Reset()
	if err := f.fold.Execute(&f.buf, nil); err != nil {
		return nil, false
	}
	return bytes.Clone(f.buf.Bytes()), true
}

// constant reports whether pipe's value is fixed before any page runs
// and pipe was escaped (see the comment at the top of this file).
func constant(pipe *parse.PipeNode) bool {
	if pipe == nil || len(pipe.Decl) > 0 || pipe.IsAssign || len(pipe.Cmds) < 2 {
		return false
	}
	for i, cmd := range pipe.Cmds {
		if len(cmd.Args) == 0 {
			return false
		}
		id, isCall := cmd.Args[0].(*parse.IdentifierNode)
		switch {
		case isCall && strings.HasPrefix(id.Ident, escaperPrefix):
		case isCall && foldable[id.Ident]:
		case i == 0 && len(cmd.Args) == 1 && literal(cmd.Args[0]):
		default:
			return false
		}
		for _, arg := range cmd.Args[1:] {
			if !literal(arg) {
				return false
			}
		}
	}
	last := pipe.Cmds[len(pipe.Cmds)-1].Args[0]
	id, ok := last.(*parse.IdentifierNode)
	return ok && strings.HasPrefix(id.Ident, escaperPrefix)
}

func literal(n parse.Node) bool {
	switch n.(type) {
	case *parse.StringNode, *parse.NumberNode, *parse.BoolNode:
		return true
	}
	return false
}

// joinTexts merges neighbouring text nodes into one, so that a page walks
// one node where folding left several.
func joinTexts(nodes []parse.Node) []parse.Node {
	out := nodes[:0]
	for _, n := range nodes {
		t, ok := n.(*parse.TextNode)
		if ok && len(out) > 0 {
			if prev, ok := out[len(out)-1].(*parse.TextNode); ok {
				joined := append(append(make([]byte, 0, len(prev.Text)+len(t.Text)), prev.Text...), t.Text...)
				out[len(out)-1] = &parse.TextNode{NodeType: parse.NodeText, Pos: prev.Pos, Text: joined}
				continue
			}
		}
		out = append(out, n)
	}
	return out
}
