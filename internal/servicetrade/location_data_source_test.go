package servicetrade_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
)

// Looks up customer locations and offices by name and id, restricts to
// offices with office_only, and explains zero and several matches.
func TestAccLocationDataSource_lookups(t *testing.T) {
	preCheck(t)
	acctest.RequireEmulator(t) // relies on the emulator's seeded locations
	const ds = "data.fieldservice_servicetrade_location."
	customer := emust.SeedCustomerLocations[1] // Acme Tower, served by two offices
	office := emust.SeedOffices[1]
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				// A customer location is no office.
				Config:      fmt.Sprintf(`data "fieldservice_servicetrade_location" "x" {`+"\n"+`  name        = %q`+"\n"+`  office_only = true`+"\n}", customer),
				ExpectError: acctest.ErrorText(fmt.Sprintf(`no ServiceTrade office has the name %q (the match is exact and case-sensitive)`, customer)),
			},
			{
				Config: fmt.Sprintf(`
data "fieldservice_servicetrade_location" "customer" {
  name = %q
}
data "fieldservice_servicetrade_location" "x" {
  id          = data.fieldservice_servicetrade_location.customer.id
  office_only = true
}
`, customer),
				ExpectError: regexp.MustCompile(`ServiceTrade\s+location\s+\d+\s+\("Acme\s+Tower"\)\s+is\s+not\s+an\s+office`),
			},
			{
				Config:      fmt.Sprintf(`data "fieldservice_servicetrade_location" "two" { name = %q }`, emust.DuplicateLocation),
				ExpectError: regexp.MustCompile(`2\s+ServiceTrade\s+locations\s+have\s+the\s+name\s+"Main\s+Street\s+Deli"\s+\(ids\s+\d+,\s+\d+\)`),
			},
			{
				Config:      `data "fieldservice_servicetrade_location" "none" { name = "Office" }`,
				ExpectError: acctest.ErrorText(`no ServiceTrade location has the name "Office"`),
			},
			{
				Config:      `data "fieldservice_servicetrade_location" "gone" { id = "987" }`,
				ExpectError: regexp.MustCompile(`Reading\s+ServiceTrade\s+location\s+987\s+failed(?s:.*)location\s+987\s+not\s+found`),
			},
			{
				Config:      `data "fieldservice_servicetrade_location" "neither" { office_only = true }`,
				PlanOnly:    true,
				ExpectError: acctest.ErrorText(`Exactly one of these attributes must be configured: [id,name]`),
			},
			{
				Config: fmt.Sprintf(`
data "fieldservice_servicetrade_company" "owner" {
  name = %q
}
data "fieldservice_servicetrade_company" "vendor" {
  name = %q
}
data "fieldservice_servicetrade_location" "customer" {
  name = %q
}
data "fieldservice_servicetrade_location" "office" {
  name        = %q
  office_only = true
}
data "fieldservice_servicetrade_location" "office_by_id" {
  id          = data.fieldservice_servicetrade_location.office.id
  office_only = true
}
data "fieldservice_servicetrade_location" "by_id" {
  id = data.fieldservice_servicetrade_location.customer.id
}
`, emust.SeedCustomerCompanies[1], emust.VendorCompany, customer, office),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestMatchResourceAttr(ds+"customer", "id", regexp.MustCompile(`^\d{10,}$`)),
					resource.TestCheckResourceAttrPair(ds+"customer", "company_id", "data.fieldservice_servicetrade_company.owner", "id"),
					resource.TestCheckResourceAttr(ds+"customer", "office_ids.#", "2"),
					resource.TestCheckTypeSetElemAttrPair(ds+"customer", "office_ids.*", ds+"office", "id"),
					resource.TestCheckResourceAttr(ds+"customer", "address.street", "200 Acme Tower Blvd"),
					resource.TestCheckResourceAttr(ds+"customer", "address.postal_code", "27701"),
					resource.TestCheckResourceAttr(ds+"customer", "lat", "35.994"),
					resource.TestCheckResourceAttr(ds+"customer", "lon", "-78.8986"),
					resource.TestCheckResourceAttr(ds+"customer", "phone_number", "(919) 555-0177"),
					resource.TestCheckResourceAttr(ds+"customer", "email", "facilities@acme.example.com"),
					resource.TestCheckResourceAttr(ds+"customer", "status", "active"),
					resource.TestCheckNoResourceAttr(ds+"customer", "office_only"),
					resource.TestCheckResourceAttr(ds+"office", "name", office),
					resource.TestCheckResourceAttr(ds+"office", "address.city", "Raleigh"),
					resource.TestCheckResourceAttrPair(ds+"office", "company_id", "data.fieldservice_servicetrade_company.vendor", "id"),
					resource.TestCheckResourceAttrPair(ds+"office_by_id", "name", ds+"office", "name"),
					resource.TestCheckResourceAttrPair(ds+"by_id", "name", ds+"customer", "name"),
					resource.TestCheckResourceAttrPair(ds+"by_id", "email", ds+"customer", "email"),
				),
			},
		},
	})
}
