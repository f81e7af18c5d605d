package main

import (
	"os"
	"syscall"
)

// maxRSSKiB is the child's peak resident set size; Linux reports ru_maxrss
// in KiB.
func maxRSSKiB(ps *os.ProcessState) (int64, bool) {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok || ru == nil {
		return 0, false
	}
	return ru.Maxrss, true
}
