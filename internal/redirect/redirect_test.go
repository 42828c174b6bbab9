package redirect

import (
	"strings"
	"testing"
)

func TestHTML(t *testing.T) {
	got := string(HTML("/bai-viet/dan-van-kheo/", "vi", "Đang chuyển đến"))
	for _, want := range []string{`<meta http-equiv="refresh" content="0; url=/bai-viet/dan-van-kheo/">`, `<link rel="canonical" href="/bai-viet/dan-van-kheo/">`, `noindex`} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s in\n%s", want, got)
		}
	}
	if strings.Contains(string(HTML(`/"><script>`, "vi", "x")), "<script>") {
		t.Error("target not escaped")
	}
}
