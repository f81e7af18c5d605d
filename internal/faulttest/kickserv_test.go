package faulttest_test

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emuks "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/kickserv"
	ksapi "github.com/fieldservice/terraform-provider-fieldservice/internal/kickserv/api"
)

const ksVendor = "kickserv"

// Fault paths are below the vendor's mount point, so they start with the
// account slug. Item paths (one employee) are distinct from the list path
// that the checks use.
var (
	ksCollection = "/" + emuks.Account + "/employees.xml"
	ksItems      = "/" + emuks.Account + "/employees/"
)

func ksProvider(run *emulator.Running, settings string) string {
	return providerBlock(settings, fmt.Sprintf(`  kickserv {
    base_url  = %q
    account   = %q
    api_token = %q
  }`, run.KickservURL(), emuks.Account, emuks.APIToken))
}

func ksClient(t *testing.T, run *emulator.Running) *ksapi.Client {
	t.Helper()
	c, err := ksapi.New(ksapi.Config{BaseURL: run.KickservURL(), Account: emuks.Account, APIToken: emuks.APIToken})
	if err != nil {
		t.Fatalf("building a Kickserv client: %v", err)
	}
	return c
}

func ksUsername(i int) string { return fmt.Sprintf("fault_employee_%d", i) }

// ksConfig manages employees 0..n-1; an update moves them to another city.
func ksConfig(run *emulator.Running, settings string, n int, updated bool) string {
	city := "Austin"
	if updated {
		city = "Dallas"
	}
	var b strings.Builder
	b.WriteString(ksProvider(run, settings))
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `
resource "fieldservice_kickserv_employee" "e%d" {
  name     = "Fault Employee %d"
  username = %q
  city     = %q
}
`, i, i, ksUsername(i), city)
	}
	return b.String()
}

// ksEmployees lists every employee (active or not) by username.
func ksEmployees(t *testing.T, c *ksapi.Client) map[string][]ksapi.Employee {
	t.Helper()
	list, err := c.ListEmployees(context.Background(), ksapi.EmployeeFilter{})
	if err != nil {
		t.Fatalf("listing Kickserv employees: %v", err)
	}
	out := map[string][]ksapi.Employee{}
	for _, e := range list {
		if e.Username != nil {
			out[*e.Username] = append(out[*e.Username], e)
		}
	}
	return out
}

// ksCheckInventory fails unless each of employees 0..total-1 exists exactly
// once (Kickserv cannot delete employees: destroying one deactivates it),
// active with the expected city for 0..active-1, inactive for the rest.
func ksCheckInventory(t *testing.T, c *ksapi.Client, active, total int, updated bool) {
	t.Helper()
	wantCity := "Austin"
	if updated {
		wantCity = "Dallas"
	}
	byName := ksEmployees(t, c)
	var all []string
	for i := 0; i < total; i++ {
		all = append(all, ksUsername(i))
	}
	counts := map[string]int{}
	for k, v := range byName {
		counts[k] = len(v)
	}
	exactlyOnce(t, "Kickserv employee", counts, all, nil)
	for i, u := range all {
		for _, e := range byName[u] {
			if wantActive := i < active; e.Active != wantActive {
				t.Errorf("employee %q is active = %t, want %t", u, e.Active, wantActive)
			}
			if i < active && (e.City == nil || *e.City != wantCity) {
				t.Errorf("employee %q has city %v, want %q", u, e.City, wantCity)
			}
		}
	}
}

// ksDestroyed checks that destroy deactivated every employee of the test,
// leaving each exactly once.
func ksDestroyed(t *testing.T, c *ksapi.Client, total int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		byName := ksEmployees(t, c)
		for i := 0; i < total; i++ {
			es := byName[ksUsername(i)]
			if len(es) != 1 {
				return fmt.Errorf("employee %q exists %d times after destroy, want exactly once (deactivated)", ksUsername(i), len(es))
			}
			if es[0].Active {
				return fmt.Errorf("employee %q is still active after destroy", ksUsername(i))
			}
		}
		return nil
	}
}

