package faulttest_test

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	stapi "github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

const stVendor = "servicetrade"

func stProvider(run *emulator.Running, settings string) string {
	return providerBlock(settings, fmt.Sprintf(`  servicetrade {
    base_url      = %q
    client_id     = %q
    client_secret = %q
  }`, run.ServiceTradeURL(), emust.ClientID, emust.ClientSecret))
}

// stClient talks to the test's emulator directly, to see what really
// exists there.
func stClient(t *testing.T, run *emulator.Running) *stapi.Client {
	t.Helper()
	c, err := stapi.New(stapi.Config{BaseURL: run.ServiceTradeURL(), ClientID: emust.ClientID, ClientSecret: emust.ClientSecret})
	if err != nil {
		t.Fatalf("building a ServiceTrade client: %v", err)
	}
	return c
}

func stRegionName(i int) string { return fmt.Sprintf("fault-region-%d", i) }
func stHookURL(i int) string    { return fmt.Sprintf("https://hooks.example.com/faults/%d", i) }

// stConfig manages regions and webhooks 0..n-1; when updated, their color
// is set and the webhooks are disabled.
func stConfig(run *emulator.Running, settings string, regions, hooks int, updated bool) string {
	var b strings.Builder
	b.WriteString(stProvider(run, settings))
	for i := 0; i < regions; i++ {
		color := ""
		if updated {
			color = `color  = "#ff9000"`
		}
		fmt.Fprintf(&b, `
resource "fieldservice_servicetrade_region" "r%d" {
  name   = %q
  points = [{ lat = 1, lon = 1 }, { lat = 2, lon = 2 }, { lat = 3, lon = 1 }]
  %s
}
`, i, stRegionName(i), color)
	}
	for i := 0; i < hooks; i++ {
		fmt.Fprintf(&b, `
resource "fieldservice_servicetrade_webhook" "w%d" {
  hook_url = %q
  enabled  = %t
}
`, i, stHookURL(i), !updated)
	}
	return b.String()
}

// stInventory lists what the server holds: regions by name and webhooks by
// hook URL, with how many of each.
func stInventory(t *testing.T, c *stapi.Client) (regions map[string][]stapi.Region, hooks map[string][]stapi.Webhook) {
	t.Helper()
	ctx := context.Background()
	rs, err := c.ListRegions(ctx, stapi.RegionFilter{})
	if err != nil {
		t.Fatalf("listing regions: %v", err)
	}
	whs, err := c.ListWebhooks(ctx)
	if err != nil {
		t.Fatalf("listing webhooks: %v", err)
	}
	regions, hooks = map[string][]stapi.Region{}, map[string][]stapi.Webhook{}
	for _, r := range rs {
		regions[r.Name] = append(regions[r.Name], r)
	}
	for _, w := range whs {
		hooks[w.HookURL] = append(hooks[w.HookURL], w)
	}
	return regions, hooks
}

// stCheckInventory fails unless regions (and, with hooks, webhooks)
// 0..present-1 exist exactly once (updated or not) and those from present
// to total-1 not at all.
func stCheckInventory(t *testing.T, c *stapi.Client, present, total int, hooks, updated bool) {
	t.Helper()
	regions, hookList := stInventory(t, c)
	var pr, ar, ph, ah []string
	for i := 0; i < total; i++ {
		if i < present {
			pr, ph = append(pr, stRegionName(i)), append(ph, stHookURL(i))
		} else {
			ar, ah = append(ar, stRegionName(i)), append(ah, stHookURL(i))
		}
	}
	exactlyOnce(t, "region", counts(regions), pr, ar)
	if !hooks {
		ph, ah = nil, nil
	}
	exactlyOnce(t, "webhook", counts(hookList), ph, ah)
	for _, name := range pr {
		for _, r := range regions[name] {
			if got := r.Color != nil && strings.EqualFold(*r.Color, "#ff9000"); got != updated {
				t.Errorf("region %q has color %v; updated = %t", name, r.Color, updated)
			}
		}
	}
	for _, u := range ph {
		for _, w := range hookList[u] {
			if w.Enabled == updated {
				t.Errorf("webhook %q has enabled = %t; updated = %t", u, w.Enabled, updated)
			}
		}
	}
}

