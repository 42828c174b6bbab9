package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"bantin/internal/build"
	"bantin/internal/corpus"
)

// TestMain lets the test binary be a child process for TestRunReadsRusage.
func TestMain(m *testing.M) {
	switch os.Getenv("SITEBENCH_TEST_CHILD") {
	case "main": // sitebench itself (sitebench serve runs the floor so)
		os.Exit(runMain(os.Args[1:], os.Stdout, os.Stderr))
	case "alloc":
		allocAndSpin()
		return
	case "builder":
		fakeBuild(os.Getenv("FAKE_OUT"), os.Getenv("FAKE_ALWAYS") != "")
		return
	}
	os.Exit(m.Run())
}

// allocAndSpin touches 64 MB and computes until it has used 300 ms of
// CPU (by its own rusage: on a loaded machine that takes longer).
func allocAndSpin() {
	b := make([]byte, 64<<20)
	for i := range b {
		b[i] = byte(i)
	}
	sum := 0
	for cpuSoFar() < 300*time.Millisecond {
		for _, c := range b[:1<<20] {
			sum += int(c)
		}
	}
	if sum == 42 {
		os.Stdout.WriteString("unlikely")
	}
}

// fakeBuild is a builder with an up-to-date check: it writes out when
// missing (or always), else says the site is up to date.
func fakeBuild(out string, always bool) {
	if _, err := os.Stat(out); err == nil && !always {
		os.Stdout.WriteString("up to date: nothing changed\n")
		return
	}
	os.MkdirAll(out, 0o755)
	os.WriteFile(filepath.Join(out, "index.html"), []byte("<p>x</p>"), 0o644)
	os.Stdout.WriteString("built 1 pages\n")
}

// Every run of a tool with Again is followed by one with nothing
// emptied, measured as its own result; a second run that builds in full
// is counted.
func TestWarmRunsFollowEachRun(t *testing.T) {
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for _, always := range []bool{false, true} {
		work := t.TempDir()
		out := filepath.Join(work, "out")
		env := []string{"SITEBENCH_TEST_CHILD=builder", "FAKE_OUT=" + out}
		if always {
			env = append(env, "FAKE_ALWAYS=1")
		}
		tools := []tool{
			{Name: toolBantin, Again: toolWarm, Out: out, Env: env, Argv: func(string, string) []string { return []string{self} }},
			{Name: toolFloor, Env: []string{"SITEBENCH_TEST_CHILD=builder", "FAKE_OUT=" + filepath.Join(work, "floor")}, Argv: func(string, string) []string { return []string{self} }},
		}
		tb, err := benchSize(settings{Runs: 2, Work: work}, tools, 3, &bytes.Buffer{})
		if err != nil {
			t.Fatal(err)
		}
		cold, _ := tb.find(toolBantin)
		warm, _ := tb.find(toolWarm)
		if len(cold.Samples) != 2 || len(warm.Samples) != 2 || cold.Files != 1 {
			t.Fatalf("always=%v: %d cold and %d warm samples, %d files", always, len(cold.Samples), len(warm.Samples), cold.Files)
		}
		for _, s := range cold.Samples {
			if !strings.HasPrefix(s.Stdout, "built") {
				t.Errorf("a cold run found its output: %q", s.Stdout)
			}
		}
		want := 0
		if always {
			want = 2
		}
		if warm.Rebuilt != want {
			t.Errorf("always=%v: %d warm runs counted as full builds, want %d", always, warm.Rebuilt, want)
		}
	}
}

