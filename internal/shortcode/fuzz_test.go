package shortcode

import (
	"bytes"
	"testing"
)

// FuzzParse: Parse never panics; every call lies in the source, starts with
// "{{" and ends with "}}", its inner text and its children lie inside it;
// errors and escapes are in the source.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		`{{< figure src="a.jpg" caption="Ảnh" >}}`,
		"{{% note %}}\n*a* {{< qr `https://a.vn` >}}\n{{% /note %}}",
		"{{< a >}}{{< b >}}{{< /a >}}{{< /b >}}",
		"```\n{{< x >}}\n``` `{{< y >}}` {{</* z */>}}",
		`{{< x "a\"b\\" y=1 />}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		res := Parse(src)
		var check func(calls []*Call, lo, hi int)
		check = func(calls []*Call, lo, hi int) {
			for _, c := range calls {
				if c.Start < lo || c.End > hi || c.Start >= c.End {
					t.Fatalf("call %q at %d-%d outside %d-%d", c.Name, c.Start, c.End, lo, hi)
				}
				if !bytes.HasPrefix(src[c.Start:], []byte("{{")) || !bytes.HasSuffix(src[:c.End], []byte("}}")) {
					t.Fatalf("call %q at %d-%d is %q", c.Name, c.Start, c.End, src[c.Start:c.End])
				}
				if c.InnerStart < c.Start || c.InnerEnd > c.End || c.InnerStart > c.InnerEnd {
					t.Fatalf("call %q: inner %d-%d outside %d-%d", c.Name, c.InnerStart, c.InnerEnd, c.Start, c.End)
				}
				if c.Named {
					for _, a := range c.Args {
						if a.Key == "" {
							t.Fatalf("call %q: positional argument among named ones", c.Name)
						}
					}
				}
				check(c.Children, c.InnerStart, c.InnerEnd)
				lo = c.End
			}
		}
		check(res.Calls, 0, len(src))
		for _, e := range res.Errors {
			if e.Off < 0 || e.Off > len(src) || e.Msg == "" {
				t.Fatalf("error %+v outside the source", e)
			}
		}
		for _, e := range res.Escapes {
			if e[0] < 0 || e[1] > len(src) || e[1]-e[0] != 2 {
				t.Fatalf("escape %v", e)
			}
		}
	})
}
