package servicetrade_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
)

// notInList fails when the data source's list holds the resource.
func notInList(dsAddr, list, resAddr string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		res, ok := s.RootModule().Resources[resAddr]
		if !ok {
			return fmt.Errorf("%s not found in state", resAddr)
		}
		if _, err := listElem(s, dsAddr, list, "id", res.Primary.ID); err == nil {
			return fmt.Errorf("%s lists %s (id %s), which its filters exclude", dsAddr, resAddr, res.Primary.ID)
		}
		return nil
	}
}

// The plural lib items data source passes its type, service line and
// active filters to the API, lists active items by default and inactive
// ones on request, and normalises the capitalised type.
func TestAccLibItemsDataSource_list(t *testing.T) {
	preCheck(t)
	code := acctest.RandomName("dsli")
	line, _ := serviceLineAndCompany(t)
	items := libItemBlock("part", `name = "DS part"`, `type = "part"`, fmt.Sprintf("code = %q", code+"-p"), `cost = 3.5`,
		fmt.Sprintf("service_line_id = %d", line)) +
		libItemBlock("labor", `name = "DS labor"`, `type = "labor"`, fmt.Sprintf("code = %q", code+"-l")) +
		libItemBlock("retired", `name = "DS retired"`, `type = "part"`, fmt.Sprintf("code = %q", code+"-r"), `active = false`,
			fmt.Sprintf("service_line_id = %d", line))
	const (
		parts    = "data.fieldservice_servicetrade_lib_items.parts"
		byLine   = "data.fieldservice_servicetrade_lib_items.by_line"
		all      = "data.fieldservice_servicetrade_lib_items.all"
		inactive = "data.fieldservice_servicetrade_lib_items.inactive"
		r        = "fieldservice_servicetrade_lib_item."
	)
	ids := map[string]string{}
	var idList []string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy: func(s *terraform.State) error {
			for _, id := range ids {
				idList = append(idList, id)
			}
			return checkLibItemsDeactivated(t, &idList)(s)
		},
		Steps: []resource.TestStep{
			{Config: items, Check: acctest.CaptureAll("fieldservice_servicetrade_lib_item", "id", ids)},
			{
				Config: items + fmt.Sprintf(`
data "fieldservice_servicetrade_lib_items" "parts" {
  type = "part"
}
data "fieldservice_servicetrade_lib_items" "by_line" {
  service_line_id = %d
}
data "fieldservice_servicetrade_lib_items" "all" {}
data "fieldservice_servicetrade_lib_items" "inactive" {
  active = false
}
`, line),
				Check: resource.ComposeAggregateTestCheckFunc(
					checkListHasResource(parts, "lib_items", r+"part", "name", "code", "type", "cost", "service_line_id", "active", "taxable", "uri", "is_generic"),
					checkListElem(parts, "lib_items", "code", code+"-p", map[string]string{"type": "part", "cost": "3.5", "active": "true", "taxable": "true"}),
					notInList(parts, "lib_items", r+"labor"),
					notInList(parts, "lib_items", r+"retired"),
					checkListHasResource(byLine, "lib_items", r+"part", "name", "code"),
					notInList(byLine, "lib_items", r+"labor"),
					notInList(byLine, "lib_items", r+"retired"),
					checkListHasResource(all, "lib_items", r+"part", "name", "code", "type"),
					checkListHasResource(all, "lib_items", r+"labor", "name", "code", "type"),
					checkListElem(all, "lib_items", "code", code+"-l", map[string]string{"type": "labor", "cost": "", "service_line_id": ""}),
					notInList(all, "lib_items", r+"retired"),
					checkListHasResource(inactive, "lib_items", r+"retired", "name", "code", "type", "active"),
					checkListElem(inactive, "lib_items", "code", code+"-r", map[string]string{"active": "false", "type": "part"}),
					notInList(inactive, "lib_items", r+"part"),
				),
			},
			{Config: items},
		},
	})
}
