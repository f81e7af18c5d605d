package main

import (
	"strings"
	"testing"
	"time"
)

func TestRefreshLimit(t *testing.T) {
	cases := []struct{ n, page, want int }{
		{500, 10, 52},
		{505, 10, 53},
		{10, 10, 3},
		{1, 10, 3},
		{500, 100, 7},
	}
	for _, c := range cases {
		if got := refreshLimit(c.n, c.page); got != c.want {
			t.Errorf("refreshLimit(%d, %d) = %d, want %d", c.n, c.page, got, c.want)
		}
	}
}

// The refresh limit counts the pages of the whole listing: the users the
// emulator seeds are listed beside the 500 the run manages, and results
// written before Listed was recorded count N.
func TestRefreshLimitCountsWhatTheListingHolds(t *testing.T) {
	user, _ := kindByName("servicetrade_user")
	webhook, _ := kindByName("servicetrade_webhook")
	if user.AlsoListed != 5 || webhook.AlsoListed != 0 {
		t.Fatalf("AlsoListed: users %d (want the 5 seeded users), webhooks %d (want 0)", user.AlsoListed, webhook.AlsoListed)
	}
	cases := []struct {
		w     wanResult
		limit int
		text  string
	}{
		{wanResult{N: 500, Listed: 505, PageSize: 10}, 53, "505 listed: 500 managed and 5 seeded"},
		{wanResult{N: 500, Listed: 500, PageSize: 10}, 52, "500"},
		{wanResult{N: 500, PageSize: 10}, 52, "500"},
	}
	for _, c := range cases {
		if got := refreshLimit(c.w.listed(), c.w.PageSize); got != c.limit {
			t.Errorf("%+v: limit %d, want %d", c.w, got, c.limit)
		}
		if got := listedCount(c.w); got != c.text {
			t.Errorf("%+v: listedCount %q, want %q", c.w, got, c.text)
		}
	}
}

func TestByIDRequests(t *testing.T) {
	region, _ := kindByName("servicetrade_region")
	webhook, _ := kindByName("servicetrade_webhook")
	libItem, _ := kindByName("servicetrade_lib_item")
	user, _ := kindByName("servicetrade_user")
	kimoby, _ := kindByName("kimoby_webhook")
	cases := []struct {
		k     kind
		phase string
		n     int
		want  int
	}{
		// What the provider made before list pages, as measured: auth,
		// creates and the natural-key listing…
		{region, phaseApply, 500, 501},
		{webhook, phaseApply, 500, 502},
		{libItem, phaseApply, 10, 13},
		{user, phaseApply, 10, 12},
		// … auth and one GET per object …
		{user, phaseRefresh, 500, 501},
		{kimoby, phaseRefresh, 500, 10},
		// … two auths, the refresh's GETs and the retiring requests (a
		// user is read again before its deactivating PUT).
		{region, phaseDestroy, 500, 1002},
		{libItem, phaseDestroy, 10, 22},
		{user, phaseDestroy, 10, 32},
		{kimoby, phaseDestroy, 100, 102},
	}
	for _, c := range cases {
		if got := c.k.byIDRequests(c.phase, c.n); got != c.want {
			t.Errorf("%s %s N=%d: %d, want %d", c.k.Name, c.phase, c.n, got, c.want)
		}
	}
}

