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
	const location, company dataSource = "fieldservice_servicetrade_location", "fieldservice_servicetrade_company"
	const ds = "data.fieldservice_servicetrade_location."
	customer := emust.SeedCustomerLocations[1] // Acme Tower, served by two offices
	office := emust.SeedOffices[1]
	lookupTable{cases: []lookupCase{
		{
			name:   "a customer location is no office: by name",
			config: location.block("x", attr("name", customer), `office_only = true`),
			err:    acctest.ErrorText(fmt.Sprintf(`no ServiceTrade office has the name %q (the match is exact and case-sensitive)`, customer)),
		},
		{
			name: "a customer location is no office: by id",
			config: location.block("customer", attr("name", customer)) +
				location.block("x", `id = data.fieldservice_servicetrade_location.customer.id`, `office_only = true`),
			err: regexp.MustCompile(`ServiceTrade\s+location\s+\d+\s+\("Acme\s+Tower"\)\s+is\s+not\s+an\s+office`),
		},
		{
			name:   "two locations have the name",
			config: location.block("two", attr("name", emust.DuplicateLocation)),
			err:    regexp.MustCompile(`2\s+ServiceTrade\s+locations\s+have\s+the\s+name\s+"Main\s+Street\s+Deli"\s+\(ids\s+\d+,\s+\d+\)`),
		},
		{
			name:   "no location has the name",
			config: location.block("none", `name = "Office"`),
			err:    acctest.ErrorText(`no ServiceTrade location has the name "Office"`),
		},
		{
			name:   "no location has the id",
			config: location.block("gone", `id = "987"`),
			err:    regexp.MustCompile(`Reading\s+ServiceTrade\s+location\s+987\s+failed(?s:.*)location\s+987\s+not\s+found`),
		},
		{
			name:     "neither id nor name",
			config:   location.block("neither", `office_only = true`),
			planOnly: true,
			err:      acctest.ErrorText(`Exactly one of these attributes must be configured: [id,name]`),
		},
		{
			name: "customer locations and offices, by name and by id",
			config: company.block("owner", attr("name", emust.SeedCustomerCompanies[1])) +
				company.block("vendor", attr("name", emust.VendorCompany)) +
				location.block("customer", attr("name", customer)) +
				location.block("office", attr("name", office), `office_only = true`) +
				location.block("office_by_id", `id = data.fieldservice_servicetrade_location.office.id`, `office_only = true`) +
				location.block("by_id", `id = data.fieldservice_servicetrade_location.customer.id`),
			check: resource.ComposeAggregateTestCheckFunc(
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
	}}.run(t)
}
