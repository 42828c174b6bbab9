package shortcode

import (
	"fmt"
	"strings"
	"testing"
)

// dump writes the calls as name(args)[inner]{children}, errors as @off:msg.
func dump(src string, res Result) string {
	var b strings.Builder
	var write func(calls []*Call)
	write = func(calls []*Call) {
		for _, c := range calls {
			b.WriteString(c.Name)
			if c.Markdown {
				b.WriteString("%")
			}
			var args []string
			for _, a := range c.Args {
				if a.Key != "" {
					args = append(args, a.Key+"="+a.Value)
				} else {
					args = append(args, a.Value)
				}
			}
			fmt.Fprintf(&b, "(%s)", strings.Join(args, ","))
			if c.Closed {
				b.WriteString("/")
			}
			if c.Paired {
				fmt.Fprintf(&b, "[%s]", src[c.InnerStart:c.InnerEnd])
			}
			if len(c.Children) > 0 {
				b.WriteString("{")
				write(c.Children)
				b.WriteString("}")
			}
			fmt.Fprintf(&b, "@%d-%d ", c.Start, c.End)
		}
	}
	write(res.Calls)
	for _, e := range res.Errors {
		fmt.Fprintf(&b, "!%d:%s ", e.Off, e.Msg)
	}
	for _, e := range res.Escapes {
		fmt.Fprintf(&b, "esc%d-%d ", e[0], e[1])
	}
	return strings.TrimSpace(b.String())
}

func TestParse(t *testing.T) {
	tests := []struct{ src, want string }{
		{"no calls {{ x }}", ""},
		{`{{< qr "https://a.vn/?x=1" >}}`, `qr(https://a.vn/?x=1)@0-30`},
		{`{{< figure src="a.jpg" caption="Ảnh \"đẹp\"" >}}`, `figure(src=a.jpg,caption=Ảnh "đẹp")@0-53`},
		{"{{< youtube id=abc start=`10` >}}", `youtube(id=abc,start=10)@0-33`},
		{`a {{< x 1 two "3 4" >}} b`, `x(1,two,3 4)@2-23`},
		{`{{< note >}}inner{{< /note >}}`, `note()[inner]@0-30`},
		{`{{% note lưu-ý %}}*a*{{% /note %}}`, `note%(lưu-ý)[*a*]@0-36`},
		{`{{< g >}}{{< figure src=a >}}{{< figure src=b />}}{{< /g >}}`, `g()[{{< figure src=a >}}{{< figure src=b />}}]{figure(src=a)@9-29 figure(src=b)/@29-50 }@0-60`},
		{`{{< a >}}{{< a >}}x{{< /a >}}{{< /a >}}`, `a()[{{< a >}}x{{< /a >}}]{a()[x]@9-29 }@0-39`},
		{`{{< x />}}`, `x()/@0-10`},
		{`{{< x/>}}`, `x()/@0-9`},
		{"{{<\n  figure\n  src=\"a\"\n>}}", `figure(src=a)@0-26`},
		{"`{{< x >}}` {{< y >}}", `y()@12-21`},
		{"```\n{{< x >}}\n```\n{{< y >}}", `y()@18-27`},
		{"~~~~md\n{{< x >}}\n~~~\n{{< z >}}\n~~~~", ``},
		{`{{</* figure src="a" */>}}`, `esc3-5 esc21-23`},
		{"```\n{{</* x */>}}\n```", `esc7-9 esc12-14`},
		{`{{< /note >}}`, `!0:closing tag {{< /note >}} has no open "note" call before it`},
		{`{{< note >}}a{{% /note %}}`, `note()[a]@0-26 !13:closing tag of "note" is written {{% %}}, its opening tag {{< >}}: use the same delimiters`},
		{`{{< x a >}} {{< y`, `x(a)@0-11 !12:shortcode "y": the tag is not closed by >}}`},
		{`{{< x a="b" c >}}`, `!12:shortcode "x" mixes positional and named arguments: write all as key="value" or none`},
		{`{{< x “a” >}}`, `!6:shortcode "x": typographic quote "“" where a straight " is meant`},
		{`{{< x "a >}}`, `!6:shortcode "x": the quoted argument is not closed by "`},
		{`{{<  >}}`, `!0:a shortcode call needs a name after {{<`},
		{`{{< x =a >}}`, `!6:shortcode "x": expected an argument, a quoted string or >}}, found "="`},
	}
	for _, tt := range tests {
		if got := dump(tt.src, Parse([]byte(tt.src))); got != tt.want {
			t.Errorf("Parse(%q)\n got: %s\nwant: %s", tt.src, got, tt.want)
		}
	}
}

func TestGet(t *testing.T) {
	pos := Parse([]byte(`{{< x a "b c" >}}`)).Calls[0]
	if v, ok := pos.Get(1); v != "b c" || !ok {
		t.Errorf("Get(1) = %q, %v", v, ok)
	}
	if v, ok := pos.Get("0"); v != "a" || !ok {
		t.Errorf(`Get("0") = %q, %v`, v, ok)
	}
	if _, ok := pos.Get(2); ok {
		t.Error("Get(2) found an argument")
	}
	named := Parse([]byte(`{{< x src="a" >}}`)).Calls[0]
	if v, _ := named.Get("src"); v != "a" {
		t.Errorf(`Get("src") = %q`, v)
	}
	if _, ok := named.Get(0); ok {
		t.Error("Get(0) on named arguments found one")
	}
}

// Many open calls and closing tags of other names cost linear time, not
// quadratic (the test would take minutes otherwise).
func TestParseManyUnclosed(t *testing.T) {
	src := strings.Repeat("{{< b >}}", 1) + strings.Repeat("{{< a >}}", 50000) + strings.Repeat("{{< /b >}}{{< /c >}}", 50000)
	res := Parse([]byte(src))
	if len(res.Calls) != 1 || len(res.Calls[0].Children) != 50000 || len(res.Errors) != 99999 {
		t.Errorf("%d calls, %d errors", len(res.Calls), len(res.Errors))
	}
}

// Many quotes, raw arguments and escapes left open cost linear time.
func TestParseManyOpenQuotes(t *testing.T) {
	for _, unit := range []string{`{{< x "a `, "{{< x `a ", "{{</* x ", "{{%/* x "} {
		res := Parse([]byte(strings.Repeat(unit, 40000)))
		if unit[3] != '/' && unit[4] != '/' && len(res.Errors) < 20000 { // a raw argument runs to the next unit's backtick
			t.Errorf("%q: %d errors", unit, len(res.Errors))
		}
	}
}
