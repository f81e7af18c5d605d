package servicetrade_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
)

// The singular data source finds a tax group by id, by exact code and by
// exact name, and explains zero or several matches; the plural one lists
// them, its filters matching exactly where ServiceTrade matches substrings.
func TestAccTaxGroupDataSources_lookups(t *testing.T) {
	preCheck(t)
	code := taxGroupCode("dstg")
	groups := fmt.Sprintf(`
resource "fieldservice_servicetrade_tax_group" "a" {
  code          = "%[1]s-A"
  name          = "%[1]s Alpha"
  state         = "NC"
  combined_rate = 0.0725
  postal_codes  = ["27601", "27603"]
}
resource "fieldservice_servicetrade_tax_group" "ab" {
  code          = "%[1]s-AB"
  name          = "%[1]s Alpha Beta"
  state         = "NCX"
  combined_rate = 0.085
  postal_codes  = ["276011"]
}
resource "fieldservice_servicetrade_tax_group" "twin1" {
  code          = "%[1]s-T1"
  name          = "%[1]s Twin"
  state         = "NC"
  combined_rate = 0.07
}
resource "fieldservice_servicetrade_tax_group" "twin2" {
  code          = "%[1]s-T2"
  name          = "%[1]s Twin"
  state         = "NC"
  combined_rate = 0.07
}
`, code)
	const taxGroup dataSource = "fieldservice_servicetrade_tax_group"
	const taxGroups dataSource = "fieldservice_servicetrade_tax_groups"
	const ds, list = "data.fieldservice_servicetrade_tax_group.", "data.fieldservice_servicetrade_tax_groups."
	ids := map[string]string{}
	var idList []string
	lookupTable{
		shared:  groups,
		created: acctest.CaptureAll("fieldservice_servicetrade_tax_group", "id", ids),
		destroyed: func(s *terraform.State) error {
			idList = idList[:0]
			for _, id := range ids {
				idList = append(idList, id)
			}
			return checkTaxGroupsDestroyed(t, &idList)(s)
		},
		cases: []lookupCase{
			{
				name: "by id, by code and by name",
				config: taxGroup.block("by_id", `id = fieldservice_servicetrade_tax_group.ab.id`) +
					taxGroup.block("by_code", attr("code", code+"-A")) +
					taxGroup.block("by_name", attr("name", code+" Alpha")),
				check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(ds+"by_id", "code", code+"-AB"),
					resource.TestCheckResourceAttr(ds+"by_id", "combined_rate", "0.085"),
					resource.TestCheckResourceAttrPair(ds+"by_id", "uri", "fieldservice_servicetrade_tax_group.ab", "uri"),
					resource.TestCheckResourceAttrPair(ds+"by_code", "id", "fieldservice_servicetrade_tax_group.a", "id"),
					resource.TestCheckResourceAttr(ds+"by_code", "name", code+" Alpha"),
					resource.TestCheckResourceAttr(ds+"by_code", "state", "NC"),
					resource.TestCheckResourceAttr(ds+"by_code", "combined_rate", "0.0725"),
					resource.TestCheckResourceAttr(ds+"by_code", "postal_codes.#", "2"),
					resource.TestCheckTypeSetElemAttr(ds+"by_code", "postal_codes.*", "27603"),
					resource.TestCheckResourceAttrPair(ds+"by_code", "created", "fieldservice_servicetrade_tax_group.a", "created"),
					resource.TestCheckResourceAttrPair(ds+"by_code", "updated", "fieldservice_servicetrade_tax_group.a", "updated"),
					resource.TestCheckResourceAttrPair(ds+"by_name", "id", "fieldservice_servicetrade_tax_group.a", "id"),
				),
			},
			{
				name: "the plural one, unfiltered and with exact filters",
				config: taxGroups.block("all") +
					taxGroups.block("by_code", attr("code", code+"-A")) +
					taxGroups.block("by_name", attr("name", code+" Twin")) +
					taxGroups.block("by_postal_code", attr("postal_code", "27601"), attr("name", code+" Alpha")) +
					taxGroups.block("by_state", attr("state", "NCX"), attr("code", code+"-AB")) +
					taxGroups.block("none", attr("code", code)),
				check: resource.ComposeAggregateTestCheckFunc(
					checkListHasResource(list+"all", "tax_groups", "fieldservice_servicetrade_tax_group.a", "code", "name", "state", "combined_rate", "uri", "postal_codes.#", "created", "updated"),
					checkListHasResource(list+"all", "tax_groups", "fieldservice_servicetrade_tax_group.ab", "code", "combined_rate"),
					checkListHasResource(list+"all", "tax_groups", "fieldservice_servicetrade_tax_group.twin2", "code"),
					// Tax groups Terraform did not make (the emulator's seeds) are
					// listed too.
					func(s *terraform.State) error {
						if acctest.Live() {
							return nil
						}
						return checkListElem(list+"all", "tax_groups", "code", "WAKE2021", map[string]string{"state": "NC", "combined_rate": "0.085"})(s)
					},
					resource.TestCheckResourceAttr(list+"by_code", "tax_groups.#", "1"),
					resource.TestCheckResourceAttrPair(list+"by_code", "tax_groups.0.id", "fieldservice_servicetrade_tax_group.a", "id"),
					resource.TestCheckResourceAttr(list+"by_name", "tax_groups.#", "2"),
					checkListHasResource(list+"by_name", "tax_groups", "fieldservice_servicetrade_tax_group.twin1", "code"),
					checkListHasResource(list+"by_name", "tax_groups", "fieldservice_servicetrade_tax_group.twin2", "code"),
					resource.TestCheckResourceAttr(list+"by_postal_code", "tax_groups.#", "1"),
					resource.TestCheckResourceAttrPair(list+"by_postal_code", "tax_groups.0.id", "fieldservice_servicetrade_tax_group.a", "id"),
					resource.TestCheckResourceAttr(list+"by_state", "tax_groups.#", "1"),
					resource.TestCheckResourceAttrPair(list+"by_state", "tax_groups.0.id", "fieldservice_servicetrade_tax_group.ab", "id"),
					resource.TestCheckResourceAttr(list+"none", "tax_groups.#", "0"),
				),
			},
			{
				name:   "no tax group has the code",
				config: taxGroup.block("none", attr("code", code)),
				err:    acctest.ErrorText(fmt.Sprintf(`no ServiceTrade tax group has the code %q`, code)),
			},
			{
				name:   "two tax groups have the name",
				config: taxGroup.block("two", attr("name", code+" Twin")),
				err:    regexp.MustCompile(`2\s+ServiceTrade\s+tax\s+groups\s+have\s+the\s+name\s+"[^"]+ Twin"\s+\(ids\s+\d+,\s+\d+\);\s+look\s+it\s+up\s+by\s+id`),
			},
			{
				name:     "none of id, code and name",
				config:   taxGroup.block("neither"),
				planOnly: true,
				err:      regexp.MustCompile(`Exactly one of these attributes must be configured: \[id,code,name\]`),
			},
			{
				name:     "both code and name",
				config:   taxGroup.block("both", attr("code", code+"-A"), attr("name", code+" Alpha")),
				planOnly: true,
				err:      regexp.MustCompile(`Exactly one of these attributes must be configured: \[id,code,name\]`),
			},
		},
	}.run(t)
}
