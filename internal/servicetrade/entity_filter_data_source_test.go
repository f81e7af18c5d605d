package servicetrade_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
)

// The singular data source finds an entity filter by id or by exact name,
// with the company and locations that only the read by id returns, and
// explains zero or several matches; the plural one lists them all, or those
// whose name contains a text, without company and locations.
func TestAccEntityFilterDataSources_lookups(t *testing.T) {
	preCheck(t)
	acctest.RequireEmulator(t) // entity filters cannot be made through the API: the emulator seeds them
	const filter dataSource = "fieldservice_servicetrade_entity_filter"
	const filters dataSource = "fieldservice_servicetrade_entity_filters"
	const ds = "data.fieldservice_servicetrade_entity_filter."
	const list = "data.fieldservice_servicetrade_entity_filters."
	company := dataSource("fieldservice_servicetrade_company")
	location := dataSource("fieldservice_servicetrade_location")
	lookupTable{cases: []lookupCase{
		{
			name: "by name and by id, with the company and the locations",
			config: filter.block("hwy", attr("name", emust.SeedEntityFilters[1])) +
				filter.block("by_id", `id = data.fieldservice_servicetrade_entity_filter.hwy.id`) +
				filter.block("all_sites", attr("name", emust.SeedEntityFilters[0])) +
				company.block("hwy", attr("name", emust.SeedCustomerCompanies[0])) +
				company.block("acme", attr("name", emust.SeedCustomerCompanies[1])) +
				location.block("main_st", attr("name", emust.SeedCustomerLocations[0])),
			check: resource.ComposeAggregateTestCheckFunc(
				resource.TestMatchResourceAttr(ds+"hwy", "id", regexp.MustCompile(`^\d{10,}$`)),
				resource.TestMatchResourceAttr(ds+"hwy", "uri", regexp.MustCompile(`/entityfilter/\d+$`)),
				resource.TestCheckResourceAttr(ds+"hwy", "type", "location"),
				resource.TestCheckResourceAttrPair(ds+"hwy", "company.id", "data.fieldservice_servicetrade_company.hwy", "id"),
				resource.TestCheckResourceAttrPair(ds+"hwy", "company.uri", "data.fieldservice_servicetrade_company.hwy", "uri"),
				resource.TestCheckResourceAttr(ds+"hwy", "company.name", emust.SeedCustomerCompanies[0]),
				resource.TestCheckResourceAttr(ds+"hwy", "company.status", "active"),
				resource.TestCheckResourceAttr(ds+"hwy", "locations.#", "1"),
				resource.TestCheckResourceAttrPair(ds+"hwy", "locations.0.id", "data.fieldservice_servicetrade_location.main_st", "id"),
				resource.TestCheckResourceAttrPair(ds+"hwy", "locations.0.uri", "data.fieldservice_servicetrade_location.main_st", "uri"),
				resource.TestCheckResourceAttr(ds+"hwy", "locations.0.name", emust.SeedCustomerLocations[0]),
				// By id: the same filter, company and locations included.
				resource.TestCheckResourceAttr(ds+"by_id", "name", emust.SeedEntityFilters[1]),
				resource.TestCheckResourceAttrPair(ds+"by_id", "uri", ds+"hwy", "uri"),
				resource.TestCheckResourceAttrPair(ds+"by_id", "company.id", ds+"hwy", "company.id"),
				resource.TestCheckResourceAttrPair(ds+"by_id", "locations.0.id", ds+"hwy", "locations.0.id"),
				// All of a company's locations: no locations listed.
				resource.TestCheckResourceAttrPair(ds+"all_sites", "company.id", "data.fieldservice_servicetrade_company.acme", "id"),
				resource.TestCheckResourceAttr(ds+"all_sites", "locations.#", "0"),
			),
		},
		{
			name:   "two entity filters have the name",
			config: filter.block("two", attr("name", emust.DuplicateEntityFilter)),
			err: regexp.MustCompile(`2\s+ServiceTrade\s+entity\s+filters\s+have\s+the\s+name\s+"` + regexp.QuoteMeta(emust.DuplicateEntityFilter) +
				`"\s+\(ids\s+\d+,\s+\d+\);\s+look\s+it\s+up\s+by\s+id`),
		},
		{
			name:   "names match whole and case-sensitively",
			config: filter.block("case", attr("name", "acme sites")),
			err:    acctest.ErrorText(`no ServiceTrade entity filter has the name "acme sites" (the match is exact and case-sensitive)`),
		},
		{
			name:   "a part of a name is not the name",
			config: filter.block("part", attr("name", "Acme")),
			err:    acctest.ErrorText(`no ServiceTrade entity filter has the name "Acme" (the match is exact and case-sensitive)`),
		},
		{
			name:   "no entity filter has the id",
			config: filter.block("gone", `id = "999"`),
			err:    regexp.MustCompile(`Reading\s+ServiceTrade\s+entity\s+filter\s+999\s+failed(?s:.*)entityfilter\s+999\s+not\s+found`),
		},
		{
			name:     "neither id nor name",
			config:   filter.block("neither"),
			planOnly: true,
			err:      acctest.ErrorText(`Exactly one of these attributes must be configured: [id,name]`),
		},
		{
			name:     "both id and name",
			config:   filter.block("both", `id = "1"`, attr("name", "Acme Sites")),
			planOnly: true,
			err:      acctest.ErrorText(`Exactly one of these attributes must be configured: [id,name]`),
		},
		{
			name: "the plural one lists them all, or those whose name contains a text, without company and locations",
			config: filter.block("hwy", attr("name", emust.SeedEntityFilters[1])) +
				filters.block("all") + filters.block("deli", `name = "street DELI"`) + filters.block("none", `name = "no such filter"`),
			check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(list+"all", "entity_filters.#", "4"),
				checkListElem(list+"all", "entity_filters", "name", emust.SeedEntityFilters[0], map[string]string{"type": "location"}),
				// The singular data source's filter is in the list, by id.
				func(s *terraform.State) error {
					id := s.RootModule().Resources[ds+"hwy"].Primary.Attributes["id"]
					return checkListElem(list+"all", "entity_filters", "id", id,
						map[string]string{"name": emust.SeedEntityFilters[1], "type": "location",
							"uri": s.RootModule().Resources[ds+"hwy"].Primary.Attributes["uri"]})(s)
				},
				resource.TestCheckResourceAttr(list+"deli", "entity_filters.#", "2"),
				resource.TestCheckResourceAttr(list+"deli", "entity_filters.0.name", emust.DuplicateEntityFilter),
				resource.TestCheckResourceAttr(list+"deli", "entity_filters.1.name", emust.DuplicateEntityFilter),
				resource.TestCheckResourceAttr(list+"none", "entity_filters.#", "0"),
			),
		},
	}}.run(t)
}
