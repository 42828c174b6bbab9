package layout

import (
	"html/template"
	"testing"
)

func TestDemoteHeadings(t *testing.T) {
	for _, c := range []struct{ in, want template.HTML }{
		{`<h2 id="a">A</h2><p>x</p><h3>B</h3>`, `<h3 id="a">A</h3><p>x</p><h4>B</h4>`},
		{"<h1>\nT</h1><h5>E</h5><h6>F</h6>", "<h2>\nT</h2><h6>E</h6><h6>F</h6>"},
		{`<pre><code>&lt;h2&gt;</code></pre><header>h</header>`, `<pre><code>&lt;h2&gt;</code></pre><header>h</header>`},
	} {
		if got := demoteHeadings(c.in); got != c.want {
			t.Errorf("demoteHeadings(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
