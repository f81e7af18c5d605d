package faulttest_test

// The fault tests every vendor shares: one test per behaviour, one
// subtest per vendor (TestAccFaults_burst/kimoby, ...). What differs
// between vendors (which requests an apply or a refresh sends, what the
// errors say) is in each test's table; how to configure and inspect a
// vendor's objects is in its vendorFixture.

import (
	"net/http"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emuks "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/kickserv"
)

// route is one method on one fault path (a prefix of the request paths).
type route struct{ method, path string }

// An apply under bursts of 429 (with and without Retry-After) and
// 500/502/503 on every verb it uses completes, creates each object exactly
// once, updates and deletes them (Kickserv cannot delete employees: its
// delete deactivates them, with PUT), and leaves nothing to plan.
func TestAccFaults_burst(t *testing.T) {
	cases := []struct {
		fx vendorFixture
		// n objects are created; the update keeps the first `kept`,
		// updated, and removes the others.
		n, kept int
		// create and change are the routes that get a burst before the
		// create and before the update and delete.
		create, change []route
		changeRound    string
	}{
		{
			fx: servicetradeFixture, n: 3, kept: 2, // 3 regions and as many webhooks: 6 resources
			create: []route{
				{http.MethodPost, "/region"}, {http.MethodGet, "/region/"},
				{http.MethodPost, "/webhook"}, {http.MethodGet, "/webhook/"},
			},
			change: []route{
				{http.MethodPut, "/region/"}, {http.MethodDelete, "/region/"}, {http.MethodGet, "/region/"},
				{http.MethodPut, "/webhook/"}, {http.MethodDelete, "/webhook/"}, {http.MethodGet, "/webhook/"},
			},
			changeRound: "update and delete",
		},
		{
			fx: kimobyFixture, n: 6, kept: 4,
			create:      []route{{http.MethodPost, "/webhooks"}, {http.MethodGet, "/webhooks"}},
			change:      []route{{http.MethodPut, "/webhooks/"}, {http.MethodDelete, "/webhooks/"}, {http.MethodGet, "/webhooks"}},
			changeRound: "update and delete",
		},
		{
			fx: kickservFixture, n: 6, kept: 4,
			create:      []route{{http.MethodPost, ksCollection}, {http.MethodGet, ksItems}},
			change:      []route{{http.MethodPut, ksItems}, {http.MethodGet, ksItems}},
			changeRound: "update and deactivate",
		},
	}
	for _, tc := range cases {
		vendorCase(t, tc.fx, func(t *testing.T, run *emulator.Running, inv inventory) {
			faults := newLedger(t, run)
			burst := func(routes []route) {
				for _, r := range routes {
					faults.inject(burstOn(tc.fx.name, r.method, r.path)...)
				}
			}
			var preApply []plancheck.PlanCheck
			for _, a := range tc.fx.addresses(0) {
				preApply = append(preApply, plancheck.ExpectResourceAction(a, plancheck.ResourceActionUpdate))
			}
			for _, a := range tc.fx.addresses(tc.n - 1) {
				preApply = append(preApply, plancheck.ExpectResourceAction(a, plancheck.ResourceActionDestroy))
			}
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				CheckDestroy:             inv.destroyed(tc.n),
				Steps: []resource.TestStep{
					{
						PreConfig:        func() { burst(tc.create) },
						Config:           tc.fx.config(run, fastRetry, tc.n, false),
						ConfigPlanChecks: emptyAfterApply,
					},
					{
						PreConfig: func() {
							faults.allFired("create")
							inv.check(tc.n, tc.n, false)
							burst(tc.change)
						},
						Config: tc.fx.config(run, fastRetry, tc.kept, true),
						ConfigPlanChecks: resource.ConfigPlanChecks{
							PreApply:             preApply,
							PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
						},
					},
					{
						PreConfig: func() {
							faults.allFired(tc.changeRound)
							inv.check(tc.kept, tc.n, true)
						},
						Config:   tc.fx.config(run, fastRetry, tc.kept, true),
						PlanOnly: true,
					},
				},
			})
		})
	}
}

// With retry_max_attempts = 3, a read that keeps failing gives up after 3
// sends, and the error says so and what the API last said.
func TestAccFaults_boundedRetries(t *testing.T) {
	cases := []struct {
		fx vendorFixture
		// config manages the one object whose read fails.
		config func(run *emulator.Running, settings string) string
		// path is where the refresh reads it.
		path string
		want *regexp.Regexp
	}{
		{
			fx: servicetradeFixture,
			// One region, no webhook.
			config: func(run *emulator.Running, s string) string { return stConfig(run, s, 1, 0, false) },
			path:   "/region/",
			want: regexp.MustCompile(`(?s)Reading\s+ServiceTrade\s+region\s+\d+\s+failed.*GET\s+/region/\d+\s+returned\s+503\s+Service\s+Unavailable:\s+` +
				`.*injected\s+fault:\s+Service\s+Unavailable.*after\s+3\s+attempts`),
		},
		{
			fx:     kimobyFixture,
			config: func(run *emulator.Running, s string) string { return kimobyConfig(run, s, 1, false) },
			// The refresh lists every webhook: that listing keeps failing.
			path: "/webhooks",
			want: regexp.MustCompile(`(?s)Reading\s+Kimoby\s+webhook\s+WH[0-9a-f]+\s+failed.*GET\s+/webhooks\s+returned\s+503\s+Service\s+Unavailable:\s+` +
				`injected\s+fault:\s+Service\s+Unavailable\s+after\s+3\s+attempts`),
		},
		{
			fx:     kickservFixture,
			config: func(run *emulator.Running, s string) string { return ksConfig(run, s, 1, false) },
			path:   ksItems,
			want: regexp.MustCompile(`(?s)Reading\s+Kickserv\s+employee\s+\d+\s+failed.*GET\s+/` + regexp.QuoteMeta(emuks.Account) +
				`/employees/\d+\.xml\s+returned\s+503\s+Service\s+Unavailable:\s+.*injected\s+fault:\s+Service\s+Unavailable.*after\s+3\s+attempts`),
		},
	}
	for _, tc := range cases {
		vendorCase(t, tc.fx, func(t *testing.T, run *emulator.Running, inv inventory) {
			var faults *ledger
			config := tc.config(run, boundedRetry)
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				CheckDestroy:             inv.destroyed(1),
				Steps: []resource.TestStep{
					{Config: config},
					{
						PreConfig: func() {
							faults = newLedger(t, run)
							faults.inject(onRead(tc.fx.name, tc.path, 1000, emulator.Fault{Status: http.StatusServiceUnavailable}))
						},
						Config:      config,
						PlanOnly:    true,
						ExpectError: tc.want,
					},
					{
						PreConfig: func() {
							checkBounded(t, faults.fired(), 3)
							run.ClearFaults()
						},
						Config:   config,
						PlanOnly: true,
					},
				},
			})
		})
	}
}

