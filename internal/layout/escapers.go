package layout

import (
	"html/template"
	"slices"
	"strings"
	"text/template/parse"
)

// Fused escapers: html/template ends every printed action with the
// escapers of its context, functions of variadic ...any that text/template
// calls through reflection one after the other: three calls for a URL in
// an href, each packing its argument into a new slice. After escaping (see
// fold.go), the common chains are replaced by one function of one
// argument that does the same work:
//
//	_html_template_htmlescaper                 → _bantin_html      (text)
//	_html_template_attrescaper                 → _bantin_attr      (a quoted attribute)
//	_html_template_urlfilter | …urlnormalizer | …attrescaper → _bantin_url (an href or src)
//
// A plain string, by far the most common value, is escaped here, exactly
// as html/template escapes it (and template.HTML in text passes as it is);
// any other value goes through html/template itself, in a small template
// whose action has the same chain (escaperFallback), so that typed values
// (template.URL, numbers, times) come out as they always did.

// fusedChains are the chains replaced, by the name of the function that
// replaces each, with a template whose one action has that chain.
var fusedChains = []struct {
	name   string
	chain  []string
	before string // the fallback template: before, the action, after
	after  string
	fast   func(string) string
}{
	{"_bantin_html", []string{"_html_template_htmlescaper"}, "", "", escapeHTMLText},
	{"_bantin_attr", []string{"_html_template_attrescaper"}, `<a title="`, `">`, escapeHTMLText},
	{"_bantin_url", []string{"_html_template_urlfilter", "_html_template_urlnormalizer", "_html_template_attrescaper"}, `<a href="`, `">`, escapeURLAttr},
}

// escaperFallback is html/template escaping a value in one context: a
// template of one action whose escapers are the chain fused.
type escaperFallback struct {
	tmpl          *template.Template
	before, after string
}

func (f escaperFallback) escape(v any) (string, error) {
	var b strings.Builder
	if err := f.tmpl.Execute(&b, v); err != nil {
		return "", err
	}
	return strings.TrimSuffix(strings.TrimPrefix(b.String(), f.before), f.after), nil
}

// fusedEscapers returns the functions that replace the chains, and false
// when html/template does not escape the fallback templates with the
// chains listed (a Go release that changed them): then nothing is fused.
func fusedEscapers() (template.FuncMap, bool) {
	funcs := template.FuncMap{}
	for _, c := range fusedChains {
		tmpl, err := template.New(c.name).Parse(c.before + "{{ . }}" + c.after)
		if err != nil || tmpl.Execute(&strings.Builder{}, "") != nil {
			return nil, false
		}
		action, ok := firstAction(tmpl.Tree.Root)
		if !ok || !slices.Equal(escaperNames(action.Pipe), c.chain) {
			return nil, false
		}
		fallback := escaperFallback{tmpl: tmpl, before: c.before, after: c.after}
		fast, isText := c.fast, c.name == "_bantin_html"
		funcs[c.name] = func(v any) (string, error) {
			switch v := v.(type) {
			case string:
				return fast(v), nil
			case template.HTML:
				if isText {
					return string(v), nil
				}
			}
			return fallback.escape(v)
		}
	}
	return funcs, true
}

func firstAction(l *parse.ListNode) (*parse.ActionNode, bool) {
	for _, n := range l.Nodes {
		if a, ok := n.(*parse.ActionNode); ok {
			return a, true
		}
	}
	return nil, false
}

// escaperNames are the names of the escapers that end pipe, in order.
func escaperNames(pipe *parse.PipeNode) []string {
	var names []string
	for i := len(pipe.Cmds) - 1; i >= 0; i-- {
		cmd := pipe.Cmds[i]
		id, ok := cmd.Args[0].(*parse.IdentifierNode)
		if !ok || len(cmd.Args) != 1 || !strings.HasPrefix(id.Ident, escaperPrefix) {
			break
		}
		names = append([]string{id.Ident}, names...)
	}
	return names
}

// fuseEscapers replaces, in an escaped action, the escapers that end its
// pipeline by one function when they are one of fusedChains. A pipeline of only escapers (an
// escaper given arguments, as {{ html .A .B }} becomes) is left alone.
func fuseEscapers(a *parse.ActionNode) {
	pipe := a.Pipe
	if len(pipe.Decl) > 0 {
		return
	}
	names := escaperNames(pipe)
	if len(names) == len(pipe.Cmds) {
		return
	}
	for _, c := range fusedChains {
		if !slices.Equal(names, c.chain) {
			continue
		}
		first := pipe.Cmds[len(pipe.Cmds)-len(c.chain)]
		id := parse.NewIdentifier(c.name).SetPos(first.Pos)
		cmd := &parse.CommandNode{NodeType: parse.NodeCommand, Pos: first.Pos, Args: []parse.Node{id}}
		pipe.Cmds = append(pipe.Cmds[:len(pipe.Cmds)-len(c.chain)], cmd)
		return
	}
}

// escapeHTMLText escapes s as html/template escapes text and quoted
// attribute values.
func escapeHTMLText(s string) string {
	if !strings.ContainsAny(s, "\x00\"&'+<>") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	writeHTMLText(&b, s)
	return b.String()
}

// escapeURLAttr is what html/template writes for a string that is a whole
// URL attribute (href="{{ . }}"): a scheme other than http, https or
// mailto becomes "#ZgotmplZ"; bytes a URL may not hold are percent-encoded
// (a valid %XX escape stays); then & and + are HTML-escaped.
func escapeURLAttr(s string) string {
	if protocol, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(protocol, "/") {
		if !strings.EqualFold(protocol, "http") && !strings.EqualFold(protocol, "https") && !strings.EqualFold(protocol, "mailto") {
			return "#ZgotmplZ"
		}
	}
	if urlKeepsAll(s) && !strings.ContainsAny(s, "&+") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	const hex = "0123456789abcdef"
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '&':
			b.WriteString("&amp;")
		case c == '+':
			b.WriteString("&#43;")
		case urlKeeps(s, i):
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

// urlKeeps reports whether html/template's URL normalizer leaves s[i] as
// it is: RFC 3986's reserved and unreserved characters but ' ( ), and a
// % that starts a valid escape.
func urlKeeps(s string, i int) bool {
	c := s[i]
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	case c == '%':
		return i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2])
	}
	return strings.IndexByte("!#$&*+,/:;=?@[]-._~", c) >= 0
}

func urlKeepsAll(s string) bool {
	for i := range len(s) {
		if !urlKeeps(s, i) {
			return false
		}
	}
	return true
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
