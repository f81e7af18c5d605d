package kimoby_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emukim "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/kimoby"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/kimoby/api"
)

// isolatedProvider points the provider at a private emulator.
func isolatedProvider(run *emulator.Running, secret string) string {
	return fmt.Sprintf(`
provider "fieldservice" {
  kimoby {
    base_url   = %q
    api_key    = %q
    api_secret = %q
  }
}
`, run.KimobyURL(), emukim.APIKey, secret)
}

// Kimoby has no GET by id, so each webhook's Read needs the list. A refresh
// of many webhooks must list once (one request per page of 50), not once per
// webhook, which the emulator's request counter proves.
func TestAccKimobyWebhook_refreshListsOnce(t *testing.T) {
	const webhooks = 53 // two pages of the list: 50 and 3
	preCheck(t)
	run := acctest.Isolated(t, emulator.Options{})
	config := isolatedProvider(run, emukim.APISecret) + fmt.Sprintf(`
resource "fieldservice_kimoby_webhook" "many" {
  count = %d
  url   = "https://hooks.example.com/refresh/${count.index}"
}
`, webhooks)
	wantPages := webhooks/api.MaxPerPage + 1
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(*terraform.State) error {
					if n := run.Kimoby.WebhookCount(); n != webhooks {
						return fmt.Errorf("the emulator holds %d webhooks, want %d", n, webhooks)
					}
					return nil
				},
			},
			{
				// terraform refresh alone: reads every webhook in parallel.
				PreConfig:    run.ResetRequests,
				RefreshState: true,
				Check: func(*terraform.State) error {
					got := run.Requests()
					if got["kimoby GET"] != wantPages {
						return fmt.Errorf("refreshing %d webhooks sent %d list requests (all requests: %v), want %d: one shared listing of %d pages",
							webhooks, got["kimoby GET"], got, wantPages, wantPages)
					}
					for k, n := range got {
						if k != "kimoby GET" && n > 0 {
							return fmt.Errorf("the refresh sent %d %q requests, want none", n, k)
						}
					}
					return nil
				},
			},
			{
				// The list data source pages past 50 too.
				Config: config + `data "fieldservice_kimoby_webhooks" "all" {}`,
				Check:  resource.TestCheckResourceAttr("data.fieldservice_kimoby_webhooks.all", "webhooks.#", fmt.Sprint(webhooks)),
			},
		},
		CheckDestroy: func(*terraform.State) error {
			if n := run.Kimoby.WebhookCount(); n != 0 {
				return fmt.Errorf("%d webhooks remain after destroy", n)
			}
			return nil
		},
	})
}
