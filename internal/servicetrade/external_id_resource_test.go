package servicetrade_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

const externalIDAddr = "fieldservice_servicetrade_external_id.test"

func externalIDConfig(entityType string, entityID int64, system, value string) string {
	return fmt.Sprintf(`
resource "fieldservice_servicetrade_external_id" "test" {
  entity_type = %q
  entity_id   = %d
  system_name = %q
  value       = %q
}
`, entityType, entityID, system, value)
}

// externalIDRef is one external id the tests set, by its parts.
type externalIDRef struct {
	typ    string
	id     int64
	system string
}

func (r externalIDRef) String() string { return fmt.Sprintf("%s/%d/%s", r.typ, r.id, r.system) }

// newExternalSystem registers an external system of the test's own (the
// API cannot delete it; its random name keeps tests apart).
func newExternalSystem(t *testing.T, prefix string) string {
	t.Helper()
	name := acctest.RandomName(prefix)
	none := []string{}
	if _, err := acctest.ServiceTradeClient(t).CreateExternalSystem(context.Background(),
		api.ExternalSystemInput{Name: name, Label: "Test " + name, SyncableTypes: &none}); err != nil {
		t.Fatalf("creating external system %q: %v", name, err)
	}
	return name
}

// checkExternalIDsRemoved asserts that none of refs has a value any more.
func checkExternalIDsRemoved(t *testing.T, refs ...externalIDRef) func(*terraform.State) error {
	return func(*terraform.State) error {
		for _, r := range refs {
			got, err := acctest.ServiceTradeClient(t).GetExternalID(context.Background(), r.typ, r.id, r.system)
			if !api.IsNotFound(err) {
				return fmt.Errorf("external id %s still has a value after destroy: %+v, %v", r, got, err)
			}
		}
		return nil
	}
}