func TestRunReadsRusage(t *testing.T) {
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	s, err := run([]string{self}, []string{"SITEBENCH_TEST_CHILD=alloc"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if s.PeakRSS < 64<<20 || s.PeakRSS > 1<<30 {
		t.Errorf("peak RSS %d bytes, want at least the 64 MB the child touched", s.PeakRSS)
	}
	if s.CPU < 300*time.Millisecond || s.CPU > 5*time.Second || s.Wall < 250*time.Millisecond {
		t.Errorf("CPU %s, wall %s: the child computed for 300 ms of CPU", s.CPU, s.Wall)
	}
}

func cpuSoFar() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func TestRunFailureCarriesOutput(t *testing.T) {
	_, err := run([]string{"sh", "-c", "echo broken >&2; exit 3"}, nil, 0)
	if err == nil || !strings.Contains(err.Error(), "exit status 3") || !strings.Contains(err.Error(), "broken") {
		t.Errorf("error %v", err)
	}
}

func TestMedian(t *testing.T) {
	if got := medianOf([]time.Duration{5, 1, 3}); got != 3 {
		t.Errorf("odd: %d", got)
	}
	if got := medianOf([]int64{4, 1, 3, 10}); got != 3 {
		t.Errorf("even: %d", got)
	}
	if got := medianOf([]int64(nil)); got != 0 {
		t.Errorf("empty: %d", got)
	}
}

func TestParseSizes(t *testing.T) {
	got, err := parseSizes("1k, 10000,100K")
	if err != nil || len(got) != 3 || got[0] != 1000 || got[1] != 10000 || got[2] != 100000 {
		t.Errorf("%v %v", got, err)
	}
	if _, err := parseSizes("1k,x"); err == nil {
		t.Error("x read as a size")
	}
}

func TestTable(t *testing.T) {
	sec := func(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }
	tb := table{Pages: 10000, Runs: 3, LoadAvg: [2]string{"1.00 0.50 0.20", "1.90 1.00 0.40"}, Results: []result{
		{Tool: toolBantin, Files: 62455, Bytes: 397e6, Samples: []sample{
			{Wall: sec(3), CPU: sec(5), PeakRSS: 500e6}, {Wall: sec(2), CPU: sec(4), PeakRSS: 480e6}, {Wall: sec(9), CPU: sec(6), PeakRSS: 490e6}}},
		{Tool: toolHugo},
		{Tool: toolFloor, Samples: []sample{{Wall: sec(1), CPU: sec(1.5), PeakRSS: 160e6}, {Wall: sec(1), CPU: sec(2), PeakRSS: 170e6}, {Wall: sec(2), CPU: sec(1.5), PeakRSS: 165e6}}},
		{Tool: toolWarm, Samples: []sample{{Wall: sec(0.5), CPU: sec(0.6), PeakRSS: 50e6}, {Wall: sec(0.4), CPU: sec(0.5), PeakRSS: 40e6}, {Wall: sec(0.6), CPU: sec(0.7), PeakRSS: 45e6}}},
	}}
	var b bytes.Buffer
	tb.write(&b)
	want := `
10,000 pages, median of 3 alternating run(s); load average before: 1.00 0.50 0.20, after: 1.90 1.00 0.40

| | bantin | bantin warm | Hugo | floor | bantin/floor | warm/floor | bantin/Hugo |
|---|---:|---:|---:|---:|---:|---:|---:|
| wall time | 3.00 s | 0.50 s | — | 1.00 s | 3.00 | 0.50 | — |
| CPU time (user+sys) | 5.00 s | 0.60 s | — | 1.50 s | 3.33 | 0.40 | — |
| peak RSS | 490 MB | 45 MB | — | 165 MB | 2.97 | 0.27 | — |
| output | 62,455 files, 397 MB | up to date, none written | — | — | | | |
`
	if b.String() != want {
		t.Errorf("table:\n%s\nwant:\n%s", b.String(), want)
	}
	tb.Results[3].Rebuilt = 1
	b.Reset()
	tb.write(&b)
	if !strings.Contains(b.String(), "| 1 of 3 runs built in full |") {
		t.Errorf("a warm run that rebuilt is not shown:\n%s", b.String())
	}
	tb.Results[2].Samples[0].Stdout, tb.Results[2].Samples[2].Stdout = "first\n", "third\n"
	if got := tb.floorLine(); got != "first" {
		t.Errorf("floor line %q, want the first run's (its wall time is the median)", got)
	}
}

func TestFloorReadsEveryPage(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Write(corpus.Bench(40), dir); err != nil {
		t.Fatal(err)
	}
	res, err := floor(dir)
	if err != nil {
		t.Fatal(err)
	}
	var size int
	paths, _ := filepath.Glob(filepath.Join(dir, "content", "*", "*.md"))
	for _, p := range paths {
		info, _ := os.Stat(p)
		size += int(info.Size())
	}
	if res.Files != 40 || res.Bytes != size || res.HTMLBytes < int64(size)/2 {
		t.Errorf("floor %+v; want 40 files, %d bytes and about as much HTML", res, size)
	}
}

func TestBody(t *testing.T) {
	for in, want := range map[string]string{
		"+++\ntitle = \"a\"\n+++\n# Hi\n": "# Hi\n",
		"---\ntitle: a\n---\ntext":        "text",
		"no front matter":                 "no front matter",
		"+++\nunclosed":                   "+++\nunclosed",
	} {
		if got := string(body([]byte(in))); got != want {
			t.Errorf("body(%q) = %q, want %q", in, got, want)
		}
	}
}

// The benchmark corpus builds with bantin without a single diagnostic.
func TestBenchCorpusBuildsClean(t *testing.T) {
	res := build.Build(corpus.Generate(corpus.Bench(120)), build.Options{Now: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)})
	if items := res.Diags.Items(); len(items) != 0 {
		t.Fatalf("%d diagnostics: %v", len(items), res.Diags.Err())
	}
}

// Hugo builds the same corpus from its own project folder. Hugo is never
// installed in CI (it takes minutes to compile), so this test skips
// without it even when BANTIN_REQUIRE_TOOLS=1; run sitebench once to
// install it.
func TestHugoBuildsCorpus(t *testing.T) {
	dir, err := hugoCacheDir()
	if err != nil {
		t.Skip(err)
	}
	hugo := filepath.Join(dir, "hugo")
	if _, err := os.Stat(hugo); err != nil {
		t.Skipf("Hugo %s is not installed in %s (sitebench installs it; never in CI)", HugoVersion, dir)
	}
	work := t.TempDir()
	if err := corpus.Write(corpus.Bench(60), work); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(work, "public")
	cmd := exec.Command(hugo, "--source", filepath.Join(work, corpus.HugoDir), "--destination", out, "--cacheDir", filepath.Join(work, "cache"), "--noBuildLock", "--quiet")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("hugo: %v\n%s", err, b)
	}
	page, err := os.ReadFile(filepath.Join(out, "bai-viet", "trang-00001", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<h1>", `id="TableOfContents"`, "/tags/", "Bài liên quan"} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("Hugo's page lacks %q", want)
		}
	}
	for _, f := range []string{"index.html", "tags/index.html", "bai-viet/page/2/index.html", "sitemap.xml", "index.xml"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("Hugo wrote no %s", f)
		}
	}
}

// A child that passes -maxrss is killed and said to be.
func TestRunKillsAboveMaxRSS(t *testing.T) {
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	_, err = run([]string{self}, []string{"SITEBENCH_TEST_CHILD=alloc"}, 32<<20)
	var tooBig *tooBigError
	if !errors.As(err, &tooBig) {
		t.Fatalf("error %v, want a child killed above 32 MB", err)
	}
	tb := table{Pages: 1, Runs: 1, Results: []result{{Tool: toolBantin, Killed: "killed at 12,000 MB"}}}
	var b bytes.Buffer
	tb.write(&b)
	if !strings.Contains(b.String(), "| wall time | killed at 12,000 MB | — | — | — | — | — | — |") {
		t.Errorf("table:\n%s", b.String())
	}
}

func TestParseBytes(t *testing.T) {
	for in, want := range map[string]int64{"": 0, "12GB": 12e9, "800mb": 800e6, "1.5GB": 1.5e9, "1000": 1000} {
		if got, err := parseBytes(in); err != nil || got != want {
			t.Errorf("parseBytes(%q) = %d, %v", in, got, err)
		}
	}
	if _, err := parseBytes("lots"); err == nil {
		t.Error("lots read as a size")
	}
}
