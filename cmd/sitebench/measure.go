package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strings"
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
// A failing tool is an error carrying its output.
func run(argv []string, env []string) (sample, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return sample{}, fmt.Errorf("%s: %w\n%s%s", strings.Join(argv, " "), err, tail(stdout.String()), tail(stderr.String()))
	}
	s := usage(cmd.ProcessState)
	s.Wall, s.Stdout = wall, stdout.String()
	return s, nil
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
