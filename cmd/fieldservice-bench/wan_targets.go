package main

import (
	"fmt"
	"slices"
	"strings"
)

// The targets of issue 15 (performance at real-world latency), judged on
// the runs at -wan-latency and reported, not asserted.

// wanFloorTarget is the largest wall / floor of a listable kind's refresh.
const wanFloorTarget = 1.3

// baselineTolerance is how much worse than the -baseline run an apply's or
// a destroy's wall / floor and requests may be and still count as
// unchanged: the machine's noise, and the requests that depend on timing
// (a read that comes before the list it could have waited for).
const baselineTolerance = 1.10

func wanTargets(res *results) []target {
	return []target{wanRefreshRequestsTarget(res), wanRefreshFloorTarget(res), wanApplyDestroyTarget(res), wanRSSTarget(res)}
}

// wanTitle prefixes a target's title with the latency of the runs.
func wanTitle(res *results, s string) string {
	latency := "real-world latency"
	if len(res.WAN) > 0 {
		latency = fmtMS(res.WAN[0].LatencyMS)
	}
	return "At " + latency + ": " + s
}

// listable returns the runs of listable kinds and the names of the others.
func listable(res *results) (runs []wanResult, others []string) {
	for _, w := range res.WAN {
		if w.Listable {
			runs = append(runs, w)
		} else {
			others = append(others, w.Kind)
		}
	}
	return runs, others
}

func notListedNote(others []string) string {
	if len(others) == 0 {
		return ""
	}
	return fmt.Sprintf(" Not judged (marked as keeping GET by id, `Listable` in `cmd/fieldservice-bench/kinds.go`): %s.", strings.Join(others, ", "))
}

func wanRefreshRequestsTarget(res *results) target {
	n := 500
	if len(res.WAN) > 0 {
		n = res.WAN[0].N
	}
	t := target{title: wanTitle(res, fmt.Sprintf("refresh of %d objects of a listable kind in at most ceil(%d / page size) + 2 requests", n, n))}
	runs, others := listable(res)
	ok, judged := true, 0
	var parts, byID, mixed []string
	for _, w := range runs {
		s := w.phase(phaseRefresh)
		if s.Failed {
			parts = append(parts, fmt.Sprintf("%s: failed", w.Kind))
			ok = false
			continue
		}
		judged++
		limit := refreshLimit(w.listed(), w.PageSize)
		parts = append(parts, fmt.Sprintf("%s: %d requests (%s; limit ceil(%s / %d) + 2 = %d)", w.Kind, s.Run.Total, breakdown(s.Run.ByOp), listedCount(w), w.PageSize, limit))
		if s.Run.Total > limit {
			ok = false
			if lists := s.Run.ByOp["servicetrade "+opList]; lists == 0 {
				byID = append(byID, w.Kind)
			} else {
				mixed = append(mixed, fmt.Sprintf("%s %d list pages and %d reads by id", w.Kind, lists, s.Run.ByOp["servicetrade "+opGet]))
			}
		}
	}
	t.measured = strings.Join(parts, "; ") + "." + notListedNote(others)
	if len(parts) == 0 {
		t.measured = "not run." + notListedNote(others)
	}
	t.verdict = verdict(ok, judged > 0)
	var why []string
	if len(byID) > 0 {
		why = append(why, fmt.Sprintf("Read by id, one GET per object and no list page: %s. At Terraform's parallelism of 10 that is N × latency / 10 = %.1f s of waiting "+
			"per refresh of %d objects. If such a kind's list does not return what its GET does, mark it `Listable: false` in the bench and list it in this report "+
			"with the reason.", strings.Join(byID, ", "), float64(n)*res.WAN[0].LatencyMS/1000/10, n))
	}
	if len(mixed) > 0 {
		why = append(why, "Both list pages and reads by id: "+strings.Join(mixed, "; ")+". The bench cannot tell which reads by id these are: reads "+
			"made before the provider turned to the list (below its threshold, or while the list was being fetched), or of objects missing from the list.")
	}
	if len(why) == 0 && !ok {
		why = append(why, "More requests than list pages: see the table above.")
	}
	t.why = strings.Join(why, " ")
	return t
}

func wanRefreshFloorTarget(res *results) target {
	t := target{title: wanTitle(res, fmt.Sprintf("refresh of a listable kind within %.1f× of the 0 ms floor", wanFloorTarget))}
	runs, others := listable(res)
	ok, judged := true, 0
	var parts, over []string
	for _, w := range runs {
		s := w.phase(phaseRefresh)
		if s.Failed {
			parts = append(parts, fmt.Sprintf("%s: failed", w.Kind))
			ok = false
			continue
		}
		judged++
		parts = append(parts, fmt.Sprintf("%s: %.2f s against %.2f s, %.2f×", w.Kind, s.Wall, s.Floor, s.ratio()))
		if s.ratio() > wanFloorTarget {
			ok = false
			over = append(over, fmt.Sprintf("%s (%d requests, %.2f s more than the floor)", w.Kind, s.Run.Total, s.Wall-s.Floor))
		}
	}
	t.measured = strings.Join(parts, "; ")
	if len(runs) > 0 {
		if r := runs[0].phase(phaseRefresh).Runs; r == 1 {
			t.measured += " (one run at each latency, against the same state)."
		} else {
			t.measured += fmt.Sprintf(" (medians of %d runs at each latency, each pair against the same state).", r)
		}
	}
	t.measured += notListedNote(others)
	if judged == 0 && len(parts) == 0 {
		t.measured = "not run." + notListedNote(others)
	}
	t.verdict = verdict(ok, judged > 0)
	if len(over) > 0 {
		t.why = "Over the target: " + strings.Join(over, "; ") + ". The time the latency adds is roughly the number of request rounds " +
			"(requests / requests in flight) × the latency; fewer requests (list pages) or more of them in flight bring it down."
	}
	return t
}

