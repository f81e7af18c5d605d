package servicetrade_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
)

// Looks up asset definitions by type (through GET /assetdefinition/{type})
// and by id, definitions not enabled in the account included; explains
// no match, which is the only failure: the API names one definition per
// type, so several cannot match.
func TestAccAssetDefinitionDataSource_lookups(t *testing.T) {
	preCheck(t)
	acctest.RequireEmulator(t) // relies on the emulator's seeded asset definitions
	const def dataSource = "fieldservice_servicetrade_asset_definition"
	const ds = "data.fieldservice_servicetrade_asset_definition."
	lookupTable{cases: []lookupCase{
		{
			name:   "no asset definition has the type",
			config: def.block("widget", `type = "widget"`),
			err:    acctest.ErrorText(`no ServiceTrade asset definition has the type "widget" (the match is exact and case-sensitive)`),
		},
		{
			name:   "types match case-sensitively",
			config: def.block("upper", `type = "Alarm"`),
			err:    acctest.ErrorText(`no ServiceTrade asset definition has the type "Alarm" (the match is exact and case-sensitive)`),
		},
		{
			name:   "a type of digits only is searched among every definition, not read as an id",
			config: def.block("digits", `type = "4294967297"`),
			err:    acctest.ErrorText(`no ServiceTrade asset definition has the type "4294967297" (the match is exact and case-sensitive)`),
		},
		{
			name:   "no asset definition has the id",
			config: def.block("gone", `id = "456"`),
			err:    regexp.MustCompile(`Reading\s+ServiceTrade\s+asset\s+definition\s+456\s+failed(?s:.*)assetdefinition\s+456\s+not\s+found`),
		},
		{
			name:   "an id that is not a number",
			config: def.block("bad", `id = "alarm"`),
			err:    regexp.MustCompile(`Invalid\s+asset\s+definition\s+id`),
		},
		{
			name:     "id and type",
			config:   def.block("both", `id = "1"`, `type = "alarm"`),
			planOnly: true,
			err:      acctest.ErrorText(`Exactly one of these attributes must be configured: [id,type]`),
		},
		{
			name:     "an empty type",
			config:   def.block("empty", `type = ""`),
			planOnly: true,
			err:      acctest.ErrorText(`Attribute type string length must be at least 1, got: 0`),
		},
		{
			name: "by type, by id, and a definition not enabled in the account",
			config: def.block("alarm", `type = "alarm"`) +
				def.block("by_id", `id = data.fieldservice_servicetrade_asset_definition.alarm.id`) +
				def.block("sprinkler", `type = "sprinkler_system"`) +
				def.block("location", `type = "location"`) +
				def.block("grease", `type = "grease_containment"`) +
				`data "fieldservice_servicetrade_service_line" "alarm" {
  abbreviation = "ALRM"
}
`,
			check: resource.ComposeAggregateTestCheckFunc(
				resource.TestMatchResourceAttr(ds+"alarm", "id", regexp.MustCompile(`^\d{10,}$`)),
				resource.TestMatchResourceAttr(ds+"alarm", "uri", regexp.MustCompile(`/assetdefinition/\d{10,}$`)),
				resource.TestCheckResourceAttr(ds+"alarm", "display", "Alarm System"),
				resource.TestCheckResourceAttr(ds+"alarm", "instance_name", "%manufacturer% %model%"),
				resource.TestCheckResourceAttrPair(ds+"alarm", "service_line_id", "data.fieldservice_servicetrade_service_line.alarm", "id"),
				resource.TestCheckResourceAttr(ds+"alarm", "active", "true"),
				resource.TestMatchResourceAttr(ds+"alarm", "created", regexp.MustCompile(`^\d{10}$`)),
				resource.TestMatchResourceAttr(ds+"alarm", "updated", regexp.MustCompile(`^\d{10}$`)),
				// The reference's example: ten properties, two required.
				resource.TestCheckResourceAttr(ds+"alarm", "properties.%", "10"),
				resource.TestCheckResourceAttr(ds+"alarm", "properties.manufacturer.type", "string"),
				resource.TestCheckResourceAttr(ds+"alarm", "properties.manufacturer.required", "true"),
				resource.TestCheckResourceAttr(ds+"alarm", "properties.manufacturer.order_index", "1"),
				resource.TestCheckNoResourceAttr(ds+"alarm", "properties.manufacturer.display"),
				resource.TestCheckNoResourceAttr(ds+"alarm", "properties.manufacturer.default"),
				resource.TestCheckNoResourceAttr(ds+"alarm", "properties.manufacturer.options"),
				resource.TestCheckNoResourceAttr(ds+"alarm", "properties.manufacturer.min"),
				resource.TestCheckResourceAttr(ds+"alarm", "properties.manufacturer.collection", "false"),
				resource.TestCheckResourceAttr(ds+"alarm", "properties.battery_qty.type", "int"),
				resource.TestCheckResourceAttr(ds+"alarm", "properties.battery_qty.required", "false"),
				resource.TestCheckResourceAttr(ds+"alarm", "properties.notes.type", "text"),
				resource.TestCheckResourceAttr(ds+"alarm", "parent_asset_types.#", "1"),
				resource.TestCheckResourceAttr(ds+"alarm", "parent_asset_types.0.type", "location"),
				resource.TestCheckResourceAttrPair(ds+"alarm", "parent_asset_types.0.id", ds+"location", "id"),
				resource.TestCheckResourceAttrPair(ds+"by_id", "type", ds+"alarm", "type"),
				resource.TestCheckResourceAttrPair(ds+"by_id", "properties_json", ds+"alarm", "properties_json"),
				resource.TestCheckResourceAttrPair(ds+"by_id", "properties.%", ds+"alarm", "properties.%"),
				// Every documented modifier.
				resource.TestCheckResourceAttr(ds+"sprinkler", "properties.system_type.display", "System type"),
				resource.TestCheckResourceAttr(ds+"sprinkler", "properties.system_type.default", "wet"),
				resource.TestCheckResourceAttr(ds+"sprinkler", "properties.system_type.options.#", "4"),
				resource.TestCheckResourceAttr(ds+"sprinkler", "properties.system_type.options.1", "dry"),
				resource.TestCheckResourceAttr(ds+"sprinkler", "properties.system_type.other", "Other system type"),
				resource.TestCheckResourceAttr(ds+"sprinkler", "properties.heads.default", "24"),
				resource.TestCheckResourceAttr(ds+"sprinkler", "properties.antifreeze.default", "false"),
				resource.TestCheckResourceAttr(ds+"sprinkler", "properties.installed.type", "monthyear"),
				resource.TestCheckResourceAttr(ds+"sprinkler", "properties.installed.range", "50"),
				resource.TestCheckResourceAttr(ds+"sprinkler", "properties.gauge_readings.collection", "true"),
				resource.TestCheckResourceAttr(ds+"sprinkler", "properties.gauge_readings.min", "1"),
				resource.TestCheckResourceAttr(ds+"sprinkler", "properties.gauge_readings.max", "4"),
				resource.TestCheckResourceAttr(ds+"sprinkler", "properties.riser_tags.unique", "true"),
				resource.TestMatchResourceAttr(ds+"sprinkler", "properties_json",
					regexp.MustCompile(`^\{"antifreeze":\{[^}]*"default":false[^}]*\},.*"system_type":\{[^}]*"options":\["wet","dry","preaction","deluge"\]`)),
				// The location: no service line, no parents, one property.
				resource.TestCheckNoResourceAttr(ds+"location", "service_line_id"),
				resource.TestCheckResourceAttr(ds+"location", "parent_asset_types.#", "0"),
				resource.TestCheckResourceAttr(ds+"location", "properties.%", "1"),
				resource.TestCheckResourceAttr(ds+"location", "properties_json", `{"notes":{"type":"text"}}`),
				resource.TestCheckResourceAttr(ds+"grease", "active", "false"),
				resource.TestCheckResourceAttr(ds+"grease", "display", "Grease Containment"),
			),
		},
	}}.run(t)
}
