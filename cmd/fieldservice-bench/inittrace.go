package main

import (
	"slices"
	"strconv"
	"strings"
)

// initTrace summarises the Go runtime's package initialisation trace
// (GODEBUG=inittrace=1), one line per package with init work:
//
//	init github.com/x/y @18 ms, 1.6 ms clock, 91872 bytes, 851 allocs
type initTrace struct {
	Packages int `json:"packages"`
	// ClockMS is the time spent in init functions, summed.
	ClockMS float64 `json:"clock_ms"`
	// LastStartMS is when the last package's init started, after the
	// process started: when main is about to run.
	LastStartMS float64 `json:"last_start_ms"`
	// Heaviest are the packages whose init took longest, with their time.
	Heaviest []initPackage `json:"heaviest"`
}

type initPackage struct {
	Name    string  `json:"name"`
	ClockMS float64 `json:"clock_ms"`
}

// heaviestInits is how many packages initTrace.Heaviest keeps.
const heaviestInits = 5

// parseInitTrace reads the trace lines of stderr; nil when there are none.
func parseInitTrace(stderr string) *initTrace {
	t := &initTrace{}
	var all []initPackage
	for _, line := range strings.Split(stderr, "\n") {
		f := strings.Fields(line)
		// init NAME @T ms, D ms clock, …
		if len(f) < 7 || f[0] != "init" || !strings.HasPrefix(f[2], "@") || f[6] != "clock," {
			continue
		}
		at, err1 := strconv.ParseFloat(strings.TrimPrefix(f[2], "@"), 64)
		d, err2 := strconv.ParseFloat(f[4], 64)
		if err1 != nil || err2 != nil {
			continue
		}
		t.Packages++
		t.ClockMS += d
		t.LastStartMS = max(t.LastStartMS, at)
		all = append(all, initPackage{Name: f[1], ClockMS: d})
	}
	if t.Packages == 0 {
		return nil
	}
	slices.SortStableFunc(all, func(a, b initPackage) int {
		switch {
		case a.ClockMS > b.ClockMS:
			return -1
		case a.ClockMS < b.ClockMS:
			return 1
		}
		return 0
	})
	t.Heaviest = all[:min(heaviestInits, len(all))]
	return t
}
