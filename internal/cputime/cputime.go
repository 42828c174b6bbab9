package cputime

import (
	"runtime"
	"syscall"
	"testing"
	"time"
)

// Thread runs loop on one locked OS thread and reports that thread's CPU
// time per iteration.
func Thread(b *testing.B, loop func()) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	start := usage(threadWho)
	loop()
	b.ReportMetric(float64(usage(threadWho)-start)/float64(b.N), "cpu-ns/op")
}

// Process runs loop and reports the process's CPU time (every thread) per
// iteration.
func Process(b *testing.B, loop func()) {
	start := usage(syscall.RUSAGE_SELF)
	loop()
	b.ReportMetric(float64(usage(syscall.RUSAGE_SELF)-start)/float64(b.N), "cpu-ns/op")
}

// usage is the user and system CPU time getrusage reports for who.
func usage(who int) time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(who, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
