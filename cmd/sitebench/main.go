package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

func main() {
	os.Exit(runMain(os.Args[1:], os.Stdout, os.Stderr))
}

func runMain(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "floor" {
		return runFloor(args[1:], stdout, stderr)
	}
	if len(args) > 0 && args[0] == "serve" {
		return runServeBench(args[1:], stdout, stderr)
	}
	if len(args) > 0 && args[0] == "stages" {
		return runStages(args[1:], stdout, stderr)
	}
	var s settings
	var sizes string
	fs := flag.NewFlagSet("sitebench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&sizes, "sizes", "1000,10000", "corpus sizes in pages, comma-separated (1k, 10k, 100k work too)")
	fs.IntVar(&s.Runs, "runs", 5, "runs of each tool at each size, in turns; the table shows medians")
	fs.StringVar(&s.Work, "work", defaultWork(), "folder for the corpora and outputs (tmpfs, so that disks do not weigh in)")
	fs.StringVar(&s.Hugo, "hugo", "", `the Hugo binary; "none" to leave Hugo out (default: the one sitebench installed in its cache folder, installed now if missing, never when CI is set)`)
	fs.StringVar(&s.Bantin, "bantin", "", "the bantin binary (default: built from the working tree)")
	fs.BoolVar(&s.Keep, "keep", false, "keep the corpora and outputs in -work")
	var maxRSS string
	fs.StringVar(&maxRSS, "maxrss", "", "kill a tool whose resident memory passes this (e.g. 12GB, 800MB); the table says so")
	fs.BoolVar(&s.Stages, "stages", true, "after the runs, time bantin's stages once in process (up to 20,000 pages)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: sitebench [flags]\n       sitebench floor DIR\n       sitebench stages DIR\n       sitebench serve [flags] [SITE]\n\nRuns bantin, Hugo and the floor (goldmark alone, on all cores) in turns on generated corpora\nand prints wall time, CPU time and peak RSS, with the ratios bantin/floor and bantin/Hugo.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	var err error
	if s.Sizes, err = parseSizes(sizes); err != nil || s.Runs < 1 || fs.NArg() > 0 {
		if err == nil {
			err = fmt.Errorf("-runs must be at least 1 and no arguments are taken")
		}
		fmt.Fprintln(stderr, "sitebench:", err)
		return 2
	}
	if s.MaxRSS, err = parseBytes(maxRSS); err != nil {
		fmt.Fprintln(stderr, "sitebench:", err)
		return 2
	}
	if err := bench(s, stdout, stderr); err != nil {
		fmt.Fprintln(stderr, "sitebench:", err)
		return 1
	}
	return 0
}

// defaultWork is a fresh folder on /dev/shm when there is one, else in
// the temporary folder.
func defaultWork() string {
	base := os.TempDir()
	if info, err := os.Stat("/dev/shm"); err == nil && info.IsDir() {
		base = "/dev/shm"
	}
	return filepath.Join(base, fmt.Sprintf("sitebench-%d", os.Getpid()))
}

// parseSizes reads "1000,10k,100k".
func parseSizes(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(strings.ToLower(f))
		mult := 1
		if n, ok := strings.CutSuffix(f, "k"); ok {
			f, mult = n, 1000
		}
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 {
			return nil, fmt.Errorf("-sizes: %q is not a number of pages", f)
		}
		out = append(out, n*mult)
	}
	return out, nil
}

// parseBytes reads "12GB", "800MB" or "" (no limit: 0).
func parseBytes(s string) (int64, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if s == "" {
		return 0, nil
	}
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"GB", 1e9}, {"MB", 1e6}} {
		if n, ok := strings.CutSuffix(s, u.suffix); ok {
			s, mult = n, u.mult
			break
		}
	}
	n, err := strconv.ParseFloat(s, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("-maxrss: %q is not a size such as 12GB", s)
	}
	return int64(n * float64(mult)), nil
}
