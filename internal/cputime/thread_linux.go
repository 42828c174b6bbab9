package cputime

import "syscall"

const threadWho = syscall.RUSAGE_THREAD
