package servicetrade_test

import (
	"context"
	"fmt"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

const externalSystemAddr = "fieldservice_servicetrade_external_system.test"

func externalSystemConfig(name, label, extra string) string {
	return fmt.Sprintf(`
resource "fieldservice_servicetrade_external_system" "test" {
  name  = %q
  label = %q
  %s
}
`, name, label, extra)
}

// sameID fails when the resource's id is no longer *id.
func sameID(addr string, id *string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		if got := s.RootModule().Resources[addr].Primary.ID; got != *id {
			return fmt.Errorf("id changed from %s to %s: the change replaced the object", *id, got)
		}
		return nil
	}
}

// Note: the API cannot delete external systems, so every run leaves the
// systems it registered in the account (with random tfacc- names).
func TestAccExternalSystem_lifecycle(t *testing.T) {
	preCheck(t)
	name := acctest.RandomName("es")
	var id string
	var ids []string
	keep := func(*terraform.State) error {
		ids = append(ids, id)
		return nil
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             checkExternalSystemsStillExist(t, &ids),
		Steps: []resource.TestStep{
			// Create a standard system: no syncable types.
			{
				Config: externalSystemConfig(name, "Accounting", ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(externalSystemAddr, plancheck.ResourceActionCreate),
						plancheck.ExpectKnownValue(externalSystemAddr, tfjsonpath.New("type"), knownvalue.StringExact("standard")),
						plancheck.ExpectKnownValue(externalSystemAddr, tfjsonpath.New("syncable_types"), knownvalue.SetSizeExact(0)),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.Capture(externalSystemAddr, "id", &id), keep,
					resource.TestCheckResourceAttr(externalSystemAddr, "name", name),
					resource.TestCheckResourceAttr(externalSystemAddr, "label", "Accounting"),
					resource.TestCheckResourceAttr(externalSystemAddr, "type", "standard"),
					resource.TestCheckResourceAttr(externalSystemAddr, "syncable_types.#", "0"),
					resource.TestMatchResourceAttr(externalSystemAddr, "created", regexpMust(`^[1-9]\d{9}$`)),
					resource.TestCheckNoResourceAttr(externalSystemAddr, "updated"),
					resource.TestCheckNoResourceAttr(externalSystemAddr, "uri"),
				),
			},
			// Update in place: label and syncable types.
			{
				Config: externalSystemConfig(name, "Custom Accounting System 3000", `syncable_types = ["invoice", "job"]`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(externalSystemAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(externalSystemAddr, tfjsonpath.New("created"), knownvalue.NotNull()),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(externalSystemAddr, tfjsonpath.New("syncable_types"), knownvalue.SetExact([]knownvalue.Check{
						knownvalue.StringExact("invoice"), knownvalue.StringExact("job"),
					})),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					sameID(externalSystemAddr, &id),
					resource.TestCheckResourceAttr(externalSystemAddr, "label", "Custom Accounting System 3000"),
				),
			},
			// Import by id, then by exact name.
			{
				ResourceName:      externalSystemAddr,
				ImportState:       true,
				ImportStateVerify: true,
			},
			{
				ResourceName:      externalSystemAddr,
				ImportState:       true,
				ImportStateId:     name,
				ImportStateVerify: true,
			},
			{
				ResourceName:  externalSystemAddr,
				ImportState:   true,
				ImportStateId: name + "-nonexistent",
				ExpectError:   acctest.ErrorText(fmt.Sprintf(`no ServiceTrade external system has the name %q`, name+"-nonexistent")),
			},
			// Removing syncable_types from a standard system clears them.
			{
				Config: externalSystemConfig(name, "Custom Accounting System 3000", ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(externalSystemAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(externalSystemAddr, tfjsonpath.New("syncable_types"), knownvalue.SetSizeExact(0)),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					sameID(externalSystemAddr, &id),
					resource.TestCheckResourceAttr(externalSystemAddr, "syncable_types.#", "0"),
				),
			},
			// Out-of-band change: the next plan shows it and apply reverts it.
			{
				PreConfig: func() {
					sid, _ := strconv.ParseInt(id, 10, 64)
					label, types := "changed behind terraform", []string{"invoice"}
					if _, err := acctest.ServiceTradeClient(t).UpdateExternalSystem(context.Background(), sid, api.ExternalSystemUpdate{Label: &label, SyncableTypes: &types}); err != nil {
						t.Fatal(err)
					}
				},
				Config: externalSystemConfig(name, "Custom Accounting System 3000", ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(externalSystemAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(externalSystemAddr, tfjsonpath.New("label"), knownvalue.StringExact("Custom Accounting System 3000")),
						plancheck.ExpectKnownValue(externalSystemAddr, tfjsonpath.New("syncable_types"), knownvalue.SetSizeExact(0)),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					sameID(externalSystemAddr, &id),
					resource.TestCheckResourceAttr(externalSystemAddr, "label", "Custom Accounting System 3000"),
					resource.TestCheckResourceAttr(externalSystemAddr, "syncable_types.#", "0"),
				),
			},
			// A new type with the same name is refused at plan time: the old
			// system cannot be deleted and would keep the name.
			{
				Config:      externalSystemConfig(name, "Custom Accounting System 3000", `type = "quickbooks"`),
				ExpectError: acctest.ErrorText(fmt.Sprintf(`Changing the type of ServiceTrade external system %q needs a new name`, name)),
			},
			// A new name replaces the system; the old one stays in ServiceTrade.
			{
				Config: externalSystemConfig(name+"-v2", "Custom Accounting System 3000", ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(externalSystemAddr, plancheck.ResourceActionDestroyBeforeCreate),
						plancheck.ExpectUnknownValue(externalSystemAddr, tfjsonpath.New("created")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					func(s *terraform.State) error {
						if s.RootModule().Resources[externalSystemAddr].Primary.ID == id {
							return fmt.Errorf("id %s kept: a new name did not replace the system", id)
						}
						return nil
					},
					checkExternalSystemsStillExist(t, &ids),
					acctest.Capture(externalSystemAddr, "id", &id), keep,
					resource.TestCheckResourceAttr(externalSystemAddr, "name", name+"-v2"),
				),
			},
			// A new type (with a new name) replaces it too. ServiceTrade
			// computes the syncable types of a QuickBooks system, and the
			// computed value never shows as a change.
			{
				Config: externalSystemConfig(name+"-qb", "QuickBooks", `type = "quickbooks"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(externalSystemAddr, plancheck.ResourceActionDestroyBeforeCreate),
						plancheck.ExpectUnknownValue(externalSystemAddr, tfjsonpath.New("syncable_types")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.Capture(externalSystemAddr, "id", &id), keep,
					resource.TestCheckResourceAttr(externalSystemAddr, "type", "quickbooks"),
					resource.TestCheckResourceAttrSet(externalSystemAddr, "syncable_types.#"),
				),
			},
			// A label change keeps the computed syncable types as they are.
			{
				Config: externalSystemConfig(name+"-qb", "QuickBooks Online", `type = "quickbooks"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(externalSystemAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(externalSystemAddr, tfjsonpath.New("syncable_types"), knownvalue.NotNull()),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					sameID(externalSystemAddr, &id),
					resource.TestCheckResourceAttr(externalSystemAddr, "label", "QuickBooks Online"),
				),
			},
		},
	})
}

// Deleted behind Terraform's back (only ServiceTrade support can, so this
// needs the emulator's hook): the next plan creates it again.
func TestAccExternalSystem_removedOutOfBand(t *testing.T) {
	config := func() string { return externalSystemConfig(acctest.RandomName("es-oob"), "Out of band", "") }
	testRecreatedAfterRemoval(t, "system", externalSystemAddr, config, (*emust.Server).RemoveExternalSystem)
}

// checkExternalSystemsStillExist is deliberately the opposite of a usual
// destroy check: ServiceTrade cannot delete external systems, so after
// destroy (or replacement) every system the test registered must still be
// there, untouched.
func checkExternalSystemsStillExist(t *testing.T, ids *[]string) func(*terraform.State) error {
	return func(*terraform.State) error {
		if len(*ids) == 0 {
			return fmt.Errorf("no external system id was captured")
		}
		for _, raw := range *ids {
			sid, err := strconv.ParseInt(raw, 10, 64)
			if err != nil {
				return fmt.Errorf("captured external system id %q is not numeric", raw)
			}
			if _, err := acctest.ServiceTradeClient(t).GetExternalSystem(context.Background(), sid); err != nil {
				return fmt.Errorf("external system %d should still exist in ServiceTrade after destroy, but reading it failed: %v", sid, err)
			}
		}
		return nil
	}
}
