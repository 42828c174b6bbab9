package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
)

// sample is one run of one tool: wall time, CPU time (user + system) and
// peak resident set size of the child process, from wait4's rusage.
type sample struct {
	Wall, CPU time.Duration
	PeakRSS   int64 // bytes
	Stdout    string
}

// run starts argv as a child process, waits for it and reads its rusage.
// A failing tool is an error carrying its output. With maxRSS > 0, a child
// whose resident memory passes maxRSS bytes is killed (the machine may be
// shared: a 100,000-page build must not push others out of memory), and
// the error is a *tooBigError.
func run(argv []string, env []string, maxRSS int64) (sample, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return sample{}, err
	}
	var killed atomic.Bool
	done := make(chan struct{})
	if maxRSS > 0 {
		go watchRSS(cmd.Process, maxRSS, &killed, done)
	}
	err := cmd.Wait()
	close(done)
	wall := time.Since(start)
	if killed.Load() {
		return sample{}, &tooBigError{argv[0], maxRSS}
	}
	if err != nil {
		return sample{}, fmt.Errorf("%s: %w\n%s%s", strings.Join(argv, " "), err, tail(stdout.String()), tail(stderr.String()))
	}
	s := usage(cmd.ProcessState)
	s.Wall, s.Stdout = wall, stdout.String()
	return s, nil
}

// tooBigError is a child killed for passing the memory limit.
type tooBigError struct {
	program string
	limit   int64
}

func (e *tooBigError) Error() string {
	return fmt.Sprintf("%s killed: its resident memory passed %s (-maxrss)", e.program, megabytes(e.limit))
}

// watchRSS reads the child's resident memory from /proc five times a
// second and kills it when it passes limit, until done is closed.
func watchRSS(p *os.Process, limit int64, killed *atomic.Bool, done <-chan struct{}) {
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-done:
			return
		case <-tick.C:
			if rss, err := residentBytes(p.Pid); err == nil && rss > limit {
				killed.Store(true)
				p.Kill()
				return
			}
		}
	}
}

// residentBytes reads a process's resident set size from /proc/PID/statm.
func residentBytes(pid int) (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/statm", pid))
	if err != nil {
		return 0, err
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0, fmt.Errorf("statm: %q", b)
	}
	pages, err := strconv.ParseInt(f[1], 10, 64)
	return pages * int64(os.Getpagesize()), err
}

// usage reads CPU time and peak RSS from a finished process. Linux gives
// ru_maxrss in kilobytes.
func usage(ps *os.ProcessState) sample {
	s := sample{CPU: ps.UserTime() + ps.SystemTime()}
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		s.PeakRSS = int64(ru.Maxrss) * 1024
	}
	return s
}

// tail keeps the last lines of a tool's output for an error message.
func tail(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > 20 {
		lines = lines[len(lines)-20:]
	}
	if len(lines) == 1 && lines[0] == "" {
		return ""
	}
	return strings.Join(lines, "\n") + "\n"
}