func stDestroyed(t *testing.T, c *stapi.Client, total int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		regions, hooks := stInventory(t, c)
		for i := 0; i < total; i++ {
			if n := len(regions[stRegionName(i)]); n != 0 {
				return fmt.Errorf("region %q still exists %d times after destroy", stRegionName(i), n)
			}
			if n := len(hooks[stHookURL(i)]); n != 0 {
				return fmt.Errorf("webhook %q still exists %d times after destroy", stHookURL(i), n)
			}
		}
		return nil
	}
}

// servicetradeFixture's objects are pairs: region i and webhook i.
var servicetradeFixture = vendorFixture{
	name: stVendor,
	config: func(run *emulator.Running, settings string, n int, updated bool) string {
		return stConfig(run, settings, n, n, updated)
	},
	addresses: func(i int) []string {
		return []string{fmt.Sprintf("fieldservice_servicetrade_region.r%d", i), fmt.Sprintf("fieldservice_servicetrade_webhook.w%d", i)}
	},
	open: func(t *testing.T, run *emulator.Running) inventory {
		c := stClient(t, run)
		return inventory{
			check:     func(present, total int, updated bool) { stCheckInventory(t, c, present, total, true, updated) },
			destroyed: func(total int) resource.TestCheckFunc { return stDestroyed(t, c, total) },
		}
	},
}

// A 5xx answer to a POST is never repeated blindly: the server may have
// acted on it, and repeating it could create a duplicate. After a 503 the
// provider looks for the region; only when none exists (the create
// provably did not happen) does it send the create again, with backoff,
// within retry_max_attempts. Under a lasting 503 the apply fails after
// exactly 3 sends, saying that nothing was created; under a single 503 the
// create is sent again and the apply succeeds, with the region made once.
func TestAccServiceTradeFaults_postServerErrorIsSentAgainOnlyWhenNothingWasCreated(t *testing.T) {
	run := isolated(t)
	c := stClient(t, run)
	faults := newLedger(t, run)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             stDestroyed(t, c, 1),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					faults.inject(emulator.Fault{Vendor: stVendor, Method: http.MethodPost, Path: "/region", Status: http.StatusServiceUnavailable, Times: 100})
				},
				Config: stConfig(run, boundedRetry, 1, 0, false),
				ExpectError: regexp.MustCompile(`(?s)Creating\s+ServiceTrade\s+region\s+"fault-region-0"\s+failed.*POST\s+/region\s+returned\s+503\s+Service\s+Unavailable.*injected\s+fault` +
					`.*No\s+region\s+named\s+"fault-region-0"\s+exists,\s+so\s+it\s+was\s+not\s+created\..*sent\s+the\s+request\s+3\s+time\(s\)`),
			},
			{
				PreConfig: func() {
					if got := faults.fired(); got != 3 {
						t.Errorf("the POST was sent %d times under a lasting 503, want exactly 3 (retry_max_attempts), each after a lookup that found nothing", got)
					}
					run.ClearFaults()
					faults = newLedger(t, run)
					stCheckInventory(t, c, 0, 1, false, false)
					faults.inject(emulator.Fault{Vendor: stVendor, Method: http.MethodPost, Path: "/region", Status: http.StatusServiceUnavailable})
				},
				Config:           stConfig(run, boundedRetry, 1, 0, false),
				ConfigPlanChecks: emptyAfterApply,
				Check: func(*terraform.State) error {
					faults.allFired("one 503")
					stCheckInventory(t, c, 1, 1, false, false)
					return nil
				},
			},
		},
	})
}
