package servicetrade_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
)

// ServiceTrade's default quote detail levels hold "items_by_type", which
// it refuses for quotes. An imported contract has that default, and so
// does the configuration Terraform generates for one (terraform query,
// plan -generate-config-out): written out, it must plan, create (it is
// then not sent: ServiceTrade applies it) and re-plan empty, and a change
// to documented values must update in place.
func TestAccContract_defaultQuoteDetailLevelWrittenOut(t *testing.T) {
	preCheck(t)
	name := acctest.RandomName("contract-levels")
	var id string
	var ids []string
	config := func(levels string) string {
		return fmt.Sprintf(`
resource "fieldservice_servicetrade_contract" "test" {
  type               = "template"
  name               = %q
  quote_detail_level = %s
}
`, name, levels)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             checkContractsDeactivated(t, &ids),
		Steps: []resource.TestStep{
			{
				Config: config(`["public", "items_by_type", "type_detail"]`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(contractAddr, tfjsonpath.New("quote_detail_level"), knownvalue.SetExact([]knownvalue.Check{
						knownvalue.StringExact("public"), knownvalue.StringExact("items_by_type"), knownvalue.StringExact("type_detail"),
					})),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.Capture(contractAddr, "id", &id),
					func(*terraform.State) error { ids = append(ids, id); return nil },
				),
			},
			{
				Config: config(`["by_type", "noprices"]`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(contractAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(contractAddr, tfjsonpath.New("quote_detail_level"), knownvalue.SetExact([]knownvalue.Check{
						knownvalue.StringExact("by_type"), knownvalue.StringExact("noprices"),
					})),
				},
				Check: contractStaysID(contractAddr, &id),
			},
		},
	})
}