func TestAccExternalID_lifecycle(t *testing.T) {
	preCheck(t)
	sys1, sys2 := newExternalSystem(t, "xid-a"), newExternalSystem(t, "xid-b")
	company := seedCompanyID(t, emust.SeedCustomerCompanies[1])
	vendorCompany := seedCompanyID(t, emust.VendorCompany)
	libItem := seedLibItemID(t, emust.SeedLibItems[2].Name)
	first := externalIDRef{"company", company, sys1}
	moved := externalIDRef{"company", company, sys2}
	other := externalIDRef{"company", vendorCompany, sys2}
	item := externalIDRef{"libitem", libItem, sys2}
	client := acctest.ServiceTradeClient(t)
	ctx := context.Background()
	// replaced checks that a replacement removed the old value.
	replaced := func(old externalIDRef) resource.TestCheckFunc {
		return checkExternalIDsRemoved(t, old)
	}

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             checkExternalIDsRemoved(t, first, moved, other, item),
		Steps: []resource.TestStep{
			// Create.
			{
				Config: externalIDConfig("company", company, sys1, "AB-376"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(externalIDAddr, plancheck.ResourceActionCreate),
						plancheck.ExpectUnknownValue(externalIDAddr, tfjsonpath.New("id")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(externalIDAddr, "id", first.String()),
					resource.TestCheckResourceAttr(externalIDAddr, "entity_type", "company"),
					resource.TestCheckResourceAttr(externalIDAddr, "entity_id", fmt.Sprint(company)),
					resource.TestCheckResourceAttr(externalIDAddr, "system_name", sys1),
					resource.TestCheckResourceAttr(externalIDAddr, "value", "AB-376"),
					func(*terraform.State) error {
						got, err := client.GetExternalID(ctx, "company", company, sys1)
						if err != nil || got.Value != "AB-376" {
							return fmt.Errorf("ServiceTrade has %+v, %v; want AB-376", got, err)
						}
						return nil
					},
				),
			},
			// Empty re-plan.
			{
				Config:             externalIDConfig("company", company, sys1, "AB-376"),
				PlanOnly:           true,
				ExpectNonEmptyPlan: false,
			},
			// Update in place.
			{
				Config: externalIDConfig("company", company, sys1, "AB-CD 534/x"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(externalIDAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(externalIDAddr, tfjsonpath.New("id"), knownvalue.StringExact(first.String())),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.TestCheckResourceAttr(externalIDAddr, "value", "AB-CD 534/x"),
			},
			// Import by <entity_type>/<entity_id>/<system_name>.
			{
				ResourceName:      externalIDAddr,
				ImportState:       true,
				ImportStateId:     first.String(),
				ImportStateVerify: true,
			},
			// Each of the first three attributes forces replacement; the old
			// value is removed.
			{
				Config: externalIDConfig("company", company, sys2, "AB-CD 534/x"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(externalIDAddr, plancheck.ResourceActionDestroyBeforeCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(externalIDAddr, "id", moved.String()),
					replaced(first),
				),
			},
			{
				Config: externalIDConfig("company", vendorCompany, sys2, "AB-CD 534/x"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(externalIDAddr, plancheck.ResourceActionDestroyBeforeCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(externalIDAddr, "id", other.String()),
					replaced(moved),
				),
			},
			{
				Config: externalIDConfig("libitem", libItem, sys2, "LAB-INSP-4100"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(externalIDAddr, plancheck.ResourceActionDestroyBeforeCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(externalIDAddr, "id", item.String()),
					resource.TestCheckResourceAttr(externalIDAddr, "value", "LAB-INSP-4100"),
					replaced(other),
				),
			},
			// Out-of-band change: planned as an update, reverted by apply.
			{
				PreConfig: func() {
					if _, err := client.UpdateExternalID(ctx, "libitem", libItem, sys2, "CHANGED-ELSEWHERE"); err != nil {
						t.Fatal(err)
					}
				},
				Config: externalIDConfig("libitem", libItem, sys2, "LAB-INSP-4100"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(externalIDAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(externalIDAddr, tfjsonpath.New("value"), knownvalue.StringExact("LAB-INSP-4100")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.TestCheckResourceAttr(externalIDAddr, "value", "LAB-INSP-4100"),
			},
			// Out-of-band deletion (the value removed): planned for
			// creation.
			{
				PreConfig: func() {
					if err := client.RemoveExternalID(ctx, "libitem", libItem, sys2); err != nil {
						t.Fatal(err)
					}
				},
				Config: externalIDConfig("libitem", libItem, sys2, "LAB-INSP-4100"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(externalIDAddr, plancheck.ResourceActionCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.TestCheckResourceAttr(externalIDAddr, "id", item.String()),
			},
		},
	})
}

// A value the entity already has in the system is never taken over: the
// create fails with the import command and leaves the value alone. An
// unknown entity or system fails with what to check.
func TestAccExternalID_existingValueAndMissingTargets(t *testing.T) {
	preCheck(t)
	system := newExternalSystem(t, "xid-taken")
	company := seedCompanyID(t, emust.SeedCustomerCompanies[0])
	client := acctest.ServiceTradeClient(t)
	ctx := context.Background()
	taken := externalIDRef{"company", company, system}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					if _, err := client.CreateExternalID(ctx, "company", company, system, "SET-ELSEWHERE"); err != nil {
						t.Fatal(err)
					}
				},
				Config: externalIDConfig("company", company, system, "MINE"),
				ExpectError: acctest.ErrorText(fmt.Sprintf(`A ServiceTrade external id with system name %q on company %d already exists (id %s): `+
					`to manage it with Terraform, import it: terraform import fieldservice_servicetrade_external_id.<name> %s`, system, company, taken, taken)),
			},
			{
				Config: externalIDConfig("company", company, system+"-none", "MINE"),
				ExpectError: acctest.ErrorText(fmt.Sprintf(`Either ServiceTrade company %d does not exist, or no ServiceTrade external system is named "%s-none"`,
					company, system)),
			},
			{
				Config:      externalIDConfig("company", 1, system, "MINE"),
				ExpectError: acctest.ErrorText(`ServiceTrade company 1 does not exist: entity_type and entity_id must name an existing object`),
			},
		},
		CheckDestroy: func(*terraform.State) error {
			got, err := client.GetExternalID(ctx, "company", company, system)
			if err != nil || got.Value != "SET-ELSEWHERE" {
				return fmt.Errorf("the existing value was touched: %+v, %v", got, err)
			}
			return nil
		},
	})
}
