package site

import (
	"fmt"
	"strings"
	"testing"
)

func TestPagerLinksWindow(t *testing.T) {
	show := func(total, current int) string {
		all := make([]*Pager, total)
		for i := range all {
			all[i] = &Pager{Number: i + 1, All: all}
		}
		var out []string
		for _, p := range all[current-1].Links() {
			if p == nil {
				out = append(out, "…")
			} else {
				out = append(out, fmt.Sprint(p.Number))
			}
		}
		return strings.Join(out, " ")
	}
	cases := []struct {
		total, current int
		want           string
	}{
		{1, 1, "1"},
		{5, 3, "1 2 3 4 5"},
		{10, 1, "1 2 3 … 10"},
		{10, 5, "1 … 3 4 5 6 7 … 10"},
		{10, 10, "1 … 8 9 10"},
		{1000, 500, "1 … 498 499 500 501 502 … 1000"},
	}
	for _, c := range cases {
		if got := show(c.total, c.current); got != c.want {
			t.Errorf("%d of %d: %s, want %s", c.current, c.total, got, c.want)
		}
	}
}
