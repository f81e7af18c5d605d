package servicetrade_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
)

// Looks up lib items by name (also when it is a substring of another), code
// and id; inactive items only on request; explains zero and several
// matches; normalises the capitalised type.
func TestAccLibItemDataSource_lookups(t *testing.T) {
	preCheck(t)
	acctest.RequireEmulator(t) // relies on the emulator's seeded lib items
	const ds = "data.fieldservice_servicetrade_lib_item."
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config:      fmt.Sprintf(`data "fieldservice_servicetrade_lib_item" "two" { name = %q }`, emust.DuplicateLibItem),
				ExpectError: regexp.MustCompile(`2\s+ServiceTrade\s+lib\s+items\s+have\s+the\s+name\s+"Sprinkler\s+Head,\s+Pendent"\s+\(ids\s+\d+,\s+\d+\);\s+look\s+it\s+up\s+by\s+id`),
			},
			{
				Config: `data "fieldservice_servicetrade_lib_item" "inactive" { code = "HALON-RCHG" }`,
				ExpectError: acctest.ErrorText(`no ServiceTrade lib item has the code "HALON-RCHG" (the match is exact and case-sensitive). ` +
					`Only active items were searched; set include_inactive = true to search inactive items too.`),
			},
			{
				Config:      `data "fieldservice_servicetrade_lib_item" "none" { code = "BCAP" }`,
				ExpectError: acctest.ErrorText(`no ServiceTrade lib item has the code "BCAP"`),
			},
			{
				Config:      `data "fieldservice_servicetrade_lib_item" "gone" { id = "9999999" }`,
				ExpectError: regexp.MustCompile(`Reading\s+ServiceTrade\s+lib\s+item\s+9999999\s+failed(?s:.*)lib\s+item\s+9999999\s+not\s+found`),
			},
			{
				Config:      `data "fieldservice_servicetrade_lib_item" "neither" { include_inactive = true }`,
				PlanOnly:    true,
				ExpectError: acctest.ErrorText(`Exactly one of these attributes must be configured: [id,name,code]`),
			},
			{
				Config: `
data "fieldservice_servicetrade_service_line" "supp" {
  abbreviation = "SUPP"
}
data "fieldservice_servicetrade_lib_item" "flange" {
  name = "CCW Zirconium Flange"
}
data "fieldservice_servicetrade_lib_item" "personal" {
  code = "PERSONAL"
}
data "fieldservice_servicetrade_lib_item" "labor" {
  name = "Inspection Labor"
}
data "fieldservice_servicetrade_lib_item" "halon" {
  code             = "HALON-RCHG"
  include_inactive = true
}
data "fieldservice_servicetrade_lib_item" "by_id" {
  id = data.fieldservice_servicetrade_lib_item.halon.id
}
`,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestMatchResourceAttr(ds+"flange", "id", regexp.MustCompile(`^\d{10,}$`)),
					resource.TestCheckResourceAttr(ds+"flange", "code", "CCW-ZF"),
					resource.TestCheckResourceAttr(ds+"flange", "type", "part"),
					resource.TestCheckResourceAttr(ds+"flange", "cost", "18.75"),
					resource.TestCheckResourceAttr(ds+"flange", "active", "true"),
					resource.TestCheckResourceAttr(ds+"flange", "taxable", "true"),
					resource.TestCheckResourceAttrPair(ds+"flange", "service_line_id", "data.fieldservice_servicetrade_service_line.supp", "id"),
					resource.TestCheckNoResourceAttr(ds+"flange", "company_id"),
					resource.TestCheckResourceAttr(ds+"personal", "name", "Personal Item"),
					resource.TestCheckResourceAttr(ds+"personal", "type", "other"),
					resource.TestCheckResourceAttr(ds+"personal", "is_generic", "true"),
					resource.TestCheckNoResourceAttr(ds+"personal", "cost"),
					resource.TestCheckNoResourceAttr(ds+"personal", "service_line_id"),
					resource.TestCheckResourceAttr(ds+"labor", "code", "LAB-INSP"),
					resource.TestCheckResourceAttr(ds+"labor", "type", "labor"),
					resource.TestCheckResourceAttr(ds+"halon", "active", "false"),
					resource.TestCheckResourceAttr(ds+"by_id", "code", "HALON-RCHG"),
					resource.TestCheckResourceAttr(ds+"by_id", "type", "service"),
					resource.TestCheckResourceAttr(ds+"by_id", "active", "false"),
				),
			},
		},
	})
}
