package servicetrade_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
)

// The data source finds a region by exact name even when the API's
// substring filter returns several, across pages; and by id.
func TestAccRegionDataSource_lookups(t *testing.T) {
	preCheck(t)
	base := acctest.RandomName("ds")
	offices := officeIDs(t, 1)
	regions := fmt.Sprintf(`
locals {
  points = [
    { lat = 35.1, lon = -80.1 },
    { lat = 35.2, lon = -80.9 },
    { lat = 35.9, lon = -80.5 },
  ]
}
resource "fieldservice_servicetrade_region" "exact" {
  name       = %[1]q
  color      = "#00ff00"
  office_ids = [%[2]d]
  points     = local.points
}
resource "fieldservice_servicetrade_region" "longer" {
  name   = "%[1]s North"
  points = local.points
}
resource "fieldservice_servicetrade_region" "prefix" {
  name   = "Greater %[1]s"
  points = local.points
}
resource "fieldservice_servicetrade_region" "dup1" {
  name   = "%[1]s dup"
  points = local.points
}
resource "fieldservice_servicetrade_region" "dup2" {
  name   = "%[1]s dup"
  points = local.points
}
`, base, offices[0])
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{Config: regions},
			{
				Config: regions + fmt.Sprintf(`
data "fieldservice_servicetrade_region" "by_name" {
  name = %q
}
data "fieldservice_servicetrade_region" "by_id" {
  id = fieldservice_servicetrade_region.longer.id
}
`, base),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrPair("data.fieldservice_servicetrade_region.by_name", "id", "fieldservice_servicetrade_region.exact", "id"),
					resource.TestCheckResourceAttr("data.fieldservice_servicetrade_region.by_name", "color", "#00ff00"),
					resource.TestCheckResourceAttr("data.fieldservice_servicetrade_region.by_name", "points.#", "3"),
					// Offices come from the single GET: list entries carry none.
					resource.TestCheckResourceAttr("data.fieldservice_servicetrade_region.by_name", "office_ids.#", "1"),
					resource.TestCheckTypeSetElemAttr("data.fieldservice_servicetrade_region.by_name", "office_ids.*", fmt.Sprint(offices[0])),
					resource.TestCheckResourceAttr("data.fieldservice_servicetrade_region.by_id", "name", base+" North"),
				),
			},
			{
				Config:      regions + `data "fieldservice_servicetrade_region" "none" { name = "no such region anywhere" }`,
				ExpectError: regexp.MustCompile(`no ServiceTrade region has the name "no such region anywhere"`),
			},
			{
				Config:      regions + fmt.Sprintf(`data "fieldservice_servicetrade_region" "two" { name = "%s dup" }`, base),
				ExpectError: regexp.MustCompile(`2 ServiceTrade regions have the name ".* dup" \(ids \d+,\s+\d+\);\s+look\s+it\s+up\s+by\s+id`),
			},
			{
				Config:      regions + `data "fieldservice_servicetrade_region" "neither" {}`,
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`Exactly one of these attributes must be configured: \[id,name\]`),
			},
			// End on a valid configuration, which the final destroy uses.
			{Config: regions},
		},
	})
}
