//go:build !linux

package main

import "os"

// maxRSSKiB is not measured outside Linux (ru_maxrss units differ between
// systems); the report then shows the RSS as not measured.
func maxRSSKiB(*os.ProcessState) (int64, bool) { return 0, false }
