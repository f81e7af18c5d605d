package servicetrade_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// A refresh of many webhooks reads them from the list's pages (one read
// by id, then the pages), and still sees what changed out of band: a
// webhook disabled is planned back, one deleted is planned for creation,
// and a webhook that moves between pages while the list is read (a
// deletion before page 2 moves one onto page 1) is not lost.
func TestAccWebhook_refreshByListPages(t *testing.T) {
	const hooks = 25 // three pages of 10
	preCheck(t)
	run := acctest.Isolated(t, emulator.Options{PageSize: 10})
	config := fmt.Sprintf(`
provider "fieldservice" {
  servicetrade {
    base_url      = %q
    client_id     = %q
    client_secret = %q
  }
}

resource "fieldservice_servicetrade_webhook" "many" {
  count    = %d
  hook_url = "https://hooks.example.com/pages/${count.index}"
}
`, run.ServiceTradeURL(), emust.ClientID, emust.ClientSecret, hooks)
	c, err := api.New(api.Config{BaseURL: run.ServiceTradeURL(), ClientID: emust.ClientID, ClientSecret: emust.ClientSecret})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	// A webhook Terraform does not manage, made first, so that it is the
	// first of the list's first page.
	const unmanaged = "https://hooks.example.com/unmanaged"
	// ids[i] is the id of many[i]; byPage the ids in list order, the
	// unmanaged one's included.
	ids := make([]int64, hooks)
	var byPage []int64
	capture := func(*terraform.State) error {
		list, err := c.ListWebhooks(ctx)
		if err != nil {
			return err
		}
		if len(list) != hooks+1 {
			return fmt.Errorf("the emulator holds %d webhooks, want %d and the unmanaged one", len(list), hooks)
		}
		byPage = nil
		for _, w := range list {
			byPage = append(byPage, w.ID)
			if w.HookURL == unmanaged {
				continue
			}
			var i int
			if _, err := fmt.Sscanf(w.HookURL, "https://hooks.example.com/pages/%d", &i); err != nil || i < 0 || i >= hooks {
				return fmt.Errorf("unexpected webhook %q", w.HookURL)
			}
			ids[i] = w.ID
		}
		return nil
	}
	indexOf := func(id int64) int {
		for i, x := range ids {
			if x == id {
				return i
			}
		}
		return -1
	}
	var checks []plancheck.PlanCheck
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					if _, err := c.CreateWebhook(ctx, api.WebhookInput{HookURL: unmanaged}); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				Check:  capture,
			},
			{
				// The refresh alone: one read by id, then the three pages.
				PreConfig:    run.ResetRequests,
				RefreshState: true,
				Check: func(*terraform.State) error {
					got := run.Requests()
					if got["servicetrade GET"] != 4 {
						return fmt.Errorf("refreshing %d webhooks sent %d GET requests (all: %v), want 4: one read by id and 3 list pages", hooks, got["servicetrade GET"], got)
					}
					return nil
				},
			},
			{
				// Out of band: one disabled, one deleted; the refresh
				// finds both through the listing.
				PreConfig: func() {
					disabled := false
					if _, err := c.UpdateWebhook(ctx, ids[12], api.WebhookUpdate{Enabled: &disabled}); err != nil {
						t.Fatal(err)
					}
					if err := c.DeleteWebhook(ctx, ids[20]); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction("fieldservice_servicetrade_webhook.many[12]", plancheck.ResourceActionUpdate),
						plancheck.ExpectResourceAction("fieldservice_servicetrade_webhook.many[20]", plancheck.ResourceActionCreate),
					},
				},
				Check: capture,
			},
			{
				// The unmanaged webhook, first of page 1, deleted by
				// someone else while the list is read (before page 2),
				// moves page 2's first webhook onto page 1, which was read
				// already: that webhook is read by id, not lost, and the
				// plan is empty.
				PreConfig: func() {
					first := byPage[0]
					run.BeforeRequest(func(vendor string, r *http.Request) bool {
						return vendor == "servicetrade" && r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, "/webhook") && r.URL.Query().Get("page") == "2"
					}, func() {
						if err := c.DeleteWebhook(ctx, first); err != nil {
							t.Error(err)
						}
					})
					checks = []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(fmt.Sprintf("fieldservice_servicetrade_webhook.many[%d]", indexOf(byPage[10])), plancheck.ResourceActionNoop),
						plancheck.ExpectEmptyPlan(),
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{deferredChecks{&checks}},
				},
			},
		},
	})
}

// deferredChecks runs the plan checks a step's PreConfig decides, once the
// objects they name are known.
type deferredChecks struct{ checks *[]plancheck.PlanCheck }

func (d deferredChecks) CheckPlan(ctx context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, c := range *d.checks {
		c.CheckPlan(ctx, req, resp)
		if resp.Error != nil {
			return
		}
	}
}
