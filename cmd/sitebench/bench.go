package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"bantin/internal/corpus"
)

// settings are sitebench's flags.
type settings struct {
	Sizes  []int
	Runs   int
	Work   string // corpora and outputs; tmpfs by default
	Hugo   string // a Hugo binary, "none", or "" to find or install one
	Bantin string // a bantin binary, or "" to build the working tree's
	Keep   bool   // keep the corpora and outputs
	Stages bool   // time bantin's stages once, in process
	MaxRSS int64  // kill a child whose resident memory passes this; 0: no limit
}

// tool is one program being measured: how to run it on a corpus and where
// it writes.
type tool struct {
	Name  string
	Argv  func(corpusDir, out string) []string
	Out   string   // the output folder, emptied before each run; "" for none
	Fresh []string // more folders removed before each run (Hugo's cache, bantin's)
	Env   []string // more environment of each run
	// Again names the result of a second run right after each run, with
	// nothing removed and nothing changed ("bantin warm"); "" for none.
	Again string
}

// bench generates each corpus, runs every tool on it in turns and prints a
// table per size to stdout; progress goes to log.
func bench(s settings, stdout, log io.Writer) error {
	if err := os.MkdirAll(s.Work, 0o755); err != nil {
		return err
	}
	if !s.Keep {
		defer os.RemoveAll(s.Work) // also when a run fails: tmpfs is memory
	}
	tools, err := toolsFor(s, log)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "sitebench: %d cores, %s, %s\n", runtime.NumCPU(), runtime.Version(), versions(tools, s.Bantin == ""))
	for _, pages := range s.Sizes {
		t, err := benchSize(s, tools, pages, log)
		if err != nil {
			return err
		}
		t.write(stdout)
		if floorLine := t.floorLine(); floorLine != "" {
			fmt.Fprintf(stdout, "\n%s (the run nearest the median)\n", floorLine)
		}
		if t.Stages != "" {
			fmt.Fprintln(stdout, t.Stages)
		}
	}
	return nil
}

// toolsFor returns bantin, Hugo (when it can be had) and the floor.
func toolsFor(s settings, log io.Writer) ([]tool, error) {
	bin := s.Bantin
	if bin == "" {
		fmt.Fprintln(log, "building bantin from the working tree…")
		var err error
		if bin, err = buildBantin(filepath.Join(s.Work, "bin")); err != nil {
			return nil, err
		}
	}
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	// bantin's build cache (on by default, in the user cache folder) goes
	// to a folder of the work folder emptied before each run: every run is
	// a cold build, as Hugo's with its fresh --cacheDir. The environment,
	// not --cacheDir, so that a -bantin older than the cache runs too.
	bantinCache := filepath.Join(s.Work, "bantin-cache")
	tools := []tool{{Name: toolBantin, Again: toolWarm, Out: filepath.Join(s.Work, "out-bantin"), Fresh: []string{bantinCache}, Env: []string{"XDG_CACHE_HOME=" + bantinCache}, Argv: func(dir, out string) []string {
		return []string{bin, "build", "--source", dir, "--destination", out, "--quiet"}
	}}}
	if hugo := findHugo(s.Hugo, log); hugo != "" {
		cache := filepath.Join(s.Work, "hugo-cache")
		tools = append(tools, tool{Name: toolHugo, Out: filepath.Join(s.Work, "out-hugo"), Fresh: []string{cache}, Argv: func(dir, out string) []string {
			return []string{hugo, "--source", filepath.Join(dir, corpus.HugoDir), "--destination", out, "--cacheDir", cache, "--noBuildLock", "--quiet"}
		}})
	}
	tools = append(tools, tool{Name: toolFloor, Argv: func(dir, _ string) []string { return []string{self, "floor", dir} }})
	return tools, nil
}

// versions names the binaries measured; bantin built from the working
// tree is named by its commit.
func versions(tools []tool, fromTree bool) string {
	var parts []string
	for _, t := range tools {
		switch {
		case t.Name == toolBantin && fromTree:
			parts = append(parts, version(t.Argv("", "")[0], "version")+" at "+version("git", "describe", "--always", "--dirty"))
		case t.Name == toolBantin:
			parts = append(parts, t.Argv("", "")[0]+": "+version(t.Argv("", "")[0], "version"))
		case t.Name == toolHugo:
			parts = append(parts, version(t.Argv("", "")[0], "version"))
		}
	}
	return strings.Join(parts, "; ")
}

