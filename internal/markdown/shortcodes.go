package markdown

import (
	"bytes"
	"html/template"
	"strconv"
	"strings"
	"unicode/utf8"

	"bantin/internal/diag"
	"bantin/internal/shortcode"

	"golang.org/x/net/html"
)

// MaxShortcodeDepth is how deep {{% %}} pairs may nest: each level renders
// its inner Markdown again.
const MaxShortcodeDepth = 10

// ShortcodeCall is one shortcode call as its template sees it.
type ShortcodeCall struct {
	*shortcode.Call
	// Inner is a pair's inner text as HTML: for {{% %}} rendered as
	// Markdown with the page's renderer; for {{< >}} the text escaped
	// (as written when markup is unsafe), with the calls in it rendered.
	Inner  template.HTML
	Pos    diag.Pos         // where the call starts in its file
	Parent *shortcode.Call  // the pair the call is in, or nil
	Warn   func(msg string) // reports a warning at the call
}

// Shortcodes renders one call to HTML. Its error (an unknown name, a
// missing argument, a template failure) is reported at the call.
type Shortcodes func(ShortcodeCall) (template.HTML, error)

// shortcodePass replaces a document's calls with placeholders before
// goldmark parses it, and the placeholders with the calls' output after.
type shortcodePass struct {
	outputs      []template.HTML // by placeholder number
	placeholders []string
	inner        []*Result // the {{% %}} pairs' inner text, rendered
}

// placeholder is what stands for call i in the Markdown goldmark reads:
// letters and digits, which no Markdown rule or the typographer changes.
// It is as long as a call on one line (padded with Z), so that the columns
// after it stay right.
func placeholder(i int, call []byte) string {
	base := placeholderPrefix + strconv.Itoa(i)
	pad := 0
	if bytes.IndexByte(call, '\n') < 0 {
		pad = utf8.RuneCount(call) - len(base) - 1
	}
	return base + strings.Repeat("Z", max(pad, 0)) + "X"
}

const placeholderPrefix = "BANTINSHORTCODE"

// lineFiller keeps a call that spans lines inside a paragraph from moving
// the lines after it: it stands for each line break of the call, and is
// written as nothing.
const lineFiller = placeholderPrefix + "EX"

// prepareShortcodes parses in.Src's calls, renders them and returns the
// source with placeholders, or nil when the source has no call and no
// escape.
func prepareShortcodes(r *Renderer, in Input, dl *diag.List) ([]byte, *shortcodePass) {
	res := shortcode.Parse(in.Src)
	if len(res.Calls) == 0 && len(res.Escapes) == 0 && len(res.Errors) == 0 {
		return nil, nil
	}
	pass := &shortcodePass{}
	cr := &callRenderer{r: r, in: in, pass: pass, at: newPositions(in).at, dl: dl}
	src := splice(in.Src, 0, len(in.Src), res.Calls, res.Escapes, nil, func(c *shortcode.Call) []byte {
		pass.outputs = append(pass.outputs, cr.render(c))
		ph := placeholder(len(pass.outputs)-1, in.Src[c.Start:c.End])
		pass.placeholders = append(pass.placeholders, ph)
		lines := bytes.Count(in.Src[c.Start:c.End], []byte("\n"))
		if isBlock(in.Src, c) {
			return []byte(ph + strings.Repeat("\n", lines))
		}
		return []byte(ph + strings.Repeat("\n"+lineFiller, lines)) // lines of the paragraph, written as nothing
	})
	for _, e := range res.Errors {
		dl.Errorf(cr.at(e.Off), "%s", e.Msg)
	}
	return src, pass
}

// positions finds the line and column of offsets in a source, mostly
// asked in increasing order: from the last answer when the offset is on
// the same line after it (many calls on one long line cost linear time),
// else by binary search over the line starts.
type positions struct {
	in      Input
	lines   *diag.Lines
	lastOff int
	last    diag.Pos
}

func newPositions(in Input) *positions {
	return &positions{in: in, lines: diag.NewLines(in.Src), lastOff: -1}
}

func (p *positions) at(off int) diag.Pos {
	if p.lastOff >= 0 && off >= p.lastOff && bytes.IndexByte(p.in.Src[p.lastOff:off], '\n') < 0 {
		p.last.Col += utf8.RuneCount(p.in.Src[p.lastOff:off])
	} else {
		p.last = p.in.posAt(p.lines, off)
	}
	p.lastOff = off
	return p.last
}

