// Package cputime reports CPU time per iteration in Go benchmarks, as the
// metric "cpu-ns/op". On a machine shared with other work, wall time per
// operation moves with the load; a thread's or the process's own CPU time
// much less, so the project's benchmarks report both.
//
// [Thread] runs the loop on one locked OS thread and counts that thread's
// CPU time (Linux: getrusage RUSAGE_THREAD; elsewhere the process's, which
// includes the runtime's background work). [Process] counts every thread
// of the process, for stages that run on all cores.
//
// It is imported by tests only and imports no other internal package.
package cputime
