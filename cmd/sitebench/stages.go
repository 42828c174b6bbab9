package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"bantin/internal/build"
	"bantin/internal/sitefs"
)

// stagesLimit is the largest corpus whose stages sitebench times: the
// in-process build holds every output file in memory.
const stagesLimit = 20000

// runStages is the stages subcommand: sitebench stages DIR runs
// build.Build on the site in DIR, as bantin build does but writing
// nothing, and prints the wall time of each stage.
func runStages(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintln(stderr, "usage: sitebench stages DIR")
		return 2
	}
	fsys, err := sitefs.Open(args[0])
	if err != nil {
		fmt.Fprintln(stderr, "sitebench stages:", err)
		return 1
	}
	start := time.Now()
	res := build.Build(fsys, build.Options{Now: time.Now()})
	total := time.Since(start)
	if res.Diags.HasErrors() {
		fmt.Fprintln(stderr, "sitebench stages:", res.Diags.Err())
		return 1
	}
	fmt.Fprintln(stdout, stagesLine(res.Stats.Stages, total))
	return 0
}

// stagesLine is "build.Build 10.2 s: read 1.16 s, markdown 3.20 s, …".
func stagesLine(stages []build.Stage, total time.Duration) string {
	parts := make([]string, len(stages))
	for i, s := range stages {
		parts[i] = s.Name + " " + seconds(s.Duration)
	}
	return fmt.Sprintf("bantin's stages (build.Build in process, writing nothing) %s: %s", seconds(total), strings.Join(parts, ", "))
}