func wanApplyDestroyTarget(res *results) target {
	t := target{title: wanTitle(res, "apply and destroy unchanged or better")}
	ok, judged := true, 0
	var parts, worse []string
	for _, w := range res.WAN {
		k, known := kindByName(w.Kind)
		base, hasBase := baselineOf(res, w)
		for _, ph := range []string{phaseApply, phaseDestroy} {
			s := w.phase(ph)
			if s.Failed {
				parts = append(parts, fmt.Sprintf("%s %s: failed", w.Kind, ph))
				ok = false
				continue
			}
			judged++
			part := fmt.Sprintf("%s %s: %d requests", w.Kind, ph, s.Run.Total)
			if known {
				byID := k.byIDRequests(ph, w.N)
				part += fmt.Sprintf(" (by id: %d)", byID)
				if s.Run.Total > byID {
					ok = false
					worse = append(worse, fmt.Sprintf("%s %s makes %d requests, more than the %d of a provider that reads by id", w.Kind, ph, s.Run.Total, byID))
				}
			}
			part += fmt.Sprintf(", %.2f× the floor", s.ratio())
			if hasBase {
				if b := base.phase(ph); !b.Failed {
					part += fmt.Sprintf(" (baseline: %d requests, %.2f×)", b.Run.Total, b.ratio())
					if float64(s.Run.Total) > float64(b.Run.Total)*baselineTolerance {
						ok = false
						worse = append(worse, fmt.Sprintf("%s %s makes %d requests, the baseline %d", w.Kind, ph, s.Run.Total, b.Run.Total))
					}
					if s.ratio() > b.ratio()*baselineTolerance {
						ok = false
						worse = append(worse, fmt.Sprintf("%s %s is %.2f× its floor, the baseline %.2f×", w.Kind, ph, s.ratio(), b.ratio()))
					}
				}
			}
			parts = append(parts, part)
		}
	}
	if len(parts) == 0 {
		t.measured = "not run."
	} else {
		t.measured = strings.Join(parts, "; ") + "."
		if res.BaselineFile != "" {
			t.measured += fmt.Sprintf(" Baseline: `%s` (run %s); wall / floor and requests may exceed the baseline's by %.0f %% (noise).",
				res.BaselineFile, res.BaselineFrom.UTC().Format("2006-01-02 15:04 MST"), (baselineTolerance-1)*100)
		} else {
			t.measured += " Requests are compared with what a provider that reads every object by id makes (the natural-key listing, one authentication per " +
				"provider process that makes requests); wall times are compared only with `-baseline` (the `-json` results of a run before the change)."
		}
	}
	t.verdict = verdict(ok, judged > 0)
	if len(worse) > 0 {
		t.why = "Worse: " + strings.Join(worse, "; ") + "."
	}
	return t
}

func wanRSSTarget(res *results) target {
	t := target{title: wanTitle(res, fmt.Sprintf("provider peak RSS still under %d MB", rssTargetMB))}
	var peak int64
	var parts []string
	for _, w := range res.WAN {
		var top int64
		for _, ph := range wanPhases {
			top = max(top, w.phase(ph).PeakRSSKiB)
		}
		peak = max(peak, top)
		parts = append(parts, fmt.Sprintf("%s %s", w.Kind, fmtRSS(top)))
	}
	t.measured = "not run."
	if len(parts) > 0 {
		t.measured = fmt.Sprintf("largest %s over every run at both latencies (%s).", fmtRSS(peak), strings.Join(parts, ", "))
	}
	t.verdict = verdict(mb(peak) < rssTargetMB, peak > 0)
	if peak > 0 && mb(peak) >= rssTargetMB {
		var top []string
		for _, w := range res.WAN {
			for _, p := range slices.Concat(w.Phases, w.Floors) {
				if mb(p.PeakRSSKiB) >= rssTargetMB {
					top = append(top, fmt.Sprintf("%s %s at %s: %s", w.Kind, p.Phase, fmtMS(p.LatencyMS), fmtRSS(p.PeakRSSKiB)))
				}
			}
		}
		t.why = "Over the target: " + strings.Join(top, "; ") + "."
	}
	return t
}

// listedCount says how many objects w's listing holds, and why more than N.
func listedCount(w wanResult) string {
	if w.listed() == w.N {
		return fmt.Sprint(w.N)
	}
	return fmt.Sprintf("%d listed: %d managed and %d seeded", w.listed(), w.N, w.listed()-w.N)
}
