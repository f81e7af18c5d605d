package servicetrade_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
)

// Looks up seeded companies by exact name (even when the API's substring
// filter returns others) and by id, and explains zero and several matches.
func TestAccCompanyDataSource_lookups(t *testing.T) {
	preCheck(t)
	acctest.RequireEmulator(t) // relies on the emulator's seeded companies
	const ds = "data.fieldservice_servicetrade_company."
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				// "Hwy 55" is a substring of a company name, not a name.
				Config:      `data "fieldservice_servicetrade_company" "none" { name = "Hwy 55" }`,
				ExpectError: acctest.ErrorText(`no ServiceTrade company has the name "Hwy 55" (the match is exact and case-sensitive)`),
			},
			{
				Config:      fmt.Sprintf(`data "fieldservice_servicetrade_company" "two" { name = %q }`, emust.DuplicateCompany),
				ExpectError: regexp.MustCompile(`2\s+ServiceTrade\s+companies\s+have\s+the\s+name\s+"Main\s+Street\s+Deli"\s+\(ids\s+\d+,\s+\d+\);\s+look\s+it\s+up\s+by\s+id`),
			},
			{
				Config:      `data "fieldservice_servicetrade_company" "gone" { id = "42" }`,
				ExpectError: regexp.MustCompile(`Reading\s+ServiceTrade\s+company\s+42\s+failed(?s:.*)404\s+Not\s+Found:\s+company\s+42\s+not\s+found`),
			},
			{
				Config:      `data "fieldservice_servicetrade_company" "bad" { id = "acme" }`,
				ExpectError: acctest.ErrorText(`a ServiceTrade company id is a positive whole number such as 4294967297, got "acme"`),
			},
			{
				Config:      `data "fieldservice_servicetrade_company" "both" {` + "\n" + `  id   = "1"` + "\n" + `  name = "x"` + "\n}",
				PlanOnly:    true,
				ExpectError: acctest.ErrorText(`Exactly one of these attributes must be configured: [id,name]`),
			},
			{
				Config: fmt.Sprintf(`
data "fieldservice_servicetrade_company" "customer" {
  name = %q
}
data "fieldservice_servicetrade_company" "vendor" {
  name = %q
}
data "fieldservice_servicetrade_company" "by_id" {
  id = data.fieldservice_servicetrade_company.customer.id
}
`, emust.SeedCustomerCompanies[0], emust.VendorCompany),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestMatchResourceAttr(ds+"customer", "id", regexp.MustCompile(`^\d{10,}$`)),
					resource.TestCheckResourceAttr(ds+"customer", "name", emust.SeedCustomerCompanies[0]),
					resource.TestCheckResourceAttr(ds+"customer", "customer", "true"),
					resource.TestCheckResourceAttr(ds+"customer", "vendor", "false"),
					resource.TestCheckResourceAttr(ds+"customer", "status", "active"),
					resource.TestCheckResourceAttr(ds+"customer", "address.city", "Mount Olive"),
					resource.TestCheckResourceAttr(ds+"customer", "address.state", "NC"),
					resource.TestCheckResourceAttr(ds+"customer", "phone_number", "(910) 555-0100"),
					resource.TestMatchResourceAttr(ds+"customer", "uri", regexp.MustCompile(`/company/\d+$`)),
					resource.TestCheckResourceAttr(ds+"vendor", "vendor", "true"),
					resource.TestCheckResourceAttr(ds+"vendor", "customer", "false"),
					resource.TestCheckResourceAttrPair(ds+"by_id", "name", ds+"customer", "name"),
					resource.TestCheckResourceAttrPair(ds+"by_id", "uri", ds+"customer", "uri"),
					resource.TestCheckResourceAttrPair(ds+"by_id", "address.street", ds+"customer", "address.street"),
				),
			},
		},
	})
}