// benchSize writes the corpus of pages pages and runs the tools on it
// s.Runs times each, in turns: round r starts with tool r mod n, so that
// no tool always runs first or after the same one.
func benchSize(s settings, tools []tool, pages int, log io.Writer) (table, error) {
	dir := filepath.Join(s.Work, fmt.Sprintf("corpus-%d", pages))
	os.RemoveAll(dir)
	fmt.Fprintf(log, "writing %d pages to %s…\n", pages, dir)
	if err := corpus.Write(corpus.Bench(pages), dir); err != nil {
		return table{}, err
	}
	t := table{Pages: pages, Runs: s.Runs}
	for _, tl := range tools {
		t.Results = append(t.Results, result{Tool: tl.Name})
	}
	for _, tl := range tools {
		if tl.Again != "" {
			t.Results = append(t.Results, result{Tool: tl.Again})
		}
	}
	t.LoadAvg[0] = loadAverage()
	for r := 0; r < s.Runs; r++ {
		for k := range tools {
			tl := tools[(r+k)%len(tools)]
			if err := measure(tl, dir, t.slot(tl.Name), true, s.MaxRSS, log); err != nil {
				return t, err
			}
			if tl.Again != "" && len(t.slot(tl.Name).Samples) > 0 {
				if err := measure(tl, dir, t.slot(tl.Again), false, s.MaxRSS, log); err != nil {
					return t, err
				}
			}
		}
	}
	t.LoadAvg[1] = loadAverage()
	if s.Stages && pages <= stagesLimit {
		self, _ := os.Executable()
		out, err := run([]string{self, "stages", dir}, nil, s.MaxRSS)
		if err != nil {
			return t, err
		}
		t.Stages = strings.TrimSpace(out.Stdout)
	}
	for _, tl := range tools {
		for _, d := range append([]string{tl.Out}, tl.Fresh...) {
			if d != "" {
				os.RemoveAll(d)
			}
		}
	}
	if !s.Keep {
		os.RemoveAll(dir)
	}
	return t, nil
}

// measure runs the tool once into res (emptying its folders first when
// fresh), unless an earlier run was killed; a run killed for its memory
// marks res and is not an error.
func measure(tl tool, dir string, res *result, fresh bool, maxRSS int64, log io.Writer) error {
	if res.Killed != "" {
		return nil
	}
	err := runOnce(tl, dir, res, fresh, maxRSS, log)
	var tooBig *tooBigError
	if errors.As(err, &tooBig) {
		fmt.Fprintln(log, err)
		res.Killed = "killed at " + megabytes(tooBig.limit)
		res.Samples = nil
		return nil
	}
	return err
}

// runOnce empties the tool's output and cache folders (when fresh), runs
// it and adds the sample; after the first fresh run it counts the files
// written. A run that is not fresh counts the runs that did not find the
// site up to date.
func runOnce(tl tool, dir string, res *result, fresh bool, maxRSS int64, log io.Writer) error {
	for _, d := range append([]string{tl.Out}, tl.Fresh...) {
		if d == "" || !fresh {
			continue
		}
		if err := os.RemoveAll(d); err != nil {
			return err
		}
	}
	s, err := run(tl.Argv(dir, tl.Out), tl.Env, maxRSS)
	if err != nil {
		return err
	}
	fmt.Fprintf(log, "%-11s %s wall, %s CPU, %s peak RSS\n", res.Tool, seconds(s.Wall), seconds(s.CPU), megabytes(s.PeakRSS))
	res.Samples = append(res.Samples, s)
	if !fresh && !strings.HasPrefix(s.Stdout, "up to date") {
		res.Rebuilt++
	}
	if len(res.Samples) == 1 && tl.Out != "" && fresh {
		res.Files, res.Bytes, err = countFiles(tl.Out)
	}
	return err
}

// countFiles returns how many files a folder holds and their size.
func countFiles(dir string) (n int, size int64, err error) {
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		n, size = n+1, size+info.Size()
		return nil
	})
	return n, size, err
}

// loadAverage is the first three fields of /proc/loadavg, or "?".
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}

// floorLine is what the floor printed in the run whose wall time is
// nearest the median.
func (t table) floorLine() string {
	r, ok := t.find(toolFloor)
	if !ok {
		return ""
	}
	med := r.median().Wall
	best := r.Samples[0]
	for _, s := range r.Samples {
		if (s.Wall - med).Abs() < (best.Wall - med).Abs() {
			best = s
		}
	}
	return strings.TrimSpace(best.Stdout)
}
