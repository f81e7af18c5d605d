package servicetrade_test

import (
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
	const item, line dataSource = "fieldservice_servicetrade_lib_item", "fieldservice_servicetrade_service_line"
	const ds = "data.fieldservice_servicetrade_lib_item."
	lookupTable{cases: []lookupCase{
		{
			name:   "two lib items have the name",
			config: item.block("two", attr("name", emust.DuplicateLibItem)),
			err:    regexp.MustCompile(`2\s+ServiceTrade\s+lib\s+items\s+have\s+the\s+name\s+"Sprinkler\s+Head,\s+Pendent"\s+\(ids\s+\d+,\s+\d+\);\s+look\s+it\s+up\s+by\s+id`),
		},
		{
			name:   "an inactive item, without include_inactive",
			config: item.block("inactive", `code = "HALON-RCHG"`),
			err: acctest.ErrorText(`no ServiceTrade lib item has the code "HALON-RCHG" (the match is exact and case-sensitive). ` +
				`Only active items were searched; set include_inactive = true to search inactive items too.`),
		},
		{
			name:   "no lib item has the code",
			config: item.block("none", `code = "BCAP"`),
			err:    acctest.ErrorText(`no ServiceTrade lib item has the code "BCAP"`),
		},
		{
			name:   "no lib item has the id",
			config: item.block("gone", `id = "9999999"`),
			err:    regexp.MustCompile(`Reading\s+ServiceTrade\s+lib\s+item\s+9999999\s+failed(?s:.*)lib\s+item\s+9999999\s+not\s+found`),
		},
		{
			name:     "neither id, name nor code",
			config:   item.block("neither", `include_inactive = true`),
			planOnly: true,
			err:      acctest.ErrorText(`Exactly one of these attributes must be configured: [id,name,code]`),
		},
		{
			name: "by name, by code, inactive on request, by id",
			config: line.block("supp", `abbreviation = "SUPP"`) +
				item.block("flange", `name = "CCW Zirconium Flange"`) +
				item.block("personal", `code = "PERSONAL"`) +
				item.block("labor", `name = "Inspection Labor"`) +
				item.block("halon", `code = "HALON-RCHG"`, `include_inactive = true`) +
				item.block("by_id", `id = data.fieldservice_servicetrade_lib_item.halon.id`),
			check: resource.ComposeAggregateTestCheckFunc(
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
	}}.run(t)
}
