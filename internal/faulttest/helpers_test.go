// Package faulttest_test proves that the provider survives the failures a
// SaaS API inflicts (throttling, server errors, slow and dropped
// connections, a user's interrupt) without losing or duplicating anything:
// each test points the provider at a private emulator, injects faults, and
// checks through the vendor's API client what really exists afterwards.
//
// Retries are configured with short delays so that the tests run fast;
// no test asserts on durations.
package faulttest_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
)

// fastRetry is the provider's top-level retry policy in these tests: enough
// attempts for any burst below (each burst puts at most 4 faults on one
// method, so even a request that meets all of them succeeds on its 5th
// attempt), with millisecond backoff.
const fastRetry = `
  retry_max_attempts = 8
  retry_min_delay    = "10ms"
  retry_max_delay    = "50ms"
`

// boundedRetry allows exactly 3 sends of a request.
const boundedRetry = `
  retry_max_attempts = 3
  retry_min_delay    = "10ms"
  retry_max_delay    = "50ms"
`

// providerBlock renders the provider configuration: top-level settings
// (retry policy, timeouts) and one vendor block.
func providerBlock(settings, vendorBlock string) string {
	return fmt.Sprintf("provider %q {%s\n%s\n}\n", acctest.ProviderName, settings, vendorBlock)
}

// isolated skips without TF_ACC (and in live mode, where faults cannot be
// injected) and starts a private emulator for the test.
func isolated(t *testing.T) *emulator.Running {
	t.Helper()
	acctest.PreCheck(t)
	return acctest.Isolated(t, emulator.Options{})
}

// ledger tracks the faults a test injects, to prove they really fired: a
// fault test whose faults never fire proves nothing.
type ledger struct {
	t        *testing.T
	run      *emulator.Running
	base     int
	injected int
}

func newLedger(t *testing.T, run *emulator.Running) *ledger {
	return &ledger{t: t, run: run, base: run.FaultsApplied()}
}

// inject adds faults and remembers how many requests they must affect.
func (l *ledger) inject(faults ...emulator.Fault) {
	for _, f := range faults {
		if f.Times <= 0 {
			f.Times = 1
		}
		l.injected += f.Times
		l.run.Inject(f)
	}
}

// allFired fails the test unless every injected fault affected a request,
// then starts a new round. Faults left over (a failure) are cleared so
// that they cannot disturb the checks that follow.
func (l *ledger) allFired(round string) {
	l.t.Helper()
	if fired := l.run.FaultsApplied() - l.base; fired != l.injected {
		l.t.Errorf("%s: %d of the %d injected faults fired; the test did not exercise what it claims", round, fired, l.injected)
		l.run.ClearFaults()
	}
	l.base, l.injected = l.run.FaultsApplied(), 0
}

// fired returns how many requests faults affected since the last round.
func (l *ledger) fired() int { return l.run.FaultsApplied() - l.base }

// burstOn is a burst of throttling and server errors on one method:
// 429 with and without Retry-After, then 500, 502 and 503. POST gets 429
// only: a 5xx may come after the server acted, so the provider rightly
// never repeats a POST on 5xx (see TestAccServiceTradeFaults_postServerErrorIsSentAgainOnlyWhenNothingWasCreated).
func burstOn(vendor, method, path string) []emulator.Fault {
	f := func(status int, retryAfter string) emulator.Fault {
		return emulator.Fault{Vendor: vendor, Method: method, Path: path, Status: status, RetryAfter: retryAfter}
	}
	if method == http.MethodPost {
		return []emulator.Fault{
			f(http.StatusTooManyRequests, "0"),
			f(http.StatusTooManyRequests, ""),
			f(http.StatusTooManyRequests, "0"),
			f(http.StatusTooManyRequests, ""),
		}
	}
	return []emulator.Fault{
		f(http.StatusTooManyRequests, "0"),
		f(http.StatusInternalServerError, ""),
		f(http.StatusBadGateway, ""),
		f(http.StatusServiceUnavailable, ""),
	}
}

// exactlyOnce compares how many objects the server holds under each key
// with what the test expects (1 for each managed object, 0 for removed
// ones).
func exactlyOnce(t *testing.T, what string, counts map[string]int, present, absent []string) {
	t.Helper()
	for _, k := range present {
		if n := counts[k]; n != 1 {
			t.Errorf("%s %q exists %d times on the server, want exactly once", what, k, n)
		}
	}
	for _, k := range absent {
		if n := counts[k]; n != 0 {
			t.Errorf("%s %q exists %d times on the server, want none", what, k, n)
		}
	}
}

// counts is how many objects the server holds under each key.
func counts[T any](m map[string][]T) map[string]int {
	out := make(map[string]int, len(m))
	for k, v := range m {
		out[k] = len(v)
	}
	return out
}

// emptyAfterApply checks that an apply leaves nothing to plan.
var emptyAfterApply = resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}
