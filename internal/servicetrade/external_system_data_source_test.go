package servicetrade_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
)

// The singular data source finds a system by id and by exact name; the
// plural one lists every system, those Terraform did not create included.
func TestAccExternalSystemDataSources_lookups(t *testing.T) {
	preCheck(t)
	base := acctest.RandomName("dses")
	systems := fmt.Sprintf(`
resource "fieldservice_servicetrade_external_system" "std" {
  name           = %[1]q
  label          = "Standard"
  syncable_types = ["invoice"]
}
resource "fieldservice_servicetrade_external_system" "qb" {
  name  = "%[1]s-qb"
  label = "QuickBooks"
  type  = "quickbooks"
}
`, base)
	ids := map[string]string{}
	var idList []string
	checks := []resource.TestCheckFunc{
		resource.TestCheckResourceAttrPair("data.fieldservice_servicetrade_external_system.by_name", "id", "fieldservice_servicetrade_external_system.std", "id"),
		resource.TestCheckResourceAttr("data.fieldservice_servicetrade_external_system.by_name", "type", "standard"),
		resource.TestCheckResourceAttr("data.fieldservice_servicetrade_external_system.by_name", "syncable_types.#", "1"),
		resource.TestCheckTypeSetElemAttr("data.fieldservice_servicetrade_external_system.by_name", "syncable_types.*", "invoice"),
		resource.TestCheckResourceAttrPair("data.fieldservice_servicetrade_external_system.by_name", "created", "fieldservice_servicetrade_external_system.std", "created"),
		resource.TestMatchResourceAttr("data.fieldservice_servicetrade_external_system.by_name", "updated", regexp.MustCompile(`^[1-9]\d{9}$`)),
		resource.TestCheckResourceAttr("data.fieldservice_servicetrade_external_system.by_id", "name", base+"-qb"),
		resource.TestCheckResourceAttr("data.fieldservice_servicetrade_external_system.by_id", "type", "quickbooks"),
		resource.TestCheckResourceAttrPair("data.fieldservice_servicetrade_external_system.by_id", "syncable_types.#", "fieldservice_servicetrade_external_system.qb", "syncable_types.#"),
		checkListHasResource("data.fieldservice_servicetrade_external_systems.all", "external_systems", "fieldservice_servicetrade_external_system.std", "name", "label", "type", "syncable_types.#", "created"),
		checkListHasResource("data.fieldservice_servicetrade_external_systems.all", "external_systems", "fieldservice_servicetrade_external_system.qb", "name", "label", "type", "syncable_types.#", "created"),
	}
	if !acctest.Live() {
		// Systems Terraform never created: the emulator's seeded ones.
		checks = append(checks,
			checkListElem("data.fieldservice_servicetrade_external_systems.all", "external_systems", "name", emust.SeedExternalSystems[1],
				map[string]string{"label": "Sage Timberline", "type": "standard", "syncable_types.#": "1", "syncable_types.0": "invoice", "created": "1555970758"}),
			checkListElem("data.fieldservice_servicetrade_external_systems.all", "external_systems", "name", emust.SeedExternalSystems[0],
				map[string]string{"label": "Peachtree", "syncable_types.#": "0"}),
		)
	}
	const system dataSource = "fieldservice_servicetrade_external_system"
	lookupTable{
		shared:  systems,
		created: acctest.CaptureAll("fieldservice_servicetrade_external_system", "id", ids),
		destroyed: func(s *terraform.State) error {
			idList = idList[:0]
			for _, id := range ids {
				idList = append(idList, id)
			}
			return checkExternalSystemsStillExist(t, &idList)(s)
		},
		cases: []lookupCase{
			{
				name: "by name and by id; the plural one lists them all",
				config: system.block("by_name", attr("name", base)) +
					system.block("by_id", `id = fieldservice_servicetrade_external_system.qb.id`) +
					dataSource("fieldservice_servicetrade_external_systems").block("all"),
				check: resource.ComposeAggregateTestCheckFunc(checks...),
			},
			{
				name:   "no external system has the name",
				config: system.block("none", attr("name", base+"-none")),
				err:    acctest.ErrorText(fmt.Sprintf(`no ServiceTrade external system has the name "%s-none" (the match is exact and case-sensitive)`, base)),
			},
			{
				name:     "neither id nor name",
				config:   system.block("neither"),
				planOnly: true,
				err:      regexp.MustCompile(`Exactly one of these attributes must be configured: \[id,name\]`),
			},
		},
	}.run(t)
}

// The plural data source feeds for_each import blocks that adopt systems
// created outside Terraform (the emulator's seeded ones) with no change.
// The adopted resource uses count rather than for_each only because
// terraform-plugin-testing cannot read string-keyed instances from state;
// the documentation example uses a map.
func TestAccExternalSystems_adoptWithImportBlocks(t *testing.T) {
	preCheck(t)
	acctest.RequireEmulator(t)
	config := fmt.Sprintf(`
data "fieldservice_servicetrade_external_systems" "all" {}

locals {
  existing = [
    for s in data.fieldservice_servicetrade_external_systems.all.external_systems : s
    if contains([%q, %q], s.name)
  ]
}

import {
  for_each = local.existing
  to       = fieldservice_servicetrade_external_system.adopted[each.key]
  id       = each.value.id
}

resource "fieldservice_servicetrade_external_system" "adopted" {
  count          = length(local.existing)
  name           = local.existing[count.index].name
  label          = local.existing[count.index].label
  type           = local.existing[count.index].type
  syncable_types = local.existing[count.index].type == "standard" ? local.existing[count.index].syncable_types : null
}
`, emust.SeedExternalSystems[0], emust.SeedExternalSystems[1])
	// The list keeps the API's order: peachtree, then timberline. Plan
	// checks use Terraform's addresses, state checks the legacy shim's.
	peachPlan, timberPlan := "fieldservice_servicetrade_external_system.adopted[0]", "fieldservice_servicetrade_external_system.adopted[1]"
	peach, timber := "fieldservice_servicetrade_external_system.adopted.0", "fieldservice_servicetrade_external_system.adopted.1"
	var ids []string
	var peachID, timberID string
	resource.ParallelTest(t, resource.TestCase{
		// for_each in import blocks needs Terraform or OpenTofu 1.7 or later.
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_7_0)},
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy: func(s *terraform.State) error {
			ids = []string{peachID, timberID}
			return checkExternalSystemsStillExist(t, &ids)(s)
		},
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(peachPlan, plancheck.ResourceActionNoop),
						plancheck.ExpectResourceAction(timberPlan, plancheck.ResourceActionNoop),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.Capture(peach, "id", &peachID),
					acctest.Capture(timber, "id", &timberID),
					resource.TestCheckResourceAttr(peach, "name", emust.SeedExternalSystems[0]),
					resource.TestCheckResourceAttr(peach, "syncable_types.#", "0"),
					resource.TestCheckResourceAttr(peach, "created", "1555970058"),
					resource.TestCheckResourceAttr(timber, "name", emust.SeedExternalSystems[1]),
					resource.TestCheckResourceAttr(timber, "label", "Sage Timberline"),
					resource.TestCheckResourceAttr(timber, "syncable_types.#", "1"),
				),
			},
		},
	})
}
