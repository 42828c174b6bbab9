package main

import (
	"flag"
	"fmt"
	"math"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// defaultBuildMemory is the soft memory limit of `bantin build` and
// `bantin pdf` unless --memoryLimit or GOMEMLIMIT says otherwise. Below it
// the collector runs as it always does (GOGC=100: the heap may grow to
// twice what is live before a collection); near it, it collects sooner,
// so that a build whose live data stays under it also stays under it in
// resident memory. A 10,000-page site never comes near it; a
// 100,000-page one does, and pays a little CPU for fitting a small
// machine (the 100,000-page benchmark: peak RSS 2.57 -> 1.77 GB for
// 1.2x the CPU time). It is soft: a site whose live data needs more gets
// more.
const defaultBuildMemory = 1_750_000_000 // 1.75 GB

// memoryLimit is the --memoryLimit flag: a size such as 1.5GB or 800MB,
// "none", or "" (the command's default).
type memoryLimit struct{ value string }

func (m *memoryLimit) register(fs *flag.FlagSet, what string) {
	fs.StringVar(&m.value, "memoryLimit", "", "a soft limit on the memory "+what+" uses, such as 1.5GB or 800MB, or none: near it the garbage collector works harder (default "+defaultFor(what)+"; GOMEMLIMIT, when set, is the default instead)")
}

func defaultFor(what string) string {
	if what == "the build" {
		return "1.75GB"
	}
	return "none"
}

// apply sets the runtime's soft memory limit: the flag's, else
// GOMEMLIMIT's (the runtime read it already), else def (0: none).
func (m *memoryLimit) apply(def int64) error {
	switch {
	case m.value != "":
		n, err := parseSize(m.value)
		if err != nil {
			return fmt.Errorf("--memoryLimit: %v", err)
		}
		debug.SetMemoryLimit(n)
	case os.Getenv("GOMEMLIMIT") != "":
	case def > 0:
		debug.SetMemoryLimit(def)
	}
	return nil
}

// parseSize reads "1.5GB", "800MB", "2GiB", "1536MiB", a number of
// bytes, or "none" (no limit).
func parseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	if t == "NONE" || t == "0" {
		return math.MaxInt64, nil
	}
	mult := 1.0
	for _, u := range []struct {
		suffix string
		mult   float64
	}{{"GIB", 1 << 30}, {"MIB", 1 << 20}, {"GB", 1e9}, {"MB", 1e6}, {"B", 1}} {
		if n, ok := strings.CutSuffix(t, u.suffix); ok {
			t, mult = strings.TrimSpace(n), u.mult
			break
		}
	}
	n, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(n) || n*mult < 64<<20 || n*mult >= math.MaxInt64 || strings.ContainsAny(t, "xX_pP") {
		return 0, fmt.Errorf("%q is not a size of at least 64MB such as 1.5GB, 800MB or none", s)
	}
	return int64(n * mult), nil
}
