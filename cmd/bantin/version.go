package main

import (
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
)

// buildVersion is set with -ldflags "-X main.buildVersion=v1.2.3".
var buildVersion = ""

func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bantin version", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: bantin version\n\nPrints bantin's module version, the VCS revision it was built from, and the Go version.")
	}
	if status, done := parseFlags(fs, args, stderr); done {
		return status
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return exitUsage
	}
	info, _ := debug.ReadBuildInfo()
	fmt.Fprintln(stdout, versionLine(info))
	return exitOK
}

// versionLine describes the binary from its build info: "bantin v1.2.0
// (revision 4a52860c1e2f, 2026-12-03T09:00:00Z) go1.26.8".
func versionLine(info *debug.BuildInfo) string {
	v := buildVersion
	if info == nil {
		if v == "" {
			v = "(unknown version)"
		}
		return "bantin " + v
	}
	if v == "" {
		v = info.Main.Version
	}
	if v == "" || v == "(devel)" {
		v = "(devel)"
	}
	var rev, when string
	dirty := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	var extra []string
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if dirty {
			rev += " with local changes"
		}
		extra = append(extra, "revision "+rev)
	}
	if when != "" {
		extra = append(extra, when)
	}
	line := "bantin " + v
	if len(extra) > 0 {
		line += " (" + strings.Join(extra, ", ") + ")"
	}
	return line + " " + info.GoVersion
}
