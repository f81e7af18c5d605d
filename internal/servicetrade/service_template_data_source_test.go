package servicetrade_test

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// The singular data source finds a template by id and by exact name, and
// explains zero or several matches; the plural one lists them all, or
// those whose name contains a text.
func TestAccServiceTemplateDataSources_lookups(t *testing.T) {
	preCheck(t)
	base := acctest.RandomName("dstpl")
	alarm := seedServiceLineID(t, "Fire Alarm")
	tech, _ := seedTechIDs(t)
	templates := fmt.Sprintf(`
resource "fieldservice_servicetrade_service_template" "a" {
  name            = "%[1]s-a"
  description     = "Alarm inspection"
  service_line_id = %[2]d
}
resource "fieldservice_servicetrade_service_template" "b" {
  name               = "%[1]s-b"
  description        = "Alarm test"
  service_line_id    = %[2]d
  estimated_price    = 80
  duration           = 1800
  preferred_tech_ids = [%[3]d]
  frequency          = "monthly"
  interval           = 6
  repeat_weekday     = true
}
resource "fieldservice_servicetrade_service_template" "dup1" {
  name            = "%[1]s-dup"
  description     = "First of two"
  service_line_id = %[2]d
}
`, base, alarm, tech)
	// A second template of the same name can only be made outside
	// Terraform, which refuses to create one whose name is taken.
	makeDup := func() {
		c := acctest.ServiceTradeClient(t)
		st, err := c.CreateServiceTemplate(context.Background(), api.ServiceTemplateInput{Name: base + "-dup", Description: "Second of two", ServiceLineID: alarm, PreferredTechIDs: []int64{}})
		if err != nil {
			t.Fatalf("creating the second template named %s-dup outside Terraform: %v", base, err)
		}
		t.Cleanup(func() { _ = c.DeleteServiceTemplate(context.Background(), st.ID) })
	}
	const tpl dataSource = "fieldservice_servicetrade_service_template"
	const tpls dataSource = "fieldservice_servicetrade_service_templates"
	const ds = "data.fieldservice_servicetrade_service_template."
	ids := map[string]string{}
	var idList []string
	lookupTable{
		shared:  templates,
		created: acctest.CaptureAll("fieldservice_servicetrade_service_template", "id", ids),
		destroyed: func(s *terraform.State) error {
			idList = idList[:0]
			for _, id := range ids {
				idList = append(idList, id)
			}
			return checkServiceTemplatesDestroyed(t, &idList)(s)
		},
		cases: []lookupCase{
			{
				name:      "by id and by name; the plural one lists them, all or by name",
				preConfig: makeDup,
				config: tpl.block("by_id", `id = fieldservice_servicetrade_service_template.a.id`) +
					tpl.block("by_name", attr("name", base+"-b")) +
					tpls.block("all") +
					tpls.block("some", attr("name", base)),
				check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(ds+"by_id", "name", base+"-a"),
					resource.TestCheckResourceAttr(ds+"by_id", "preferred_tech_ids.#", "0"),
					resource.TestCheckNoResourceAttr(ds+"by_id", "estimated_price"),
					resource.TestCheckResourceAttrPair(ds+"by_id", "uri", "fieldservice_servicetrade_service_template.a", "uri"),
					resource.TestCheckResourceAttrPair(ds+"by_name", "id", "fieldservice_servicetrade_service_template.b", "id"),
					resource.TestCheckResourceAttr(ds+"by_name", "estimated_price", "80"),
					resource.TestCheckResourceAttr(ds+"by_name", "duration", "1800"),
					resource.TestCheckResourceAttr(ds+"by_name", "frequency", "monthly"),
					resource.TestCheckResourceAttr(ds+"by_name", "interval", "6"),
					resource.TestCheckResourceAttr(ds+"by_name", "repeat_weekday", "true"),
					resource.TestCheckResourceAttr(ds+"by_name", "service_line_id", strconv.FormatInt(alarm, 10)),
					resource.TestCheckTypeSetElemAttr(ds+"by_name", "preferred_tech_ids.*", strconv.FormatInt(tech, 10)),
					checkListHasResource("data.fieldservice_servicetrade_service_templates.all", "service_templates", "fieldservice_servicetrade_service_template.a",
						"uri", "name", "description", "service_line_id", "frequency", "interval", "repeat_weekday"),
					checkListHasResource("data.fieldservice_servicetrade_service_templates.all", "service_templates", "fieldservice_servicetrade_service_template.b",
						"name", "estimated_price", "duration", "frequency", "interval", "repeat_weekday", "preferred_tech_ids.#"),
					// The reference's own yearly template with repeatWeekday
					// set is listed as it is.
					checkListElem("data.fieldservice_servicetrade_service_templates.all", "service_templates", "name", "Annual Flush",
						map[string]string{"frequency": "yearly", "repeat_weekday": "true", "duration": "0"}),
					resource.TestCheckResourceAttr("data.fieldservice_servicetrade_service_templates.some", "service_templates.#", "4"),
				),
			},
			{
				name:   "no template has the name",
				config: tpl.block("none", attr("name", base+"-none")),
				err:    acctest.ErrorText(fmt.Sprintf(`no ServiceTrade service template has the name "%s-none"`, base)),
			},
			{
				name:   "two templates have the name",
				config: tpl.block("two", attr("name", base+"-dup")),
				err:    regexp.MustCompile(`2\s+ServiceTrade\s+service\s+templates\s+have\s+the\s+name\s+"[^"]+-dup"\s+\(ids\s+\d+,\s+\d+\);\s+look\s+it\s+up\s+by\s+id`),
			},
			{
				name:     "neither id nor name",
				config:   tpl.block("neither"),
				planOnly: true,
				err:      regexp.MustCompile(`Exactly one of these attributes must be configured: \[id,name\]`),
			},
		},
	}.run(t)
}
