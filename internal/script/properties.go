package script

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"
)

var (
	// regexLiteral matches what looks like a regular expression literal:
	// its body and its flags. Only those with \p{ in them are rewritten.
	regexLiteral = regexp.MustCompile(`/((?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n\[])+)/([dgimsuyv]*)`)
	// propertyClass is a [...] class of properties only, or one property.
	propertyClass = regexp.MustCompile(`\[(?:\\p\{\w+\})+\]|\\p\{\w+\}`)
	propertyName  = regexp.MustCompile(`\\p\{(\w+)\}`)
	anyClass      = regexp.MustCompile(`\[(?:\\.|[^\]\\])*\]`)
	onlyProps     = regexp.MustCompile(`^\[(?:\\p\{\w+\})+\]$`)
)

// prefix starts the names the rewrite declares; a script that uses it
// cannot be rewritten.
const prefix = "bantinUnicode"

// rewrite is what rewriteProperties made of a script: declarations to put
// before it, on its first line, and the script itself with its \p{…}
// literals replaced.
type rewrite struct {
	prelude, body string
}

// rewriteProperties replaces the regular expression literals of src that
// use \p{…} with regular expressions built from explicit ranges, without
// the u flag. Each property's ranges are one string, declared once in the
// prelude however many literals use it (the letters alone are ~12 KB). A
// literal without the g or y flag becomes one shared RegExp made in the
// prelude (it keeps no state between uses); one with g or y becomes
// new RegExp(source, flags) where it stood, as the literal made a fresh
// object each time it was evaluated.
func rewriteProperties(src string) (rewrite, error) {
	if strings.Contains(src, prefix) {
		return rewrite{}, fmt.Errorf("the name %s… is reserved for rewritten \\p{…} classes", prefix)
	}
	r := &rewriter{props: map[string]bool{}}
	body := regexLiteral.ReplaceAllStringFunc(src, r.literal)
	if r.problem == nil && (strings.Contains(body, `\p{`) || strings.Contains(body, `\P{`)) {
		r.problem = fmt.Errorf("a \\p{…} outside a regular expression literal cannot be lowered")
	}
	if r.problem != nil {
		return rewrite{}, r.problem
	}
	return rewrite{prelude: r.prelude(), body: body}, nil
}

// rewriter collects, literal by literal, the properties used and the
// declarations the prelude needs.
type rewriter struct {
	props   map[string]bool
	decls   []string // var declarations of sources and shared RegExps, in order
	problem error
}

// literal rewrites one regular expression literal, or returns it as it is.
func (r *rewriter) literal(lit string) string {
	m := regexLiteral.FindStringSubmatch(lit)
	body, flags := m[1], m[2]
	if !strings.Contains(body, `\p{`) && !strings.Contains(body, `\P{`) {
		return lit
	}
	if err := lowerable(body, flags); err != nil {
		r.fail(err)
		return lit
	}
	flags = strings.ReplaceAll(flags, "u", "")
	source := r.source(body)
	n := len(r.decls)
	if strings.ContainsAny(flags, "gy") {
		r.decls = append(r.decls, fmt.Sprintf("%sSource%d=%s", prefix, n, source))
		return fmt.Sprintf("new RegExp(%sSource%d,%s)", prefix, n, quote(flags))
	}
	r.decls = append(r.decls, fmt.Sprintf("%sRegExp%d=new RegExp(%s,%s)", prefix, n, source, quote(flags)))
	return fmt.Sprintf("%sRegExp%d", prefix, n)
}

// lowerable says why a literal's \p{…} classes cannot be rewritten.
func lowerable(body, flags string) error {
	if strings.Contains(flags, "v") {
		return fmt.Errorf("regular expression /%s/%s: the v flag cannot be lowered", body, flags)
	}
	for _, class := range anyClass.FindAllString(body, -1) {
		if strings.Contains(class, `\p{`) && !onlyProps.MatchString(class) {
			return fmt.Errorf("regular expression /%s/: only whole classes of \\p{…} can be lowered, not %s", body, class)
		}
	}
	rest := propertyClass.ReplaceAllString(body, "")
	if strings.Contains(rest, `\p{`) || strings.Contains(rest, `\P{`) {
		return fmt.Errorf("regular expression /%s/: only whole classes of \\p{…} can be lowered", body)
	}
	for _, n := range propertyName.FindAllStringSubmatch(body, -1) {
		if properties[n[1]] == nil {
			return fmt.Errorf("regular expression /%s/: unknown Unicode property \\p{%s}", body, n[1])
		}
	}
	return nil
}

// source is a JavaScript expression for body as a RegExp source: its text
// quoted, each property class a reference to the property's string.
func (r *rewriter) source(body string) string {
	var parts []string
	at := 0
	for _, loc := range propertyClass.FindAllStringIndex(body, -1) {
		if loc[0] > at {
			parts = append(parts, quote(body[at:loc[0]]))
		}
		var names []string
		for _, n := range propertyName.FindAllStringSubmatch(body[loc[0]:loc[1]], -1) {
			r.props[n[1]] = true
			names = append(names, prefix+n[1])
		}
		if len(names) == 1 {
			parts = append(parts, names[0])
		} else {
			parts = append(parts, `"(?:"+`+strings.Join(names, `+"|"+`)+`+")"`)
		}
		at = loc[1]
	}
	if at < len(body) {
		parts = append(parts, quote(body[at:]))
	}
	return strings.Join(parts, "+")
}

// prelude declares each property's string, then the sources and RegExps,
// in one var statement on one line (so the script's lines keep their
// numbers).
func (r *rewriter) prelude() string {
	if len(r.decls) == 0 {
		return ""
	}
	var names []string
	for n := range r.props {
		names = append(names, n)
	}
	sort.Strings(names)
	var decls []string
	for _, n := range names {
		decls = append(decls, prefix+n+"="+prefix+"Ranges("+quote(encodeRanges(merge(tableRanges(properties[n]))))+")")
	}
	return decoder + "var " + strings.Join(append(decls, r.decls...), ",") + ";"
}

func (r *rewriter) fail(err error) {
	if r.problem == nil {
		r.problem = err
	}
}

// quote is s as a JavaScript string literal (JSON's, which escapes U+2028
// and U+2029 too).
func quote(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(b.String(), "\n")
}