// callRenderer renders the calls of one document.
type callRenderer struct {
	r    *Renderer
	in   Input
	pass *shortcodePass
	at   func(off int) diag.Pos
	dl   *diag.List
}

// render renders c with its inner text; a problem is reported at c and
// the call writes nothing.
func (cr *callRenderer) render(c *shortcode.Call) template.HTML {
	return cr.renderIn(c, cr.in.parent)
}

// renderIn renders c, a call inside parent (nil at the top of the page).
func (cr *callRenderer) renderIn(c, parent *shortcode.Call) template.HTML {
	in, dl := cr.in, cr.dl
	pos := cr.at(c.Start)
	if in.Shortcodes == nil {
		dl.Errorf(pos, "unknown shortcode %q", c.Name)
		return ""
	}
	var inner template.HTML
	if c.Paired {
		inner = cr.inner(c)
	}
	warn := func(msg string) { dl.Warnf(pos, "%s", msg) }
	out, err := in.Shortcodes(ShortcodeCall{Call: c, Inner: inner, Pos: pos, Parent: parent, Warn: warn})
	if err != nil {
		dl.Errorf(pos, "%v", err)
		return ""
	}
	return out
}

// inner renders a pair's inner text.
func (cr *callRenderer) inner(c *shortcode.Call) template.HTML {
	r, in, at, dl := cr.r, cr.in, cr.at, cr.dl
	if c.Markdown {
		if in.depth >= MaxShortcodeDepth {
			dl.Errorf(at(c.Start), "shortcode %q: {{%% %%}} pairs nested more than %d deep", c.Name, MaxShortcodeDepth)
			return ""
		}
		sub := in
		*in.pairs++
		start := at(c.InnerStart)
		sub.Src, sub.FirstLine, sub.col, sub.lines, sub.depth, sub.inner, sub.parent = c.Inner(in.Src), start.Line, start.Col-1, nil, in.depth+1, *in.pairs, c
		res, err := r.Render(sub, dl)
		if err != nil {
			dl.Errorf(at(c.InnerStart), "%v", err)
			return ""
		}
		cr.pass.inner = append(cr.pass.inner, res)
		out := bytes.TrimSpace(res.HTML)
		if !isBlock(in.Src, c) && bytes.Count(out, []byte("<p>")) == 1 && bytes.HasPrefix(out, []byte("<p>")) && bytes.HasSuffix(out, []byte("</p>")) {
			out = out[3 : len(out)-4] // inline: {{% mark %}}*a*{{% /mark %}}
		}
		return template.HTML(out)
	}
	text := func(b []byte) []byte {
		if r.unsafe {
			return b
		}
		return []byte(html.EscapeString(string(b)))
	}
	escapes := shortcode.Parse(c.Inner(in.Src)).Escapes
	for i := range escapes {
		escapes[i][0] += c.InnerStart
		escapes[i][1] += c.InnerStart
	}
	return template.HTML(splice(in.Src, c.InnerStart, c.InnerEnd, c.Children, escapes, text, func(k *shortcode.Call) []byte {
		return []byte(cr.renderIn(k, c))
	}))
}

// splice writes src[lo:hi] with each call replaced by call(c), the escape
// ranges dropped, and the text between through text (when not nil).
func splice(src []byte, lo, hi int, calls []*shortcode.Call, escapes [][2]int, text func([]byte) []byte, call func(*shortcode.Call) []byte) []byte {
	out := make([]byte, 0, hi-lo)
	writeText := func(from, to int) {
		for from < to {
			end := to
			for len(escapes) > 0 && escapes[0][0] < from {
				escapes = escapes[1:]
			}
			if len(escapes) > 0 && escapes[0][0] < to {
				end = escapes[0][0]
			}
			seg := src[from:end]
			if text != nil {
				seg = text(seg)
			}
			out = append(out, seg...)
			if end == to {
				return
			}
			from = escapes[0][1]
			escapes = escapes[1:]
		}
	}
	last := lo
	for _, c := range calls {
		writeText(last, c.Start)
		out = append(out, call(c)...)
		last = c.End
	}
	writeText(last, hi)
	return out
}

