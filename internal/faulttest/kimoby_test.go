package faulttest_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

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

// kimobyFixture's object i is webhook i; an update moves it.
var kimobyFixture = vendorFixture{
	name:      kimobyVendor,
	config:    kimobyConfig,
	addresses: func(i int) []string { return []string{fmt.Sprintf("fieldservice_kimoby_webhook.w%d", i)} },
	open: func(t *testing.T, run *emulator.Running) inventory {
		c := kimobyClient(t, run)
		return inventory{
			check:     func(present, total int, moved bool) { kimobyCheckInventory(t, c, present, total, moved) },
			destroyed: func(total int) resource.TestCheckFunc { return kimobyDestroyed(t, c, total) },
		}
	},
}
