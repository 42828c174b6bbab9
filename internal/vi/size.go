package vi

import (
	"strconv"
	"strings"
)

// FormatSize writes a file size as Vietnamese readers write it: a decimal
// comma, one decimal below 10 ("1,2 MB"), whole numbers above ("340 KB",
// "15 MB"); units of 1024 bytes.
func FormatSize(n int64) string {
	const unit = 1024
	if n < unit {
		return strconv.FormatInt(n, 10) + " B"
	}
	v, suffix := float64(n)/unit, "KB"
	for _, s := range []string{"MB", "GB", "TB"} {
		if v < unit {
			break
		}
		v, suffix = v/unit, s
	}
	if v < 10 {
		s := strconv.FormatFloat(v, 'f', 1, 64)
		return strings.Replace(strings.TrimSuffix(s, ".0"), ".", ",", 1) + " " + suffix
	}
	return strconv.FormatFloat(v, 'f', 0, 64) + " " + suffix
}
