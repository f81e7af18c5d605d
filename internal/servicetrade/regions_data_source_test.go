package servicetrade_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
)

// The plural regions data source passes its name filter to the API (a
// case-insensitive substring match) and reports each region's offices,
// which the API's list entries leave out.
func TestAccRegionsDataSource_list(t *testing.T) {
	preCheck(t)
	base := acctest.RandomName("dsregions")
	offices := officeIDs(t, 1)
	regions := fmt.Sprintf(`
locals {
  points = [
    { lat = 35.1, lon = -80.1 },
    { lat = 35.2, lon = -80.9 },
    { lat = 35.9, lon = -80.5 },
  ]
}
resource "fieldservice_servicetrade_region" "east" {
  name       = "%[1]s East"
  color      = "#00ff00"
  office_ids = [%[2]d]
  points     = local.points
}
resource "fieldservice_servicetrade_region" "west" {
  name   = "%[1]s West"
  points = local.points
}
resource "fieldservice_servicetrade_region" "other" {
  name   = "Elsewhere %[3]s"
  points = local.points
}
`, base, offices[0], strings.TrimPrefix(base, "tfacc-"))
	const filtered, all, none = "data.fieldservice_servicetrade_regions.filtered", "data.fieldservice_servicetrade_regions.all", "data.fieldservice_servicetrade_regions.none"
	var regionIDs []string
	ids := map[string]string{}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy: func(s *terraform.State) error {
			for _, id := range ids {
				regionIDs = append(regionIDs, id)
			}
			for i := range regionIDs {
				if err := checkRegionsDestroyed(t, &regionIDs[i])(s); err != nil {
					return err
				}
			}
			return nil
		},
		Steps: []resource.TestStep{
			{Config: regions, Check: acctest.CaptureAll("fieldservice_servicetrade_region", "id", ids)},
			{
				Config: regions + fmt.Sprintf(`
data "fieldservice_servicetrade_regions" "filtered" {
  name = %q
}
data "fieldservice_servicetrade_regions" "all" {}
data "fieldservice_servicetrade_regions" "none" {
  name = "%s-matches-nothing"
}
`, strings.ToUpper(base), base),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(filtered, "regions.#", "2"),
					checkListHasResource(filtered, "regions", "fieldservice_servicetrade_region.east", "name", "uri", "color", "points.#", "points.1.lat", "points.1.lon"),
					checkListHasResource(filtered, "regions", "fieldservice_servicetrade_region.west", "name", "uri", "color", "points.#"),
					checkListElem(filtered, "regions", "name", base+" East", map[string]string{
						"office_ids.#": "1", "office_ids.0": fmt.Sprint(offices[0]), "color": "#00ff00",
					}),
					checkListElem(filtered, "regions", "name", base+" West", map[string]string{"office_ids.#": "0"}),
					checkListHasResource(all, "regions", "fieldservice_servicetrade_region.east", "name"),
					checkListHasResource(all, "regions", "fieldservice_servicetrade_region.west", "name"),
					checkListHasResource(all, "regions", "fieldservice_servicetrade_region.other", "name"),
					resource.TestCheckResourceAttr(none, "regions.#", "0"),
				),
			},
			{Config: regions},
		},
	})
}
