package vi

import "testing"

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{
		0: "0 B", 850: "850 B", 1024: "1 KB", 1536: "1,5 KB", 340 * 1024: "340 KB",
		1258291: "1,2 MB", 15 * 1024 * 1024: "15 MB", 3 << 30: "3 GB", 10*1024 - 1: "10 KB",
	} {
		if got := FormatSize(n); got != want {
			t.Errorf("FormatSize(%d) = %q, want %q", n, got, want)
		}
	}
}
