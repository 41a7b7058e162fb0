//go:build unix

package sinks_test

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time the process has used, user and system: a
// measure the load of other processes on a shared machine changes far
// less than the wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
