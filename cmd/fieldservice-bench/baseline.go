package main

import (
	"encoding/json"
	"fmt"
	"os"
)

// loadBaseline reads the -json results of an earlier run (-baseline) and
// keeps its runs at real-world latency in res, to compare with.
func loadBaseline(file string, res *results) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return fmt.Errorf("-baseline: %w", err)
	}
	var old results
	if err := json.Unmarshal(b, &old); err != nil {
		return fmt.Errorf("-baseline %s: %w", file, err)
	}
	if len(old.WAN) == 0 {
		return fmt.Errorf("-baseline %s holds no runs at -wan-latency", file)
	}
	res.Baseline, res.BaselineFile, res.BaselineFrom = old.WAN, file, old.Started
	return nil
}

// baselineOf is the baseline's run of the same kind, N and latency as w.
func baselineOf(res *results, w wanResult) (wanResult, bool) {
	for _, b := range res.Baseline {
		if b.Kind == w.Kind && b.N == w.N && b.LatencyMS == w.LatencyMS {
			return b, true
		}
	}
	return wanResult{}, false
}