// checkBounded fails unless the server saw a whole number (at least one) of
// reads of exactly `attempts` sends each.
func checkBounded(t *testing.T, sends, attempts int) {
	t.Helper()
	if sends == 0 || sends%attempts != 0 {
		t.Errorf("the failing read was sent %d times, want a multiple of %d (each read stops after %d attempts)", sends, attempts, attempts)
	}
}

// Slow reads complete: some merely slow, one slower than request_timeout,
// whose attempt is abandoned and retried.
func TestAccFaults_latency(t *testing.T) {
	const n = 3
	timedOut := emulator.Fault{Latency: time.Minute}
	slow := emulator.Fault{Latency: 300 * time.Millisecond}
	cases := []struct {
		fx     vendorFixture
		faults []emulator.Fault
	}{
		// The first read outlasts request_timeout; n reads plus its retry
		// meet the other faults. Webhooks refresh from their list: the
		// first read by id, then the list's one page for the others, both
		// slow.
		{servicetradeFixture, []emulator.Fault{
			onRead(stVendor, "/region/", 1, timedOut),
			onRead(stVendor, "/region/", n, slow),
			onRead(stVendor, "/webhook", 2, slow),
		}},
		// A refresh lists the webhooks once (shared by every Read): its
		// first attempt outlasts request_timeout, the retry is slow but in
		// time.
		{kimobyFixture, []emulator.Fault{
			onRead(kimobyVendor, "/webhooks", 1, timedOut),
			onRead(kimobyVendor, "/webhooks", 1, slow),
		}},
		{kickservFixture, []emulator.Fault{
			onRead(ksVendor, ksItems, 1, timedOut),
			onRead(ksVendor, ksItems, n, slow),
		}},
	}
	for _, tc := range cases {
		vendorCase(t, tc.fx, func(t *testing.T, run *emulator.Running, inv inventory) {
			readsSurvive(t, run, inv, tc.fx.config(run, fastRetry+`  request_timeout    = "3s"`, n, false), n, "slow reads", tc.faults)
		})
	}
}

// Connections dropped without an answer, before or after the server acted,
// are retried transparently on a read.
func TestAccFaults_droppedConnection(t *testing.T) {
	const n = 2
	drop, dropAfter := emulator.Fault{Drop: true}, emulator.Fault{DropAfter: true}
	cases := []struct {
		fx     vendorFixture
		faults []emulator.Fault
	}{
		{servicetradeFixture, []emulator.Fault{
			onRead(stVendor, "/region/", n, drop),
			onRead(stVendor, "/webhook/", n, dropAfter),
		}},
		{kimobyFixture, []emulator.Fault{
			onRead(kimobyVendor, "/webhooks", n, drop),
			onRead(kimobyVendor, "/webhooks", 1, dropAfter),
		}},
		{kickservFixture, []emulator.Fault{
			onRead(ksVendor, ksItems, n, drop),
			onRead(ksVendor, ksItems, 1, dropAfter),
		}},
	}
	for _, tc := range cases {
		vendorCase(t, tc.fx, func(t *testing.T, run *emulator.Running, inv inventory) {
			readsSurvive(t, run, inv, tc.fx.config(run, fastRetry, n, false), n, "dropped connections", tc.faults)
		})
	}
}

// readsSurvive creates objects 0..n-1 with config, then refreshes them
// under faults: the plan stays empty, every fault fires (checked as
// `round`), and each object still exists exactly once, unchanged.
func readsSurvive(t *testing.T, run *emulator.Running, inv inventory, config string, n int, round string, faults []emulator.Fault) {
	var l *ledger
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             inv.destroyed(n),
		Steps: []resource.TestStep{
			{Config: config},
			{
				PreConfig: func() {
					l = newLedger(t, run)
					l.inject(faults...)
				},
				Config:   config,
				PlanOnly: true,
			},
			{
				PreConfig: func() {
					l.allFired(round)
					inv.check(n, n, false)
				},
				Config:   config,
				PlanOnly: true,
			},
		},
	})
}

// onRead is fault f on the next `times` GETs of path.
func onRead(vendor, path string, times int, f emulator.Fault) emulator.Fault {
	f.Vendor, f.Method, f.Path, f.Times = vendor, http.MethodGet, path, times
	return f
}