// An apply of 6 employees under bursts of 429 (with and without
// Retry-After) and 500/502/503 on every verb it uses (POST, GET, PUT for
// updates and for the deactivation that stands for delete) completes,
// creates each exactly once and leaves nothing to plan.
func TestAccKickservFaults_burst(t *testing.T) {
	run := isolated(t)
	c := ksClient(t, run)
	faults := newLedger(t, run)
	const n = 6
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             ksDestroyed(t, c, n),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					faults.inject(burstOn(ksVendor, http.MethodPost, ksCollection)...)
					faults.inject(burstOn(ksVendor, http.MethodGet, ksItems)...)
				},
				Config:           ksConfig(run, fastRetry, n, false),
				ConfigPlanChecks: emptyAfterApply,
			},
			{
				PreConfig: func() {
					faults.allFired("create")
					ksCheckInventory(t, c, n, n, false)
					faults.inject(burstOn(ksVendor, http.MethodPut, ksItems)...)
					faults.inject(burstOn(ksVendor, http.MethodGet, ksItems)...)
				},
				// Update the first n-2 and remove (deactivate) the last two.
				Config: ksConfig(run, fastRetry, n-2, true),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction("fieldservice_kickserv_employee.e0", plancheck.ResourceActionUpdate),
						plancheck.ExpectResourceAction(fmt.Sprintf("fieldservice_kickserv_employee.e%d", n-1), plancheck.ResourceActionDestroy),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			{
				PreConfig: func() {
					faults.allFired("update and deactivate")
					ksCheckInventory(t, c, n-2, n, true)
				},
				Config:   ksConfig(run, fastRetry, n-2, true),
				PlanOnly: true,
			},
		},
	})
}

// With retry_max_attempts = 3, a read that keeps failing gives up after 3
// sends, and the error says so and what the server last said.
func TestAccKickservFaults_boundedRetries(t *testing.T) {
	run := isolated(t)
	c := ksClient(t, run)
	faults := newLedger(t, run)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             ksDestroyed(t, c, 1),
		Steps: []resource.TestStep{
			{Config: ksConfig(run, boundedRetry, 1, false)},
			{
				PreConfig: func() {
					faults = newLedger(t, run)
					faults.inject(emulator.Fault{Vendor: ksVendor, Method: http.MethodGet, Path: ksItems, Status: http.StatusServiceUnavailable, Times: 1000})
				},
				Config:   ksConfig(run, boundedRetry, 1, false),
				PlanOnly: true,
				ExpectError: regexp.MustCompile(`(?s)Reading\s+Kickserv\s+employee\s+\d+\s+failed.*GET\s+/` + regexp.QuoteMeta(emuks.Account) +
					`/employees/\d+\.xml\s+returned\s+503\s+Service\s+Unavailable:\s+.*injected\s+fault:\s+Service\s+Unavailable.*after\s+3\s+attempts`),
			},
			{
				PreConfig: func() {
					checkBounded(t, faults.fired(), 3)
					run.ClearFaults()
				},
				Config:   ksConfig(run, boundedRetry, 1, false),
				PlanOnly: true,
			},
		},
	})
}

// Slow reads complete: some merely slow, one slower than request_timeout,
// whose attempt is abandoned and retried.
func TestAccKickservFaults_latency(t *testing.T) {
	run := isolated(t)
	c := ksClient(t, run)
	faults := newLedger(t, run)
	const n = 3
	settings := fastRetry + `  request_timeout    = "3s"`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             ksDestroyed(t, c, n),
		Steps: []resource.TestStep{
			{Config: ksConfig(run, settings, n, false)},
			{
				PreConfig: func() {
					faults = newLedger(t, run)
					faults.inject(emulator.Fault{Vendor: ksVendor, Method: http.MethodGet, Path: ksItems, Latency: time.Minute})
					faults.inject(emulator.Fault{Vendor: ksVendor, Method: http.MethodGet, Path: ksItems, Latency: 300 * time.Millisecond, Times: n})
				},
				Config:   ksConfig(run, settings, n, false),
				PlanOnly: true,
			},
			{
				PreConfig: func() {
					faults.allFired("slow reads")
					ksCheckInventory(t, c, n, n, false)
				},
				Config:   ksConfig(run, settings, n, false),
				PlanOnly: true,
			},
		},
	})
}

// Connections dropped without an answer, before or after the server
// acted, are retried transparently on a read.
func TestAccKickservFaults_droppedConnection(t *testing.T) {
	run := isolated(t)
	c := ksClient(t, run)
	faults := newLedger(t, run)
	const n = 2
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             ksDestroyed(t, c, n),
		Steps: []resource.TestStep{
			{Config: ksConfig(run, fastRetry, n, false)},
			{
				PreConfig: func() {
					faults = newLedger(t, run)
					faults.inject(emulator.Fault{Vendor: ksVendor, Method: http.MethodGet, Path: ksItems, Drop: true, Times: n})
					faults.inject(emulator.Fault{Vendor: ksVendor, Method: http.MethodGet, Path: ksItems, DropAfter: true})
				},
				Config:   ksConfig(run, fastRetry, n, false),
				PlanOnly: true,
			},
			{
				PreConfig: func() {
					faults.allFired("dropped connections")
					ksCheckInventory(t, c, n, n, false)
				},
				Config:   ksConfig(run, fastRetry, n, false),
				PlanOnly: true,
			},
		},
	})
}
