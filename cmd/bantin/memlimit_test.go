package main

import (
	"math"
	"runtime/debug"
	"strings"
	"testing"

	"bantin/internal/tooltest"
)

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"1.5GB": 1.5e9, "800MB": 800e6, "2GiB": 2 << 30, "1536 MiB": 1536 << 20, "none": math.MaxInt64, "0": math.MaxInt64, "100000000": 1e8} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "x", "-1GB", "10MB", "1.5TB", "Inf", "NaN", "nanGB", "1e30", "9.3e18B", "0x1p40", "1_000MB"} {
		if _, err := parseSize(bad); err == nil {
			t.Errorf("parseSize(%q): no error", bad)
		}
	}
}

// bantin build sets the soft memory limit: its default, the flag's, or
// none; a bad value is a usage error before anything is built.
func TestBuildMemoryLimit(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	old := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(old)
	src := t.TempDir()
	tooltest.WriteFiles(t, src, map[string]string{"content/bai-viet/a.md": "+++\ntitle = \"A\"\n+++\nXin chào.\n"})
	for flagValue, want := range map[string]int64{"": defaultBuildMemory, "800MB": 800e6, "none": math.MaxInt64} {
		debug.SetMemoryLimit(math.MaxInt64)
		args := []string{"build", "--source", src, "--noCache"}
		if flagValue != "" {
			args = append(args, "--memoryLimit", flagValue)
		}
		if status, _, errOut := runCLI(args...); status != exitOK {
			t.Fatalf("%v: status %d: %s", args, status, errOut)
		}
		if got := debug.SetMemoryLimit(-1); got != want {
			t.Errorf("--memoryLimit %q: limit %d, want %d", flagValue, got, want)
		}
	}
	status, _, errOut := runCLI("build", "--source", src, "--noCache", "--memoryLimit", "lots")
	if status != exitUsage || !strings.Contains(errOut, "--memoryLimit") {
		t.Errorf("bad value: status %d: %s", status, errOut)
	}
}
