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
	emukimoby "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/kimoby"
	kimobyapi "github.com/fieldservice/terraform-provider-fieldservice/internal/kimoby/api"
)

const kimobyVendor = "kimoby"

func kimobyProvider(run *emulator.Running, settings string) string {
	return providerBlock(settings, fmt.Sprintf(`  kimoby {
    base_url   = %q
    api_key    = %q
    api_secret = %q
  }`, run.KimobyURL(), emukimoby.APIKey, emukimoby.APISecret))
}

func kimobyClient(t *testing.T, run *emulator.Running) *kimobyapi.Client {
	t.Helper()
	c, err := kimobyapi.New(kimobyapi.Config{BaseURL: run.KimobyURL(), APIKey: emukimoby.APIKey, APISecret: emukimoby.APISecret})
	if err != nil {
		t.Fatalf("building a Kimoby client: %v", err)
	}
	return c
}

// kimobyURL is webhook i's URL; an update moves it.
func kimobyURL(i int, moved bool) string {
	u := fmt.Sprintf("https://hooks.example.com/kimoby-faults/%d", i)
	if moved {
		u += "-moved"
	}
	return u
}

func kimobyConfig(run *emulator.Running, settings string, n int, moved bool) string {
	var b strings.Builder
	b.WriteString(kimobyProvider(run, settings))
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `
resource "fieldservice_kimoby_webhook" "w%d" {
  url = %q
}
`, i, kimobyURL(i, moved))
	}
	return b.String()
}

// kimobyCounts lists the server's webhooks (fresh, not the shared
// listing) and counts them by URL.
func kimobyCounts(t *testing.T, c *kimobyapi.Client) map[string]int {
	t.Helper()
	list, err := c.ListWebhooks(context.Background())
	if err != nil {
		t.Fatalf("listing Kimoby webhooks: %v", err)
	}
	out := map[string]int{}
	for _, w := range list {
		out[w.URL]++
	}
	return out
}

// kimobyCheckInventory fails unless webhooks 0..present-1 exist exactly
// once at their (moved or original) URL, and nothing else of the test's.
func kimobyCheckInventory(t *testing.T, c *kimobyapi.Client, present, total int, moved bool) {
	t.Helper()
	var want, gone []string
	for i := 0; i < total; i++ {
		if i < present {
			want = append(want, kimobyURL(i, moved))
		} else {
			gone = append(gone, kimobyURL(i, moved))
		}
		gone = append(gone, kimobyURL(i, !moved))
	}
	exactlyOnce(t, "Kimoby webhook", kimobyCounts(t, c), want, gone)
}

func kimobyDestroyed(t *testing.T, c *kimobyapi.Client, total int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		counts := kimobyCounts(t, c)
		for i := 0; i < total; i++ {
			for _, moved := range []bool{false, true} {
				if n := counts[kimobyURL(i, moved)]; n != 0 {
					return fmt.Errorf("Kimoby webhook %q still exists %d times after destroy", kimobyURL(i, moved), n)
				}
			}
		}
		return nil
	}
}

// An apply of 6 webhooks under bursts of 429 (with and without
// Retry-After) and 500/502/503 on every verb it uses completes, creates
// each exactly once, updates and deletes them, and leaves nothing to plan.
func TestAccKimobyFaults_burst(t *testing.T) {
	run := isolated(t)
	c := kimobyClient(t, run)
	faults := newLedger(t, run)
	const n = 6
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             kimobyDestroyed(t, c, n),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					faults.inject(burstOn(kimobyVendor, http.MethodPost, "/webhooks")...)
					faults.inject(burstOn(kimobyVendor, http.MethodGet, "/webhooks")...)
				},
				Config:           kimobyConfig(run, fastRetry, n, false),
				ConfigPlanChecks: emptyAfterApply,
			},
			{
				PreConfig: func() {
					faults.allFired("create")
					kimobyCheckInventory(t, c, n, n, false)
					faults.inject(burstOn(kimobyVendor, http.MethodPut, "/webhooks/")...)
					faults.inject(burstOn(kimobyVendor, http.MethodDelete, "/webhooks/")...)
					faults.inject(burstOn(kimobyVendor, http.MethodGet, "/webhooks")...)
				},
				// Move the first n-2 and delete the last two.
				Config: kimobyConfig(run, fastRetry, n-2, true),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction("fieldservice_kimoby_webhook.w0", plancheck.ResourceActionUpdate),
						plancheck.ExpectResourceAction(fmt.Sprintf("fieldservice_kimoby_webhook.w%d", n-1), plancheck.ResourceActionDestroy),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			{
				PreConfig: func() {
					faults.allFired("update and delete")
					kimobyCheckInventory(t, c, n-2, n, true)
				},
				Config:   kimobyConfig(run, fastRetry, n-2, true),
				PlanOnly: true,
			},
		},
	})
}

