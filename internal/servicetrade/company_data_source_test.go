package servicetrade_test

import (
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
	const company dataSource = "fieldservice_servicetrade_company"
	const ds = "data.fieldservice_servicetrade_company."
	lookupTable{cases: []lookupCase{
		{
			name:   `"Hwy 55" is a substring of a company name, not a name`,
			config: company.block("none", `name = "Hwy 55"`),
			err:    acctest.ErrorText(`no ServiceTrade company has the name "Hwy 55" (the match is exact and case-sensitive)`),
		},
		{
			name:   "two companies have the name",
			config: company.block("two", attr("name", emust.DuplicateCompany)),
			err:    regexp.MustCompile(`2\s+ServiceTrade\s+companies\s+have\s+the\s+name\s+"Main\s+Street\s+Deli"\s+\(ids\s+\d+,\s+\d+\);\s+look\s+it\s+up\s+by\s+id`),
		},
		{
			name:   "no company has the id",
			config: company.block("gone", `id = "42"`),
			err:    regexp.MustCompile(`Reading\s+ServiceTrade\s+company\s+42\s+failed(?s:.*)404\s+Not\s+Found:\s+company\s+42\s+not\s+found`),
		},
		{
			name:   "an id is a number",
			config: company.block("bad", `id = "acme"`),
			err:    acctest.ErrorText(`a ServiceTrade company id is a positive whole number such as 4294967297, got "acme"`),
		},
		{
			name:     "id and name",
			config:   company.block("both", `id = "1"`, `name = "x"`),
			planOnly: true,
			err:      acctest.ErrorText(`Exactly one of these attributes must be configured: [id,name]`),
		},
		{
			name: "by name, customer and vendor, and by id",
			config: company.block("customer", attr("name", emust.SeedCustomerCompanies[0])) +
				company.block("vendor", attr("name", emust.VendorCompany)) +
				company.block("by_id", `id = data.fieldservice_servicetrade_company.customer.id`),
			check: resource.ComposeAggregateTestCheckFunc(
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
	}}.run(t)
}
