package servicetrade_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
)

// Looks up service lines by name, abbreviation (also lines the company does
// not provide) and id; explains zero and several matches.
func TestAccServiceLineDataSource_lookups(t *testing.T) {
	preCheck(t)
	acctest.RequireEmulator(t) // relies on the emulator's seeded service lines
	const line dataSource = "fieldservice_servicetrade_service_line"
	const ds = "data.fieldservice_servicetrade_service_line."
	lookupTable{cases: []lookupCase{
		{
			name:   "two service lines have the name",
			config: line.block("two", attr("name", emust.DuplicateServiceLine)),
			err:    regexp.MustCompile(`2\s+ServiceTrade\s+service\s+lines\s+have\s+the\s+name\s+"Backflow"\s+\(ids\s+\d+,\s+\d+\);\s+look\s+it\s+up\s+by\s+id`),
		},
		{
			name:   "abbreviations match case-sensitively",
			config: line.block("none", `abbreviation = "supp"`),
			err:    acctest.ErrorText(`no ServiceTrade service line has the abbreviation "supp" (the match is exact and case-sensitive)`),
		},
		{
			name:   "no service line has the id",
			config: line.block("gone", `id = "123"`),
			err:    regexp.MustCompile(`Reading\s+ServiceTrade\s+service\s+line\s+123\s+failed(?s:.*)service\s+line\s+123\s+not\s+found`),
		},
		{
			name:     "name and abbreviation",
			config:   line.block("both", `name = "Sprinkler"`, `abbreviation = "SPRK"`),
			planOnly: true,
			err:      acctest.ErrorText(`Exactly one of these attributes must be configured: [id,name,abbreviation]`),
		},
		{
			name: "by name, by abbreviation and by id",
			config: line.block("supp", `name = "Fire Suppression"`) +
				line.block("plumbing_backflow", `abbreviation = "BFP"`) +
				line.block("by_id", `id = data.fieldservice_servicetrade_service_line.plumbing_backflow.id`),
			check: resource.ComposeAggregateTestCheckFunc(
				resource.TestMatchResourceAttr(ds+"supp", "id", regexp.MustCompile(`^\d{10,}$`)),
				resource.TestCheckResourceAttr(ds+"supp", "abbreviation", "SUPP"),
				resource.TestCheckResourceAttr(ds+"supp", "trade", "Fire Protection"),
				resource.TestMatchResourceAttr(ds+"supp", "icon", regexp.MustCompile(`/SUPP\.png$`)),
				// Not provided by the company: found because every line is searched.
				resource.TestCheckResourceAttr(ds+"plumbing_backflow", "name", emust.DuplicateServiceLine),
				resource.TestCheckResourceAttr(ds+"plumbing_backflow", "trade", "Plumbing"),
				resource.TestCheckResourceAttr(ds+"by_id", "abbreviation", "BFP"),
				resource.TestCheckResourceAttr(ds+"by_id", "trade", "Plumbing"),
			),
		},
	}}.run(t)
}
