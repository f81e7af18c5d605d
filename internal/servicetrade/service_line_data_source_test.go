package servicetrade_test

import (
	"fmt"
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
	const ds = "data.fieldservice_servicetrade_service_line."
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config:      fmt.Sprintf(`data "fieldservice_servicetrade_service_line" "two" { name = %q }`, emust.DuplicateServiceLine),
				ExpectError: regexp.MustCompile(`2\s+ServiceTrade\s+service\s+lines\s+have\s+the\s+name\s+"Backflow"\s+\(ids\s+\d+,\s+\d+\);\s+look\s+it\s+up\s+by\s+id`),
			},
			{
				Config:      `data "fieldservice_servicetrade_service_line" "none" { abbreviation = "supp" }`,
				ExpectError: acctest.ErrorText(`no ServiceTrade service line has the abbreviation "supp" (the match is exact and case-sensitive)`),
			},
			{
				Config:      `data "fieldservice_servicetrade_service_line" "gone" { id = "123" }`,
				ExpectError: regexp.MustCompile(`Reading\s+ServiceTrade\s+service\s+line\s+123\s+failed(?s:.*)service\s+line\s+123\s+not\s+found`),
			},
			{
				Config:      `data "fieldservice_servicetrade_service_line" "both" {` + "\n" + `  name         = "Sprinkler"` + "\n" + `  abbreviation = "SPRK"` + "\n}",
				PlanOnly:    true,
				ExpectError: acctest.ErrorText(`Exactly one of these attributes must be configured: [id,name,abbreviation]`),
			},
			{
				Config: `
data "fieldservice_servicetrade_service_line" "supp" {
  name = "Fire Suppression"
}
data "fieldservice_servicetrade_service_line" "plumbing_backflow" {
  abbreviation = "BFP"
}
data "fieldservice_servicetrade_service_line" "by_id" {
  id = data.fieldservice_servicetrade_service_line.plumbing_backflow.id
}
`,
				Check: resource.ComposeAggregateTestCheckFunc(
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
		},
	})
}
