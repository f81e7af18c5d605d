package servicetrade_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
)

// A postal code covered by two tax groups has two rates; one covered by
// none (or a part of a covered code) has none; the postal code is
// required and may not be empty. The tax groups are made by the test,
// with a postal code no other test uses.
func TestAccTaxRatesDataSource_postalCodes(t *testing.T) {
	preCheck(t)
	// The emulator's rates are those of the account's tax groups (where the
	// real account takes them from is not documented).
	acctest.RequireEmulator(t)
	postal := "PC" + strings.ToUpper(strings.TrimPrefix(acctest.RandomName("tr"), "tfacc-tr-"))
	codeA, codeB := taxGroupCode("tra"), taxGroupCode("trb")
	groups := fmt.Sprintf(`
resource "fieldservice_servicetrade_tax_group" "a" {
  code          = %[1]q
  name          = "Rates A"
  state         = "NC"
  combined_rate = 0.0725
  postal_codes  = [%[3]q, "27999"]
}
resource "fieldservice_servicetrade_tax_group" "b" {
  code          = %[2]q
  name          = "Rates B"
  state         = "NC"
  combined_rate = 0.08
  postal_codes  = [%[3]q]
}
`, codeA, codeB, postal)
	const rates dataSource = "fieldservice_servicetrade_tax_rates"
	const ds = "data.fieldservice_servicetrade_tax_rates."
	after := `depends_on = [fieldservice_servicetrade_tax_group.a, fieldservice_servicetrade_tax_group.b]`
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
				name:   "a postal code with two rates",
				config: rates.block("two", attr("postal_code", postal), after),
				check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(ds+"two", "postal_code", postal),
					resource.TestCheckResourceAttr(ds+"two", "tax_rates.#", "2"),
					resource.TestCheckTypeSetElemNestedAttrs(ds+"two", "tax_rates.*",
						map[string]string{"tax_group_code": codeA, "name": "Rates A", "combined_rate": "0.0725"}),
					resource.TestCheckTypeSetElemNestedAttrs(ds+"two", "tax_rates.*",
						map[string]string{"tax_group_code": codeB, "name": "Rates B", "combined_rate": "0.08"}),
				),
			},
			{
				name: "postal codes with no rate: unknown, or a part of a known one",
				config: rates.block("none", attr("postal_code", postal+"0"), after) +
					rates.block("part", attr("postal_code", postal[:len(postal)-1]), after),
				check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(ds+"none", "tax_rates.#", "0"),
					resource.TestCheckResourceAttr(ds+"part", "tax_rates.#", "0"),
				),
			},
			{
				name:     "an empty postal code",
				config:   rates.block("empty", `postal_code = ""`),
				planOnly: true,
				err:      acctest.ErrorText(`Attribute postal_code string length must be at least 1, got: 0`),
			},
			{
				name:     "no postal code",
				config:   rates.block("missing"),
				planOnly: true,
				err:      acctest.ErrorText(`The argument "postal_code" is required, but no definition was found.`),
			},
		},
	}.run(t)
}
