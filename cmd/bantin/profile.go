package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
)

// profiles are the profiles `bantin build` writes when asked
// (--cpuprofile, --memprofile, as Hugo names them).
type profiles struct {
	cpu, mem string
	cpuFile  *os.File
}

// start begins the CPU profile, if one was asked for.
func (p *profiles) start() error {
	if p.cpu == "" {
		return nil
	}
	f, err := os.Create(p.cpu)
	if err != nil {
		return fmt.Errorf("--cpuprofile: %v", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return fmt.Errorf("--cpuprofile: %v", err)
	}
	p.cpuFile = f
	return nil
}

// heap writes the heap profile, if one was asked for: called while the
// build's result is still alive, so that it shows what the site model holds.
func (p *profiles) heap() error {
	if p.mem == "" {
		return nil
	}
	f, err := os.Create(p.mem)
	if err != nil {
		return fmt.Errorf("--memprofile: %v", err)
	}
	defer f.Close()
	runtime.GC()
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		return fmt.Errorf("--memprofile: %v", err)
	}
	return f.Close()
}

// stop ends the CPU profile.
func (p *profiles) stop() {
	if p.cpuFile != nil {
		pprof.StopCPUProfile()
		p.cpuFile.Close()
		p.cpuFile = nil
	}
}
