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
	cpu, mem         string
	cpuFile, memFile *os.File
}

// start opens both profiles' files, so that one that cannot be written
// stops the build before it starts, and begins the CPU profile.
func (p *profiles) start() error {
	if p.mem != "" {
		f, err := os.Create(p.mem)
		if err != nil {
			return fmt.Errorf("--memprofile: %v", err)
		}
		p.memFile = f
	}
	if p.cpu == "" {
		return nil
	}
	f, err := os.Create(p.cpu)
	if err == nil {
		err = pprof.StartCPUProfile(f)
		if err != nil {
			f.Close()
		}
	}
	if err != nil {
		p.closeMem()
		return fmt.Errorf("--cpuprofile: %v", err)
	}
	p.cpuFile = f
	return nil
}

// heap writes the heap profile, if one was asked for: called while the
// build's result is still alive, so that it shows what the site model
// holds (pprof's default view of it is the memory in use).
func (p *profiles) heap() error {
	if p.memFile == nil {
		return nil
	}
	defer p.closeMem()
	runtime.GC()
	if err := pprof.Lookup("heap").WriteTo(p.memFile, 0); err != nil {
		return fmt.Errorf("--memprofile: %v", err)
	}
	return nil
}

func (p *profiles) closeMem() {
	if p.memFile != nil {
		p.memFile.Close()
		p.memFile = nil
	}
}

// stop ends the CPU profile.
func (p *profiles) stop() {
	if p.cpuFile != nil {
		pprof.StopCPUProfile()
		p.cpuFile.Close()
		p.cpuFile = nil
	}
}
