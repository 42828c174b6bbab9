package qr

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/codes.golden")

// goldenTexts are texts of every data mode and of versions 1 to 27: short
// links as a site makes them, numbers, upper-case alphanumerics, long URLs
// and Vietnamese text.
func goldenTexts() []string {
	var out []string
	for i := 0; i < 60; i++ {
		out = append(out, fmt.Sprintf("https://danvan.example.vn/l/%x/", i*7919+i*i*31))
	}
	for i := 1; i < 40; i += 3 {
		out = append(out, strings.Repeat("1234567890", i)[:i*7])
		out = append(out, strings.Repeat("HTTPS://DANVAN.EXAMPLE.VN/", i))
	}
	for i := 1; i < 30; i += 4 {
		out = append(out, "https://danvan.example.vn/bai-viet/"+strings.Repeat("dan-van-kheo-o-phuong-5/", i))
		out = append(out, strings.Repeat("Dân vận khéo ở phường 5. ", i))
	}
	return out
}

// Every code, at every level, is the same as when this file was written:
// same version, same mask, same SVG byte for byte. A faster mask scoring
// must choose what the standard's rules chose.
func TestCodesUnchanged(t *testing.T) {
	var b strings.Builder
	for _, text := range goldenTexts() {
		for _, level := range []Level{L, M, Q, H} {
			c, err := New(text, level)
			if err != nil {
				fmt.Fprintf(&b, "%s %q: %v\n", level, text, err)
				continue
			}
			fmt.Fprintf(&b, "%s v%d mask %d svg %x %q\n", level, c.Version, c.Mask, sha256.Sum256(c.SVG(25)), text)
		}
	}
	golden := filepath.Join("testdata", "codes.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("line %d:\n got %s\nwant %s", i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("%d lines, want %d", len(gl), len(wl))
	}
}
