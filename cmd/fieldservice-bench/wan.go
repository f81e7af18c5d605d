package main

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// The runs at real-world latency (issue 15): for each of -wan-kinds, N =
// -wan-n objects applied, refreshed and destroyed with every request
// delayed by -wan-latency, and the same commands at 0 ms, Terraform's own
// floor:
//
//   - measured pass (a fresh emulator): apply at the latency; the refresh
//     in -wan-refresh-pairs pairs, one at the latency and one at 0 ms
//     against the same state (order alternating from pair to pair); destroy
//     at the latency;
//   - floor pass (another fresh emulator, the same seed and configuration):
//     apply and destroy at 0 ms.
//
// The passes alternate in order from kind to kind, so that a drift in the
// machine's load affects both alike. Two emulators because objects that
// cannot be deleted (lib items, users) keep their codes and usernames after
// a destroy, so the same configuration cannot be applied twice into one.

// serviceTradePageSize is the emulator's ServiceTrade list page size
// (servicetrade.Options.PageSize's default, which the bench keeps): the
// page count of a list of N objects is ceil(N / serviceTradePageSize).
const serviceTradePageSize = 10

// wanResult is one kind's runs at -wan-latency and at 0 ms.
type wanResult struct {
	Kind      string  `json:"kind"`
	N         int     `json:"n"`
	LatencyMS float64 `json:"latency_ms"`
	PageSize  int     `json:"page_size"`
	Listable  bool    `json:"listable"`
	// Listed is how many objects the kind's listing holds during the
	// refreshes: N and the emulator's seeded ones (kind.AlsoListed); 0 in
	// results written before it was recorded, meaning N.
	Listed int `json:"listed,omitempty"`
	// Phases are the commands at LatencyMS (apply, each refresh, destroy),
	// Floors the same at 0 ms, in the order they ran.
	Phases []phaseResult `json:"phases"`
	Floors []phaseResult `json:"floors"`
	// FloorFirst is true when the floor pass ran before the measured one.
	FloorFirst bool `json:"floor_first"`
}

// runWAN runs kind k (the i-th of -wan-kinds) at -wan-latency and at 0 ms.
func runWAN(o options, k kind, i int) (wanResult, error) {
	w := wanResult{Kind: k.Name, N: o.wanN, LatencyMS: ms(o.wanLatency), PageSize: serviceTradePageSize, Listable: k.Listable, Listed: o.wanN + k.AlsoListed, FloorFirst: i%2 == 1}
	passes := []func() error{
		func() error { return w.measuredPass(o, k, i) },
		func() error { return w.floorPass(o, k) },
	}
	if w.FloorFirst {
		passes[0], passes[1] = passes[1], passes[0]
	}
	var errs []string
	for _, pass := range passes {
		if err := pass(); err != nil {
			errs = append(errs, err.Error())
		}
	}
	for _, p := range append(w.Phases, w.Floors...) {
		if !p.ok() {
			errs = append(errs, fmt.Sprintf("%s at %s: %s", p.Phase, fmtMS(p.LatencyMS), p.Error))
		}
	}
	if len(errs) > 0 {
		return w, errors.New(strings.Join(errs, "; "))
	}
	return w, nil
}

func (w *wanResult) measuredPass(o options, k kind, i int) error {
	s, err := openSession(o, k, o.wanN)
	if err != nil {
		return err
	}
	defer s.close()
	apply := s.measure(phaseApply, o.wanLatency, "", applyArgs...)
	w.Phases = append(w.Phases, apply)
	if !apply.ok() {
		s.cleanUp()
		return nil
	}
	for pair := 0; pair < o.wanRefreshPairs; pair++ {
		order := []time.Duration{o.wanLatency, 0}
		if (pair+i)%2 == 1 {
			order = []time.Duration{0, o.wanLatency}
		}
		for _, lat := range order {
			w.add(s.measure(phaseRefresh, lat, "", refreshArgs...))
		}
	}
	w.Phases = append(w.Phases, s.measure(phaseDestroy, o.wanLatency, "", destroyArgs...))
	return nil
}

func (w *wanResult) floorPass(o options, k kind) error {
	s, err := openSession(o, k, o.wanN)
	if err != nil {
		return err
	}
	defer s.close()
	apply := s.measure(phaseApply, 0, "", applyArgs...)
	w.Floors = append(w.Floors, apply)
	if !apply.ok() {
		s.cleanUp()
		return nil
	}
	w.Floors = append(w.Floors, s.measure(phaseDestroy, 0, "", destroyArgs...))
	return nil
}

// add files a run under Phases or Floors by its latency.
func (w *wanResult) add(p phaseResult) {
	if p.LatencyMS == 0 {
		w.Floors = append(w.Floors, p)
	} else {
		w.Phases = append(w.Phases, p)
	}
}

// wanPhase summarises one phase of a wanResult: the first successful run's
// requests, the median wall time of the runs at the latency and of those at
// 0 ms, and the largest peak RSS of them all.
type wanPhase struct {
	Phase         string
	Run           phaseResult // the first successful run at the latency
	Wall, Floor   float64     // seconds, medians
	Runs, Floors  int         // how many runs each median is of
	PeakRSSKiB    int64
	RequestsVary  bool // the runs at the latency did not all make the same requests
	Failed        bool
	FailureReason string
}

func (p wanPhase) ratio() float64 {
	if p.Floor <= 0 {
		return 0
	}
	return p.Wall / p.Floor
}

// phase summarises the runs of one phase; Failed when none succeeded at
// the latency or at 0 ms.
func (w wanResult) phase(name string) wanPhase {
	s := wanPhase{Phase: name}
	var walls, floors []float64
	for _, p := range w.Phases {
		if p.Phase != name {
			continue
		}
		if !p.ok() {
			s.FailureReason = p.Error
			continue
		}
		if len(walls) == 0 {
			s.Run = p
		} else if p.Total != s.Run.Total {
			s.RequestsVary = true
		}
		walls = append(walls, p.WallSec)
		s.PeakRSSKiB = max(s.PeakRSSKiB, p.PeakRSSKiB)
	}
	for _, p := range w.Floors {
		if p.Phase != name {
			continue
		}
		if !p.ok() {
			s.FailureReason = p.Error + " (at 0 ms)"
			continue
		}
		floors = append(floors, p.WallSec)
		s.PeakRSSKiB = max(s.PeakRSSKiB, p.PeakRSSKiB)
	}
	s.Runs, s.Floors = len(walls), len(floors)
	s.Wall, s.Floor = median(walls), median(floors)
	s.Failed = len(walls) == 0 || len(floors) == 0
	return s
}

// refreshLimit is the target's request count for a refresh of n objects
// of a listable kind: ceil(n / page size) + 2.
func refreshLimit(n, pageSize int) int { return ceilDiv(n, pageSize) + 2 }

// listed is how many objects w's listing holds (see wanResult.Listed).
func (w wanResult) listed() int {
	if w.Listed > 0 {
		return w.Listed
	}
	return w.N
}
