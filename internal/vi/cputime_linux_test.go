package vi

import (
	"runtime"
	"syscall"
	"testing"
	"time"
)

// reportThreadCPU runs loop on one locked OS thread and reports its CPU
// time per iteration ("cpu-ns/op"): on a machine shared with other work,
// wall time per op moves with the load, the thread's own CPU time much
// less.
func reportThreadCPU(b *testing.B, loop func()) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	start := threadCPU()
	loop()
	b.ReportMetric(float64(threadCPU()-start)/float64(b.N), "cpu-ns/op")
}

func threadCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_THREAD, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
