package servicetrade_test

import (
	"context"
	"fmt"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

const webhookAddr = "fieldservice_servicetrade_webhook.test"

func webhookConfig(hookURL, flags string) string {
	return fmt.Sprintf(`
resource "fieldservice_servicetrade_webhook" "test" {
  hook_url = %q
  %s
}
`, hookURL, flags)
}

// confirmedAfterRefresh is what `confirmed` must be once ServiceTrade had
// the chance to confirm the hook: true in the emulator, which confirms any
// public-looking URL at once. A live account only confirms URLs that
// really answer, which the test URLs need not do, so live runs only
// require the value to be known (never "known after apply").
func confirmedAfterRefresh() knownvalue.Check {
	if acctest.Live() {
		return knownvalue.NotNull()
	}
	return knownvalue.Bool(true)
}

func TestAccWebhook_lifecycle(t *testing.T) {
	preCheck(t)
	slug := acctest.RandomName("hook")
	url1 := "https://hooks.example.com/servicetrade/" + slug
	url2 := "http://hooks.example.com/servicetrade/" + slug + "-moved"
	var id string
	var ids []string
	keep := func(s *terraform.State) error {
		ids = append(ids, id)
		return nil
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             checkWebhooksDestroyed(t, &ids),
		Steps: []resource.TestStep{
			// Create with the documented defaults; the create response says
			// "not confirmed", and the confirmation that follows must not
			// make the next plan non-empty.
			{
				Config: webhookConfig(url1, ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(webhookAddr, plancheck.ResourceActionCreate),
						plancheck.ExpectUnknownValue(webhookAddr, tfjsonpath.New("confirmed")),
						plancheck.ExpectKnownValue(webhookAddr, tfjsonpath.New("enabled"), knownvalue.Bool(true)),
						plancheck.ExpectKnownValue(webhookAddr, tfjsonpath.New("include_changesets"), knownvalue.Bool(false)),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.Capture(webhookAddr, "id", &id), keep,
					resource.TestCheckResourceAttr(webhookAddr, "hook_url", url1),
					resource.TestCheckResourceAttr(webhookAddr, "enabled", "true"),
					resource.TestCheckResourceAttr(webhookAddr, "include_changesets", "false"),
					resource.TestCheckResourceAttr(webhookAddr, "confirmed", "false"),
					resource.TestMatchResourceAttr(webhookAddr, "uri", regexpMust(`/webhook/\d+$`)),
				),
			},
			// Update in place; confirmed is planned from the refreshed state.
			{
				Config: webhookConfig(url1, "enabled = false\n  include_changesets = true"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(webhookAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(webhookAddr, tfjsonpath.New("confirmed"), confirmedAfterRefresh()),
						plancheck.ExpectKnownValue(webhookAddr, tfjsonpath.New("id"), knownvalue.NotNull()),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrPtr(webhookAddr, "id", &id),
					resource.TestCheckResourceAttr(webhookAddr, "enabled", "false"),
					resource.TestCheckResourceAttr(webhookAddr, "include_changesets", "true"),
					resource.TestCheckResourceAttr(webhookAddr, "hook_url", url1),
				),
			},
			// Import by id.
			{
				ResourceName:      webhookAddr,
				ImportState:       true,
				ImportStateVerify: true,
			},
			// A new hook_url replaces the webhook: PUT cannot change it.
			{
				Config: webhookConfig(url2, "enabled = false\n  include_changesets = true"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(webhookAddr, plancheck.ResourceActionDestroyBeforeCreate),
						plancheck.ExpectUnknownValue(webhookAddr, tfjsonpath.New("confirmed")),
						plancheck.ExpectUnknownValue(webhookAddr, tfjsonpath.New("id")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					func(s *terraform.State) error {
						if got := s.RootModule().Resources[webhookAddr].Primary.ID; got == id {
							return fmt.Errorf("id %s kept: hook_url did not replace the webhook", id)
						}
						return nil
					},
					acctest.Capture(webhookAddr, "id", &id), keep,
					resource.TestCheckResourceAttr(webhookAddr, "hook_url", url2),
					resource.TestCheckResourceAttr(webhookAddr, "enabled", "false"),
					resource.TestCheckResourceAttr(webhookAddr, "confirmed", "false"),
				),
			},
			// Out-of-band change: the next plan shows it and apply reverts it.
			{
				PreConfig: func() {
					on := true
					wid, _ := strconv.ParseInt(id, 10, 64)
					if _, err := acctest.ServiceTradeClient(t).UpdateWebhook(context.Background(), wid, api.WebhookUpdate{Enabled: &on, IncludeChangesets: new(bool)}); err != nil {
						t.Fatal(err)
					}
				},
				Config: webhookConfig(url2, "enabled = false\n  include_changesets = true"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(webhookAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(webhookAddr, tfjsonpath.New("enabled"), knownvalue.Bool(false)),
						plancheck.ExpectKnownValue(webhookAddr, tfjsonpath.New("include_changesets"), knownvalue.Bool(true)),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrPtr(webhookAddr, "id", &id),
					resource.TestCheckResourceAttr(webhookAddr, "enabled", "false"),
				),
			},
			// Back to the defaults by removing the flags from the configuration.
			{
				Config: webhookConfig(url2, ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(webhookAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(webhookAddr, "enabled", "true"),
					resource.TestCheckResourceAttr(webhookAddr, "include_changesets", "false"),
				),
			},
			// Out-of-band deletion: removed from state, planned for creation.
			{
				PreConfig: func() {
					wid, _ := strconv.ParseInt(id, 10, 64)
					if err := acctest.ServiceTradeClient(t).DeleteWebhook(context.Background(), wid); err != nil {
						t.Fatal(err)
					}
				},
				Config: webhookConfig(url2, ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(webhookAddr, plancheck.ResourceActionCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(acctest.Capture(webhookAddr, "id", &id), keep),
			},
		},
	})
}

// checkWebhooksDestroyed asserts that every webhook the test created is gone.
func checkWebhooksDestroyed(t *testing.T, ids *[]string) func(*terraform.State) error {
	return func(*terraform.State) error {
		if len(*ids) == 0 {
			return fmt.Errorf("no webhook id was captured")
		}
		for _, raw := range *ids {
			wid, err := strconv.ParseInt(raw, 10, 64)
			if err != nil {
				return fmt.Errorf("captured webhook id %q is not numeric", raw)
			}
			_, err = acctest.ServiceTradeClient(t).GetWebhook(context.Background(), wid)
			if !api.IsNotFound(err) {
				return fmt.Errorf("webhook %d still exists after destroy (err=%v)", wid, err)
			}
		}
		return nil
	}
}
