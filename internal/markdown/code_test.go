package markdown

import "testing"

func TestHasCode(t *testing.T) {
	for _, c := range []struct {
		src  string
		want bool
	}{
		{"Chữ `mã` trong dòng.\n\n    thụt lề\n", false},
		{"```go\nfunc main() {}\n```\n", true},
		{"- mục\n\n  ```\n  trong danh sách\n  ```\n", true},
		{"> ~~~\n> trong trích dẫn\n> ~~~\n", true},
	} {
		if res, _ := render(t, Options{HighlightStyle: "github"}, c.src, nil); res.HasCode != c.want {
			t.Errorf("%q: HasCode = %v, want %v", c.src, res.HasCode, c.want)
		}
	}
}
