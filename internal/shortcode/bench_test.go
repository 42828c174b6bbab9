package shortcode

import (
	"strings"
	"testing"
)

// BenchmarkParse reads a 60 KB page with 200 calls: the cost is linear in
// the page (b.SetBytes gives MB/s).
func BenchmarkParse(b *testing.B) {
	para := strings.Repeat("Chữ của bài viết, có `mã {{< x >}}` ở giữa. ", 6) + "\n\n"
	call := `{{< figure src="anh.jpg" caption="Ảnh \"đẹp\"" >}}` + "\n\n{{% note \"lưu ý\" %}}\n*a* {{< qr `https://a.vn` >}}\n{{% /note %}}\n\n"
	src := []byte(strings.Repeat(para+call, 100))
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if res := Parse(src); len(res.Calls) != 200 {
			b.Fatalf("%d calls", len(res.Calls))
		}
	}
}
