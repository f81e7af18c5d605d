package kimoby_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emukimoby "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/kimoby"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/kimoby/api"
)

// Kimoby webhooks have nothing unique, and their key is only in the answer
// to the create: when that answer is lost, the create fails with an error
// naming the one webhook that exists (by id) and the import command; no
// duplicate is made, and importing the webhook as the error says makes the
// plan empty.
func TestAccKimobyWebhook_lostCreateAnswerIsExplained(t *testing.T) {
	preCheck(t)
	run := acctest.Isolated(t, emulator.Options{})
	c, err := api.New(api.Config{BaseURL: run.KimobyURL(), APIKey: emukimoby.APIKey, APISecret: emukimoby.APISecret})
	if err != nil {
		t.Fatal(err)
	}
	u := hookURL("lost-answer", "1")
	cfg := fmt.Sprintf(`
provider "fieldservice" {
  kimoby {
    base_url   = %q
    api_key    = %q
    api_secret = %q
  }
}

resource "fieldservice_kimoby_webhook" "lost" {
  url = %q
}
`, run.KimobyURL(), emukimoby.APIKey, emukimoby.APISecret, u)
	withURL := func() ([]string, error) {
		list, err := c.ListWebhooks(context.Background())
		var ids []string
		for _, w := range list {
			if w.URL == u {
				ids = append(ids, w.ID)
			}
		}
		return ids, err
	}
	var explained bool
	var id string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		ErrorCheck:               acctest.LostCreateErrorCheck(fmt.Sprintf("Creating Kimoby webhook for %q failed", u), "fieldservice_kimoby_webhook", withURL, &explained),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					run.Inject(emulator.Fault{Vendor: "kimoby", Method: http.MethodPost, Path: "/webhooks", DropAfter: true})
				},
				Config: cfg,
			},
			{
				PreConfig: func() {
					if !explained {
						t.Fatal("the create whose answer was lost did not fail with the explanation")
					}
					if got := run.FaultsApplied(); got != 1 {
						t.Fatalf("the lost-answer fault fired %d times, want 1", got)
					}
					if got := run.Requests()["kimoby POST"]; got != 1 {
						t.Errorf("Kimoby received %d POSTs, want exactly 1: a lost create must not be sent again", got)
					}
					ids, err := withURL()
					if err != nil || len(ids) != 1 {
						t.Fatalf("webhooks for %s: %v %v; want exactly 1", u, ids, err)
					}
					id = ids[0]
				},
				Config:             cfg,
				ResourceName:       "fieldservice_kimoby_webhook.lost",
				ImportState:        true,
				ImportStatePersist: true,
				ImportStateIdFunc:  func(*terraform.State) (string, error) { return id, nil },
			},
			{
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: func(*terraform.State) error {
					if ids, err := withURL(); err != nil || len(ids) != 1 {
						return fmt.Errorf("webhooks for %s: %v %v; want exactly 1", u, ids, err)
					}
					return nil
				},
			},
		},
	})
}
