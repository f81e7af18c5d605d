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
	const region dataSource = "fieldservice_servicetrade_region"
	const ds = "data.fieldservice_servicetrade_region."
	lookupTable{shared: regions, cases: []lookupCase{
		{
			name:   "by exact name among names that contain it, and by id",
			config: region.block("by_name", attr("name", base)) + region.block("by_id", `id = fieldservice_servicetrade_region.longer.id`),
			check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttrPair(ds+"by_name", "id", "fieldservice_servicetrade_region.exact", "id"),
				resource.TestCheckResourceAttr(ds+"by_name", "color", "#00ff00"),
				resource.TestCheckResourceAttr(ds+"by_name", "points.#", "3"),
				// Offices come from the single GET: list entries carry none.
				resource.TestCheckResourceAttr(ds+"by_name", "office_ids.#", "1"),
				resource.TestCheckTypeSetElemAttr(ds+"by_name", "office_ids.*", fmt.Sprint(offices[0])),
				resource.TestCheckResourceAttr(ds+"by_id", "name", base+" North"),
			),
		},
		{
			name:   "no region has the name",
			config: region.block("none", `name = "no such region anywhere"`),
			err:    regexp.MustCompile(`no ServiceTrade region has the name "no such region anywhere"`),
		},
		{
			name:   "two regions have the name",
			config: region.block("two", attr("name", base+" dup")),
			err:    regexp.MustCompile(`2 ServiceTrade regions have the name ".* dup" \(ids \d+,\s+\d+\);\s+look\s+it\s+up\s+by\s+id`),
		},
		{
			name:     "neither id nor name",
			config:   region.block("neither"),
			planOnly: true,
			err:      regexp.MustCompile(`Exactly one of these attributes must be configured: \[id,name\]`),
		},
	}}.run(t)
}
