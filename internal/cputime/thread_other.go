//go:build unix && !linux

package cputime

import "syscall"

const threadWho = syscall.RUSAGE_SELF // no per-thread usage: the process's
