package kimoby_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emukim "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/kimoby"
)

// The reference shows GET /webhooks as a bare array without paging
// parameters, while its general rule says that every list pages. The
// provider must work against both: with more than 50 webhooks (one page of
// the largest size) every webhook is read, imported and listed, whether the
// server pages the list or sends it whole every time.
func TestAccKimobyWebhook_listPagedOrNot(t *testing.T) {
	const webhooks = 60
	for mode, wantListRequests := range map[emukim.WebhookListMode]int{
		emukim.WebhookListPaged:   2, // 50 + 10
		emukim.WebhookListUnpaged: 1, // 60 > per_page: the whole list
	} {
		t.Run(mode.String(), func(t *testing.T) {
			preCheck(t)
			run := acctest.Isolated(t, emulator.Options{})
			run.Kimoby.SetWebhookListMode(mode)
			// "last" is created after the others, so that it is past the
			// first page of 50 in a paged list.
			config := isolatedProvider(run, emukim.APISecret) + fmt.Sprintf(`
resource "fieldservice_kimoby_webhook" "many" {
  count = %d
  url   = "https://hooks.example.com/unpaged/${count.index}"
}
resource "fieldservice_kimoby_webhook" "last" {
  url        = "https://hooks.example.com/unpaged/last"
  depends_on = [fieldservice_kimoby_webhook.many]
}
`, webhooks-1)
			lookups := `
data "fieldservice_kimoby_webhooks" "all" {}
data "fieldservice_kimoby_webhook" "by_id" {
  id = fieldservice_kimoby_webhook.last.id
}
data "fieldservice_kimoby_webhook" "by_url" {
  url = "https://hooks.example.com/unpaged/last"
}
`
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				Steps: []resource.TestStep{
					// Create, then the refresh and the empty re-plan, which
					// read every webhook.
					{
						Config: config,
						Check: func(*terraform.State) error {
							if n := run.Kimoby.WebhookCount(); n != webhooks {
								return fmt.Errorf("the emulator holds %d webhooks, want %d", n, webhooks)
							}
							if got := run.Kimoby.WebhookListMode(); got != mode {
								return fmt.Errorf("the emulator serves the list %s, want %s", got, mode)
							}
							return nil
						},
						ConfigPlanChecks: resource.ConfigPlanChecks{
							PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
						},
					},
					// A refresh reads all 60 from one shared listing.
					{
						PreConfig:    run.ResetRequests,
						RefreshState: true,
						Check: func(*terraform.State) error {
							got := run.Requests()
							if got["kimoby GET"] != wantListRequests {
								return fmt.Errorf("refreshing %d webhooks from a %s list sent %d list requests (all requests: %v), want %d",
									webhooks, mode, got["kimoby GET"], got, wantListRequests)
							}
							return nil
						},
					},
					// The data sources see the whole list, the last webhook
					// included.
					{
						Config: config + lookups,
						Check: resource.ComposeAggregateTestCheckFunc(
							resource.TestCheckResourceAttr("data.fieldservice_kimoby_webhooks.all", "webhooks.#", fmt.Sprint(webhooks)),
							resource.TestCheckResourceAttr("data.fieldservice_kimoby_webhook.by_id", "url", "https://hooks.example.com/unpaged/last"),
							resource.TestCheckResourceAttrPair("data.fieldservice_kimoby_webhook.by_url", "id", "fieldservice_kimoby_webhook.last", "id"),
							resource.TestCheckResourceAttrPair("data.fieldservice_kimoby_webhook.by_id", "created_at", "fieldservice_kimoby_webhook.last", "created_at"),
						),
					},
					// Import of a webhook past the first page.
					{
						Config:                  config,
						ResourceName:            "fieldservice_kimoby_webhook.last",
						ImportState:             true,
						ImportStateVerify:       true,
						ImportStateVerifyIgnore: []string{"authentication_key", "rotate_key"},
					},
				},
				CheckDestroy: func(*terraform.State) error {
					if n := run.Kimoby.WebhookCount(); n != 0 {
						return fmt.Errorf("%d webhooks remain after destroy", n)
					}
					return nil
				},
			})
		})
	}
}