// isBlock reports whether c stands alone on its lines: only spaces and
// tabs between it and the line breaks (or the ends of src) around it. It
// looks no further than the first other byte, so that many calls on one
// long line cost linear time.
func isBlock(src []byte, c *shortcode.Call) bool {
	i := c.Start - 1
	for i >= 0 && (src[i] == ' ' || src[i] == '\t') {
		i--
	}
	if i >= 0 && src[i] != '\n' {
		return false
	}
	j := c.End
	for j < len(src) && (src[j] == ' ' || src[j] == '\t' || src[j] == '\r') {
		j++
	}
	return j == len(src) || src[j] == '\n'
}

// fill puts the calls' output where their placeholders are in res.
func (p *shortcodePass) fill(res *Result) {
	for _, in := range p.inner { // what the page's checks and styles need
		res.Anchors = append(res.Anchors, in.Anchors...)
		res.IDs = append(res.IDs, in.IDs...)
		res.HasCode = res.HasCode || in.HasCode
	}
	if len(p.outputs) == 0 {
		return
	}
	htmlR, textR := p.replacers()
	replaceHTML(res, htmlR.Replace)
	res.Plain, res.Summary = textR.Replace(res.Plain), textR.Replace(res.Summary)
	for i := range res.Sections {
		s := &res.Sections[i]
		s.Title, s.Plain = textR.Replace(s.Title), textR.Replace(s.Plain)
	}
	for i := range res.TOC {
		res.TOC[i].Text = textR.Replace(res.TOC[i].Text)
	}
	res.WordCount = countWords(res.Plain)
}

// replaceHTML applies replace to res.HTML piece by piece (each heading,
// each section's body), so that every section's Body stays the part of
// the HTML that Start says. A placeholder never spans two pieces: it is
// inside one block.
func replaceHTML(res *Result, replace func(string) string) {
	var all []byte
	last := 0
	for i := range res.Sections {
		s := &res.Sections[i]
		all = append(all, replace(string(res.HTML[last:s.Start]))...)
		start := len(all)
		all = append(all, replace(string(s.Body))...)
		last = s.Start + len(s.Body)
		s.Start = start
		s.Body = all[start:len(all):len(all)]
	}
	all = append(all, replace(string(res.HTML[last:]))...)
	for i := range res.Sections { // all may have moved as it grew
		s := &res.Sections[i]
		s.Body = all[s.Start : s.Start+len(s.Body) : s.Start+len(s.Body)]
	}
	res.HTML = all
}

// replacers put each output in HTML (a placeholder that is a paragraph of
// its own loses its <p>) and its text in plain text.
func (p *shortcodePass) replacers() (htmlR, textR *strings.Replacer) {
	h, t := []string{lineFiller, ""}, []string{lineFiller, ""}
	plain := map[template.HTML]string{} // calls repeated as written write the same
	for i, out := range p.outputs {
		ph := p.placeholders[i]
		h = append(h, "<p>"+ph+"</p>", string(out), ph, string(out))
		text, ok := plain[out]
		if !ok {
			text = plainText(string(out))
			plain[out] = text
		}
		t = append(t, ph, text)
	}
	return strings.NewReplacer(h...), strings.NewReplacer(t...)
}

// plainText is the text of an HTML fragment, its words separated by
// single spaces; scripts, styles, SVG drawings and print forms
// (class="print-only") are left out.
func plainText(fragment string) string {
	z := html.NewTokenizer(strings.NewReader(fragment))
	var b strings.Builder
	skipDepth := 0 // > 0 inside a skipped element: its open elements
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return strings.Join(strings.Fields(b.String()), " ")
		case html.TextToken:
			if skipDepth == 0 {
				b.Write(z.Text())
				b.WriteByte(' ')
			}
		case html.StartTagToken:
			tok := z.Token()
			if voidElements[tok.Data] {
				continue
			}
			if skipDepth > 0 || skipped(tok) {
				skipDepth++
			}
		case html.EndTagToken:
			if skipDepth > 0 {
				skipDepth--
			}
		}
	}
}

var voidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

// skipped reports whether an element's text stays out of the plain text.
func skipped(tok html.Token) bool {
	switch tok.Data {
	case "script", "style", "svg":
		return true
	}
	for _, a := range tok.Attr {
		if a.Key == "class" && strings.Contains(" "+a.Val+" ", " print-only ") {
			return true
		}
	}
	return false
}