// With retry_max_attempts = 3, a listing that keeps failing gives up after
// 3 sends, and the error says so and what the API last said.
func TestAccKimobyFaults_boundedRetries(t *testing.T) {
	run := isolated(t)
	c := kimobyClient(t, run)
	faults := newLedger(t, run)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             kimobyDestroyed(t, c, 1),
		Steps: []resource.TestStep{
			{Config: kimobyConfig(run, boundedRetry, 1, false)},
			{
				PreConfig: func() {
					faults = newLedger(t, run)
					faults.inject(emulator.Fault{Vendor: kimobyVendor, Method: http.MethodGet, Path: "/webhooks", Status: http.StatusServiceUnavailable, Times: 1000})
				},
				Config:   kimobyConfig(run, boundedRetry, 1, false),
				PlanOnly: true,
				ExpectError: regexp.MustCompile(`(?s)Reading\s+Kimoby\s+webhook\s+WH[0-9a-f]+\s+failed.*GET\s+/webhooks\s+returned\s+503\s+Service\s+Unavailable:\s+` +
					`injected\s+fault:\s+Service\s+Unavailable\s+after\s+3\s+attempts`),
			},
			{
				PreConfig: func() {
					checkBounded(t, faults.fired(), 3)
					run.ClearFaults()
				},
				Config:   kimobyConfig(run, boundedRetry, 1, false),
				PlanOnly: true,
			},
		},
	})
}

// Slow listings complete: one slower than request_timeout, whose attempt
// is abandoned and retried, and a merely slow one.
func TestAccKimobyFaults_latency(t *testing.T) {
	run := isolated(t)
	c := kimobyClient(t, run)
	faults := newLedger(t, run)
	const n = 3
	settings := fastRetry + `  request_timeout    = "3s"`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             kimobyDestroyed(t, c, n),
		Steps: []resource.TestStep{
			{Config: kimobyConfig(run, settings, n, false)},
			{
				PreConfig: func() {
					faults = newLedger(t, run)
					// A refresh lists the webhooks once (shared by every
					// Read): its first attempt outlasts request_timeout, the
					// retry is slow but in time.
					faults.inject(emulator.Fault{Vendor: kimobyVendor, Method: http.MethodGet, Path: "/webhooks", Latency: time.Minute})
					faults.inject(emulator.Fault{Vendor: kimobyVendor, Method: http.MethodGet, Path: "/webhooks", Latency: 300 * time.Millisecond})
				},
				Config:   kimobyConfig(run, settings, n, false),
				PlanOnly: true,
			},
			{
				PreConfig: func() {
					faults.allFired("slow reads")
					kimobyCheckInventory(t, c, n, n, false)
				},
				Config:   kimobyConfig(run, settings, n, false),
				PlanOnly: true,
			},
		},
	})
}

// Connections dropped without an answer, before or after the server
// acted, are retried transparently on a read.
func TestAccKimobyFaults_droppedConnection(t *testing.T) {
	run := isolated(t)
	c := kimobyClient(t, run)
	faults := newLedger(t, run)
	const n = 2
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             kimobyDestroyed(t, c, n),
		Steps: []resource.TestStep{
			{Config: kimobyConfig(run, fastRetry, n, false)},
			{
				PreConfig: func() {
					faults = newLedger(t, run)
					faults.inject(emulator.Fault{Vendor: kimobyVendor, Method: http.MethodGet, Path: "/webhooks", Drop: true, Times: 2})
					faults.inject(emulator.Fault{Vendor: kimobyVendor, Method: http.MethodGet, Path: "/webhooks", DropAfter: true})
				},
				Config:   kimobyConfig(run, fastRetry, n, false),
				PlanOnly: true,
			},
			{
				PreConfig: func() {
					faults.allFired("dropped connections")
					kimobyCheckInventory(t, c, n, n, false)
				},
				Config:   kimobyConfig(run, fastRetry, n, false),
				PlanOnly: true,
			},
		},
	})
}
