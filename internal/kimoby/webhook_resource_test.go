package kimoby_test

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/kimoby/api"
)

func preCheck(t *testing.T) {
	acctest.PreCheck(t, "KIMOBY_API_KEY", "KIMOBY_API_SECRET")
}

const webhookAddr = "fieldservice_kimoby_webhook.test"

var (
	webhookIDPattern = regexp.MustCompile(`^WH[0-9a-f]+$`)
	utcTime          = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`)
)

// hookURL returns a unique https endpoint for one test.
func hookURL(name, suffix string) string {
	return "https://hooks.example.com/" + name + "/" + suffix
}

func webhookConfig(url, rotate string) string {
	rotateLine := ""
	if rotate != "" {
		rotateLine = fmt.Sprintf("rotate_key = %q", rotate)
	}
	return fmt.Sprintf(`
resource "fieldservice_kimoby_webhook" "test" {
  url = %q
  %s
}
`, url, rotateLine)
}

// stringIs checks a value against a variable filled by an earlier step.
func stringIs(want *string) knownvalue.Check {
	return knownvalue.StringFunc(func(v string) error {
		if v != *want {
			return fmt.Errorf("got %q, want %q", v, *want)
		}
		return nil
	})
}

func TestAccKimobyWebhook_lifecycle(t *testing.T) {
	name := acctest.RandomName("kimoby")
	var id, key, createdAt, updatedAt string
	sameID := statecheck.CompareValue(compare.ValuesSame())
	newKey := statecheck.CompareValue(compare.ValuesDiffer())
	preCheck(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             checkWebhookDestroyed(t, &id),
		Steps: []resource.TestStep{
			// Create; the key is in state, and a second plan is empty: in
			// particular updated_at is not planned as unknown.
			{
				Config: webhookConfig(hookURL(name, "a"), ""),
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.Capture(webhookAddr, "id", &id),
					acctest.Capture(webhookAddr, "authentication_key", &key),
					acctest.Capture(webhookAddr, "created_at", &createdAt),
					acctest.Capture(webhookAddr, "updated_at", &updatedAt),
					resource.TestCheckResourceAttr(webhookAddr, "url", hookURL(name, "a")),
					resource.TestMatchResourceAttr(webhookAddr, "id", webhookIDPattern),
					resource.TestMatchResourceAttr(webhookAddr, "authentication_key", regexp.MustCompile(`^\S{20,}$`)),
					resource.TestMatchResourceAttr(webhookAddr, "created_at", utcTime),
					resource.TestMatchResourceAttr(webhookAddr, "updated_at", utcTime),
					resource.TestCheckNoResourceAttr(webhookAddr, "rotate_key"),
				),
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(webhookAddr, tfjsonpath.New("id")),
					newKey.AddStateValue(webhookAddr, tfjsonpath.New("authentication_key")),
					statecheck.ExpectSensitiveValue(webhookAddr, tfjsonpath.New("authentication_key")),
				},
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			// Update the url in place: same id, same key, created_at kept,
			// updated_at planned unknown and then changed.
			{
				Config: webhookConfig(hookURL(name, "b"), ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(webhookAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectUnknownValue(webhookAddr, tfjsonpath.New("updated_at")),
						plancheck.ExpectKnownValue(webhookAddr, tfjsonpath.New("created_at"), stringIs(&createdAt)),
						plancheck.ExpectKnownValue(webhookAddr, tfjsonpath.New("authentication_key"), stringIs(&key)),
						plancheck.ExpectKnownValue(webhookAddr, tfjsonpath.New("id"), stringIs(&id)),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(webhookAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(webhookAddr, tfjsonpath.New("url"), knownvalue.StringExact(hookURL(name, "b"))),
					statecheck.ExpectKnownValue(webhookAddr, tfjsonpath.New("authentication_key"), stringIs(&key)),
					statecheck.ExpectKnownValue(webhookAddr, tfjsonpath.New("created_at"), stringIs(&createdAt)),
				},
				Check: func(s *terraform.State) error {
					if got := s.RootModule().Resources[webhookAddr].Primary.Attributes["updated_at"]; got == updatedAt {
						return fmt.Errorf("updated_at is still %s after the url changed", got)
					}
					return nil
				},
			},
			// Setting rotate_key replaces the webhook: new id, new key.
			{
				Config: webhookConfig(hookURL(name, "b"), "2024-06"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(webhookAddr, plancheck.ResourceActionDestroyBeforeCreate),
						plancheck.ExpectUnknownValue(webhookAddr, tfjsonpath.New("authentication_key")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					newKey.AddStateValue(webhookAddr, tfjsonpath.New("authentication_key")),
					statecheck.ExpectKnownValue(webhookAddr, tfjsonpath.New("rotate_key"), knownvalue.StringExact("2024-06")),
				},
				Check: func(s *terraform.State) error {
					got := s.RootModule().Resources[webhookAddr].Primary.ID
					if got == id {
						return fmt.Errorf("id is still %s: rotate_key did not replace the webhook", got)
					}
					id = got
					key = s.RootModule().Resources[webhookAddr].Primary.Attributes["authentication_key"]
					return nil
				},
			},
			// Changing rotate_key again rotates again.
			{
				Config: webhookConfig(hookURL(name, "b"), "2024-07"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(webhookAddr, plancheck.ResourceActionDestroyBeforeCreate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					newKey.AddStateValue(webhookAddr, tfjsonpath.New("authentication_key")),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.Capture(webhookAddr, "id", &id),
					acctest.Capture(webhookAddr, "authentication_key", &key),
				),
			},
			// Import by id: everything but the key (never returned again) and
			// rotate_key (configuration only) is recovered.
			{
				ResourceName:            webhookAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"authentication_key", "rotate_key"},
				ImportStateCheck: func(states []*terraform.InstanceState) error {
					if len(states) != 1 {
						return fmt.Errorf("imported %d objects, want 1", len(states))
					}
					if k := states[0].Attributes["authentication_key"]; k != "" {
						return fmt.Errorf("imported authentication_key = %q, want null: the API never returns it after creation", k)
					}
					return nil
				},
			},
			{
				ResourceName:  webhookAddr,
				ImportState:   true,
				ImportStateId: "WH00000000000000000000000000000000",
				ExpectError:   regexp.MustCompile(`Cannot import non-existent remote object`),
			},
			{
				ResourceName:  webhookAddr,
				ImportState:   true,
				ImportStateId: "not/an id",
				ExpectError:   acctest.ErrorText(`a Kimoby webhook id is a string such as "WH487d9d59d5511879e2eda871b5cac50c", got "not/an id"`),
			},
			// Out-of-band change: the next plan shows it and apply reverts it,
			// keeping the key.
			{
				PreConfig: func() {
					if _, err := acctest.KimobyClient(t).UpdateWebhook(context.Background(), id, api.WebhookInput{URL: hookURL(name, "changed-behind-terraform")}); err != nil {
						t.Fatal(err)
					}
				},
				Config: webhookConfig(hookURL(name, "b"), "2024-07"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(webhookAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(webhookAddr, tfjsonpath.New("url"), knownvalue.StringExact(hookURL(name, "b"))),
						plancheck.ExpectKnownValue(webhookAddr, tfjsonpath.New("authentication_key"), stringIs(&key)),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.TestCheckResourceAttr(webhookAddr, "url", hookURL(name, "b")),
			},
			// Out-of-band deletion: removed from state, planned for creation.
			{
				PreConfig: func() {
					if err := acctest.KimobyClient(t).DeleteWebhook(context.Background(), id); err != nil {
						t.Fatal(err)
					}
				},
				Config: webhookConfig(hookURL(name, "b"), "2024-07"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(webhookAddr, plancheck.ResourceActionCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					newKey.AddStateValue(webhookAddr, tfjsonpath.New("authentication_key")),
				},
				Check: acctest.Capture(webhookAddr, "id", &id),
			},
		},
	})
}

// Kimoby deletes a webhook whose receiver answers 410 Gone; the next plan
// re-creates it, with a new key.
func TestAccKimobyWebhook_deletedByKimobyAfter410(t *testing.T) {
	preCheck(t)
	acctest.RequireEmulator(t)
	run, err := acctest.Shared()
	if err != nil {
		t.Fatal(err)
	}
	name := acctest.RandomName("kimoby-gone")
	var id, key string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             checkWebhookDestroyed(t, &id),
		Steps: []resource.TestStep{
			{
				Config: webhookConfig(hookURL(name, "receiver"), ""),
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.Capture(webhookAddr, "id", &id),
					acctest.Capture(webhookAddr, "authentication_key", &key),
				),
			},
			{
				PreConfig: func() {
					if !run.Kimoby.Gone(id) {
						t.Fatalf("webhook %s was not in the emulator", id)
					}
				},
				Config: webhookConfig(hookURL(name, "receiver"), ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(webhookAddr, plancheck.ResourceActionCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: func(s *terraform.State) error {
					attrs := s.RootModule().Resources[webhookAddr].Primary.Attributes
					if attrs["id"] == id || attrs["authentication_key"] == key || attrs["authentication_key"] == "" {
						return fmt.Errorf("re-created webhook has id %s and key %q; want a new id and a new key", attrs["id"], attrs["authentication_key"])
					}
					id = attrs["id"]
					return nil
				},
			},
		},
	})
}

// checkWebhookDestroyed asserts, with a fresh listing, that the webhook last
// captured in *id is gone.
func checkWebhookDestroyed(t *testing.T, id *string) func(*terraform.State) error {
	return func(*terraform.State) error {
		if *id == "" {
			return fmt.Errorf("no webhook id was captured")
		}
		list, err := acctest.KimobyClient(t).ListWebhooks(context.Background())
		if err != nil {
			return err
		}
		for _, w := range list {
			if w.ID == *id {
				return fmt.Errorf("webhook %s still exists after destroy", *id)
			}
		}
		return nil
	}
}