func TestConfigRefs(t *testing.T) {
	user, _ := kindByName("servicetrade_user")
	cfg, err := user.config(3, map[string]string{refCompany: "4294967297", refOffice: "4294967301"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"count = 3", "company_id  = 4294967297", "location_id = 4294967301", `username    = "bench.user.${count.index}"`} {
		if !strings.Contains(cfg, want) {
			t.Errorf("the configuration lacks %q:\n%s", want, cfg)
		}
	}
	if strings.Contains(cfg, refCompany) || strings.Contains(cfg, refOffice) {
		t.Errorf("a reference is left in the configuration:\n%s", cfg)
	}
	if _, err := user.config(3, nil); err == nil {
		t.Error("config without the references accepted")
	}
	region, _ := kindByName("servicetrade_region")
	if _, err := region.config(3, nil); err != nil {
		t.Errorf("a kind without references: %v", err)
	}
}

// fakeRun is a successful phase of kind at latency (ms) with wall seconds and
// requests.
func fakeRun(kind, phase string, latency, wall float64, byOp map[string]int) phaseResult {
	p := phaseResult{Kind: kind, N: 500, Phase: phase, LatencyMS: latency, WallSec: wall, ByOp: byOp, Providers: 3, PeakRSSKiB: 60000}
	for _, v := range byOp {
		p.Total += v
	}
	return p
}

func TestWANPhaseSummary(t *testing.T) {
	w := wanResult{Kind: "servicetrade_region", N: 500, LatencyMS: 150, PageSize: 10}
	list := map[string]int{"servicetrade auth": 1, "servicetrade LIST": 50}
	w.add(fakeRun(w.Kind, phaseRefresh, 150, 6, list))
	w.add(fakeRun(w.Kind, phaseRefresh, 0, 5, list))
	w.add(fakeRun(w.Kind, phaseRefresh, 0, 4, list))
	w.add(fakeRun(w.Kind, phaseRefresh, 150, 5, map[string]int{"servicetrade auth": 1, "servicetrade LIST": 51}))
	w.add(fakeRun(w.Kind, phaseRefresh, 150, 9, list))
	w.add(fakeRun(w.Kind, phaseRefresh, 0, 4.5, list))
	if len(w.Phases) != 3 || len(w.Floors) != 3 {
		t.Fatalf("add filed %d at the latency and %d at 0 ms, want 3 and 3", len(w.Phases), len(w.Floors))
	}
	s := w.phase(phaseRefresh)
	if s.Failed || s.Wall != 6 || s.Floor != 4.5 || s.Runs != 3 || s.Floors != 3 || s.Run.Total != 51 || !s.RequestsVary {
		t.Errorf("summary = %+v", s)
	}
	if r := s.ratio(); r < 1.33 || r > 1.34 {
		t.Errorf("ratio = %v, want 6 / 4.5", r)
	}
	if s := w.phase(phaseApply); !s.Failed {
		t.Errorf("a phase that did not run is not failed: %+v", s)
	}
	failed := fakeRun(w.Kind, phaseApply, 150, 1, nil)
	failed.Error = "terraform apply exited 1"
	w.Phases = append(w.Phases, failed)
	w.Floors = append(w.Floors, fakeRun(w.Kind, phaseApply, 0, 1, nil))
	if s := w.phase(phaseApply); !s.Failed || s.FailureReason != failed.Error {
		t.Errorf("failed apply = %+v", s)
	}
}

// wanFixture is a run at 150 ms of one listable kind: apply, refresh and
// destroy with the given refresh requests and walls (at the latency, at 0
// ms).
func wanFixture(refresh map[string]int, refreshWall, refreshFloor float64) wanResult {
	k := "servicetrade_region"
	w := wanResult{Kind: k, N: 500, LatencyMS: 150, PageSize: 10, Listable: true}
	w.add(fakeRun(k, phaseApply, 150, 20, map[string]int{"servicetrade auth": 1, "servicetrade POST": 500}))
	w.add(fakeRun(k, phaseApply, 0, 10, map[string]int{"servicetrade auth": 1, "servicetrade POST": 500}))
	w.add(fakeRun(k, phaseRefresh, 150, refreshWall, refresh))
	w.add(fakeRun(k, phaseRefresh, 0, refreshFloor, refresh))
	destroy := map[string]int{"servicetrade auth": 2, "servicetrade LIST": 50, "servicetrade DELETE": 500}
	w.add(fakeRun(k, phaseDestroy, 150, 20, destroy))
	w.add(fakeRun(k, phaseDestroy, 0, 10, destroy))
	return w
}

func TestWANTargets(t *testing.T) {
	listed := map[string]int{"servicetrade auth": 1, "servicetrade LIST": 50}
	byID := map[string]int{"servicetrade auth": 1, "servicetrade GET": 500}
	verdicts := func(res *results) []string {
		var v []string
		for _, tg := range wanTargets(res) {
			v = append(v, tg.verdict)
		}
		return v
	}
	same := func(got, want []string) bool { return strings.Join(got, ",") == strings.Join(want, ",") }

	met := &results{WAN: []wanResult{wanFixture(listed, 5.5, 5)}}
	if v := verdicts(met); !same(v, []string{"met", "met", "met", "met"}) {
		t.Errorf("list pages within the floor: %v", v)
	}
	slow := &results{WAN: []wanResult{wanFixture(byID, 12, 5)}}
	ts := wanTargets(slow)
	if v := verdicts(slow); !same(v, []string{"missed", "missed", "met", "met"}) {
		t.Errorf("reads by id: %v", v)
	}
	if !strings.Contains(ts[0].why, "Read by id") || !strings.Contains(ts[0].measured, "limit ceil(500 / 10) + 2 = 52") || !strings.HasPrefix(ts[0].title, "At 150 ms: ") {
		t.Errorf("requests target = %+v", ts[0])
	}
	if !strings.Contains(ts[1].measured, "12.00 s against 5.00 s, 2.40×") {
		t.Errorf("floor target = %+v", ts[1])
	}
	// List pages and reads by id together.
	mixed := &results{WAN: []wanResult{wanFixture(map[string]int{"servicetrade auth": 1, "servicetrade LIST": 51, "servicetrade GET": 48}, 5.5, 5)}}
	if tg := wanTargets(mixed)[0]; tg.verdict != "missed" || !strings.Contains(tg.why, "servicetrade_region 51 list pages and 48 reads by id") {
		t.Errorf("list pages and reads by id = %+v", tg)
	}
	// A kind marked as keeping GET by id is not judged.
	notListed := wanFixture(byID, 12, 5)
	notListed.Listable = false
	res := &results{WAN: []wanResult{notListed}}
	if v := verdicts(res); !same(v, []string{"not measured", "not measured", "met", "met"}) {
		t.Errorf("kind not listable: %v", v)
	}
	// Apply worse than by id, RSS over the limit.
	worse := wanFixture(listed, 5.5, 5)
	worse.Phases[0].ByOp["servicetrade GET"] = 500
	worse.Phases[0].Total += 500
	worse.Floors[0].PeakRSSKiB = 120000
	res = &results{WAN: []wanResult{worse}}
	if v := verdicts(res); !same(v, []string{"met", "met", "missed", "missed"}) {
		t.Errorf("apply reads after writes, big RSS: %v", v)
	}
	// Against a baseline: a destroy twice as slow relative to its floor.
	base := wanFixture(byID, 12, 5)
	now := wanFixture(listed, 5.5, 5)
	now.Phases[len(now.Phases)-1].WallSec = 40
	res = &results{WAN: []wanResult{now}, Baseline: []wanResult{base}, BaselineFile: "old.json", BaselineFrom: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}
	ts = wanTargets(res)
	if ts[2].verdict != "missed" || !strings.Contains(ts[2].why, "servicetrade_region destroy is 4.00× its floor, the baseline 2.00×") || !strings.Contains(ts[2].measured, "`old.json`") {
		t.Errorf("against the baseline = %+v", ts[2])
	}
	// One request more than the baseline (timing) is within the tolerance.
	noisy := wanFixture(listed, 5.5, 5)
	noisy.Phases[len(noisy.Phases)-1].Total++
	res = &results{WAN: []wanResult{noisy}, Baseline: []wanResult{wanFixture(listed, 5.5, 5)}, BaselineFile: "old.json"}
	if tg := wanTargets(res)[2]; tg.verdict != "met" {
		t.Errorf("one request more than the baseline = %+v", tg)
	}
	// Nothing run.
	if v := verdicts(&results{}); !same(v, []string{"not measured", "not measured", "not measured", "not measured"}) {
		t.Errorf("no runs: %v", v)
	}
}

func TestWANReport(t *testing.T) {
	res := &results{Sizes: []int{10}, LatencyMS: 25, WAN: []wanResult{wanFixture(map[string]int{"servicetrade auth": 1, "servicetrade LIST": 50}, 5.5, 5)}}
	md := report(res)
	for _, want := range []string{
		"**At real-world latency** (section *Results at 150 ms latency*)",
		"## Results at 150 ms latency",
		"| fieldservice_servicetrade_region | 500 | refresh | servicetrade: auth 1, LIST 50 | 51 | 0.10 | 5.50 s | 5.00 s | 1.10 |",
		"ceil(500 / 10) + 2 = **52** requests",
		"| At 150 ms: refresh of a listable kind within 1.3× of the 0 ms floor | **met** |",
		"## Provider process start and schema\n\nNot measured",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
}

func TestParseFlagsWAN(t *testing.T) {
	dir := t.TempDir()
	writeProvider(t, dir)
	self := selfPath(t)
	o, err := parseFlags([]string{"-terraform", self, "-provider-dir", dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(o.kinds) != 4 || o.kinds[2].Name != "kimoby_webhook" || len(o.wanKinds) != 4 || o.wanKinds[3].Name != "servicetrade_user" ||
		o.wanN != 500 || o.wanLatency != 150*time.Millisecond || o.wanRefreshPairs != 3 || o.startSamples != 10 {
		t.Errorf("defaults = %+v", o)
	}
	o, err = parseFlags([]string{"-terraform", self, "-provider-dir", dir, "-kinds", "", "-wan-latency", "0"})
	if err != nil || len(o.kinds) != 0 || len(o.wanKinds) != 0 {
		t.Errorf("-kinds '' -wan-latency 0 = %+v, %v; want no runs", o, err)
	}
	o, err = parseFlags([]string{"-terraform", self, "-provider-dir", dir, "-wan-kinds", "servicetrade_lib_item", "-wan-n", "20", "-wan-latency", "200ms"})
	if err != nil || len(o.wanKinds) != 1 || o.wanN != 20 || o.wanLatency != 200*time.Millisecond {
		t.Errorf("options = %+v, %v", o, err)
	}
	for _, bad := range [][]string{
		{"-wan-kinds", "servicetrade_job"},
		{"-wan-n", "0"},
		{"-wan-refresh-pairs", "0"},
		{"-start-samples", "-1"},
	} {
		if _, err := parseFlags(append([]string{"-terraform", self, "-provider-dir", dir}, bad...)); err == nil {
			t.Errorf("parseFlags(%q) accepted", bad)
		}
	}
}
