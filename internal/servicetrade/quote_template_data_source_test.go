package servicetrade_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// The singular data sources find a template by exact name (when other names
// contain it, and across pages) and by id, and an item by id and by exact
// description; the plural one passes its name filter to the API.
func TestAccQuoteTemplateDataSources_lookups(t *testing.T) {
	preCheck(t)
	acctest.RequireEmulator(t) // uses the emulator's seeded lib items and service lines
	base := acctest.RandomName("dsqt")
	templates := fmt.Sprintf(`
data "fieldservice_servicetrade_service_line" "alarm" {
  name = "Fire Alarm"
}
data "fieldservice_servicetrade_terms" "standard" {
  name = "Standard Terms"
}
resource "fieldservice_servicetrade_quote_template" "exact" {
  name        = %[1]q
  description = "Annual inspection"
  terms_id    = data.fieldservice_servicetrade_terms.standard.id
}
resource "fieldservice_servicetrade_quote_template" "longer" {
  name = "%[1]s North"
}
resource "fieldservice_servicetrade_quote_template" "dup1" {
  name = "%[1]s dup"
}
resource "fieldservice_servicetrade_quote_template" "other" {
  name = "Elsewhere %[2]s"
}
resource "fieldservice_servicetrade_quote_template_item" "flange" {
  quote_template_id = fieldservice_servicetrade_quote_template.exact.id
  description       = "CCW Zirconium Flange"
  quantity          = 3
}
resource "fieldservice_servicetrade_quote_template_item" "misc" {
  quote_template_id = fieldservice_servicetrade_quote_template.exact.id
  description       = "Misc charge"
  service_line_id   = data.fieldservice_servicetrade_service_line.alarm.id
  quantity          = 1.25
  order_index       = 1
}
resource "fieldservice_servicetrade_quote_template_item" "twin1" {
  quote_template_id = fieldservice_servicetrade_quote_template.longer.id
  description       = "Twin"
  service_line_id   = data.fieldservice_servicetrade_service_line.alarm.id
  quantity          = 1
}
resource "fieldservice_servicetrade_quote_template_item" "twin2" {
  quote_template_id = fieldservice_servicetrade_quote_template.longer.id
  description       = "Twin"
  service_line_id   = data.fieldservice_servicetrade_service_line.alarm.id
  quantity          = 2
}
`, base, strings.TrimPrefix(base, "tfacc-"))
	// A second template of the same name can only be made outside
	// Terraform, which refuses to create one whose name is taken.
	makeDup := func() {
		c := acctest.ServiceTradeClient(t)
		qt, err := c.CreateQuoteTemplate(context.Background(), api.QuoteTemplateInput{Name: base + " dup"})
		if err != nil {
			t.Fatalf("creating the second template named %q outside Terraform: %v", base+" dup", err)
		}
		t.Cleanup(func() { _ = c.DeleteQuoteTemplate(context.Background(), qt.ID) })
	}
	const template, item, plural dataSource = "fieldservice_servicetrade_quote_template", "fieldservice_servicetrade_quote_template_item", "fieldservice_servicetrade_quote_templates"
	const ds = "data.fieldservice_servicetrade_quote_template."
	const dsItem = "data.fieldservice_servicetrade_quote_template_item."
	const filtered, all, none = "data.fieldservice_servicetrade_quote_templates.filtered", "data.fieldservice_servicetrade_quote_templates.all", "data.fieldservice_servicetrade_quote_templates.none"
	ids := map[string]string{}
	itemIDs := map[string]string{}
	var idList, itemList []string
	lookupTable{
		shared: templates,
		created: resource.ComposeAggregateTestCheckFunc(
			acctest.CaptureAll("fieldservice_servicetrade_quote_template", "id", ids),
			acctest.CaptureAll("fieldservice_servicetrade_quote_template_item", "id", itemIDs),
		),
		destroyed: func(s *terraform.State) error {
			for _, id := range ids {
				idList = append(idList, id)
			}
			for _, id := range itemIDs {
				itemList = append(itemList, id)
			}
			if err := checkQuoteTemplateItemsDestroyed(t, &itemList)(s); err != nil {
				return err
			}
			return checkQuoteTemplatesDestroyed(t, &idList)(s)
		},
		cases: []lookupCase{
			{
				name:      "templates by name and by id, items by description and by id, the plural one filtered",
				preConfig: makeDup,
				config: template.block("by_name", attr("name", base)) +
					template.block("by_id", `id = fieldservice_servicetrade_quote_template.longer.id`) +
					item.block("by_description", `quote_template_id = fieldservice_servicetrade_quote_template.exact.id`, `description = "CCW Zirconium Flange"`) +
					item.block("by_id", `quote_template_id = fieldservice_servicetrade_quote_template.exact.id`, `id = fieldservice_servicetrade_quote_template_item.misc.id`) +
					plural.block("filtered", attr("name", strings.ToUpper(base))) +
					plural.block("all") +
					plural.block("none", attr("name", base+"-matches-nothing")),
				check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrPair(ds+"by_name", "id", "fieldservice_servicetrade_quote_template.exact", "id"),
					resource.TestCheckResourceAttrPair(ds+"by_name", "uri", "fieldservice_servicetrade_quote_template.exact", "uri"),
					resource.TestCheckResourceAttr(ds+"by_name", "description", "Annual inspection"),
					resource.TestCheckResourceAttrPair(ds+"by_name", "terms_id", "data.fieldservice_servicetrade_terms.standard", "id"),
					resource.TestCheckNoResourceAttr(ds+"by_name", "company_id"),
					resource.TestMatchResourceAttr(ds+"by_name", "created", regexp.MustCompile(`^[1-9]\d{9}$`)),
					// Items in ServiceTrade's order: order_index first, nulls last.
					resource.TestCheckResourceAttr(ds+"by_name", "items.#", "2"),
					resource.TestCheckResourceAttrPair(ds+"by_name", "items.0.id", "fieldservice_servicetrade_quote_template_item.misc", "id"),
					resource.TestCheckResourceAttr(ds+"by_name", "items.0.quantity", "1.25"),
					resource.TestCheckResourceAttr(ds+"by_name", "items.0.order_index", "1"),
					resource.TestCheckResourceAttrPair(ds+"by_name", "items.1.id", "fieldservice_servicetrade_quote_template_item.flange", "id"),
					resource.TestCheckResourceAttrPair(ds+"by_name", "items.1.lib_item_id", "fieldservice_servicetrade_quote_template_item.flange", "lib_item_id"),
					resource.TestCheckResourceAttrPair(ds+"by_name", "items.1.service_line_id", "fieldservice_servicetrade_quote_template_item.flange", "service_line_id"),
					resource.TestCheckResourceAttr(ds+"by_id", "name", base+" North"),
					resource.TestCheckNoResourceAttr(ds+"by_id", "description"),
					resource.TestCheckResourceAttr(ds+"by_id", "items.#", "2"),

					resource.TestCheckResourceAttrPair(dsItem+"by_description", "id", "fieldservice_servicetrade_quote_template_item.flange", "id"),
					resource.TestCheckResourceAttrPair(dsItem+"by_description", "lib_item_id", "fieldservice_servicetrade_quote_template_item.flange", "lib_item_id"),
					resource.TestCheckResourceAttr(dsItem+"by_description", "quantity", "3"),
					resource.TestCheckNoResourceAttr(dsItem+"by_description", "order_index"),
					resource.TestCheckResourceAttr(dsItem+"by_id", "description", "Misc charge"),
					resource.TestCheckNoResourceAttr(dsItem+"by_id", "lib_item_id"),
					resource.TestCheckResourceAttrPair(dsItem+"by_id", "service_line_id", "data.fieldservice_servicetrade_service_line.alarm", "id"),
					resource.TestCheckResourceAttr(dsItem+"by_id", "order_index", "1"),

					resource.TestCheckResourceAttr(filtered, "quote_templates.#", "4"),
					checkListHasResource(filtered, "quote_templates", "fieldservice_servicetrade_quote_template.exact", "name", "uri", "description", "terms_id"),
					checkListHasResource(filtered, "quote_templates", "fieldservice_servicetrade_quote_template.longer", "name", "uri"),
					checkListHasResource(filtered, "quote_templates", "fieldservice_servicetrade_quote_template.dup1", "name"),
					checkListElem(filtered, "quote_templates", "name", base, map[string]string{"item_ids.#": "2"}),
					checkListHasResource(all, "quote_templates", "fieldservice_servicetrade_quote_template.other", "name"),
					checkListHasResource(all, "quote_templates", "fieldservice_servicetrade_quote_template.exact", "name"),
					resource.TestCheckResourceAttr(none, "quote_templates.#", "0"),
				),
			},
			{
				name:   "no template has the name",
				config: template.block("none", attr("name", base+" Sou")),
				err:    acctest.ErrorText(fmt.Sprintf(`no ServiceTrade quote template has the name "%s Sou" (the match is exact and case-sensitive)`, base)),
			},
			{
				name:   "two templates have the name",
				config: template.block("two", attr("name", base+" dup")),
				err:    regexp.MustCompile(`2\s+ServiceTrade\s+quote\s+templates\s+have\s+the\s+name\s+".*\s+dup"\s+\(ids\s+\d+,\s+\d+\);\s+look\s+it\s+up\s+by\s+id`),
			},
			{
				name:   "no template has the id",
				config: template.block("gone", `id = "987"`),
				err:    regexp.MustCompile(`Reading\s+ServiceTrade\s+quote\s+template\s+987\s+failed(?s:.*)quotetemplate\s+987\s+not\s+found`),
			},
			{
				name:   "two items of the template have the description",
				config: item.block("twin", `quote_template_id = fieldservice_servicetrade_quote_template.longer.id`, `description = "Twin"`),
				err:    regexp.MustCompile(`In\s+quote\s+template\s+\d+:\s+2\s+ServiceTrade\s+quote\s+template\s+items\s+have\s+the\s+description\s+"Twin"\s+\(ids\s+\d+,\s+\d+\);\s+look\s+it\s+up\s+by\s+id`),
			},
			{
				name:   "descriptions match case-sensitively",
				config: item.block("none", `quote_template_id = fieldservice_servicetrade_quote_template.exact.id`, `description = "ccw zirconium flange"`),
				err:    acctest.ErrorText(`no ServiceTrade quote template item has the description "ccw zirconium flange" (the match is exact and case-sensitive)`),
			},
			{
				name:   "an item of another template is not found under this one",
				config: item.block("elsewhere", `quote_template_id = fieldservice_servicetrade_quote_template.longer.id`, `id = fieldservice_servicetrade_quote_template_item.flange.id`),
				err:    regexp.MustCompile(`Reading\s+item\s+\d+\s+of\s+ServiceTrade\s+quote\s+template\s+\d+\s+failed(?s:.*)quote\s+item\s+\d+\s+not\s+found\s+on\s+quote\s+\d+`),
			},
			{
				name:     "a template: neither id nor name",
				config:   template.block("neither"),
				planOnly: true,
				err:      acctest.ErrorText(`Exactly one of these attributes must be configured: [id,name]`),
			},
			{
				name:     "an item: neither id nor description",
				config:   item.block("neither", `quote_template_id = 1`),
				planOnly: true,
				err:      acctest.ErrorText(`Exactly one of these attributes must be configured: [id,description]`),
			},
		},
	}.run(t)
}

// The plural data source feeds for_each import blocks that adopt a template
// and its item made outside Terraform, with no change. The adopted
// resources use count rather than for_each only because
// terraform-plugin-testing cannot read string-keyed instances from state;
// the documentation example uses maps.
func TestAccQuoteTemplates_adoptWithImportBlocks(t *testing.T) {
	preCheck(t)
	name := acctest.RandomName("adoptqt")
	c := acctest.ServiceTradeClient(t)
	ctx := context.Background()
	qt, err := c.CreateQuoteTemplate(ctx, api.QuoteTemplateInput{Name: name, Description: "Made in the ServiceTrade UI"})
	if err != nil {
		t.Fatal(err)
	}
	lines, err := c.ListServiceLines(ctx, api.ServiceLineFilter{})
	if err != nil || len(lines) == 0 {
		t.Fatalf("no service line to use: %v", err)
	}
	q, d := 4.0, "Hourly labor"
	item, err := c.CreateQuoteTemplateItem(ctx, qt.ID, api.QuoteTemplateItemInput{Quantity: &q, Description: &d, ServiceLineID: &lines[0].ID})
	if err != nil {
		t.Fatal(err)
	}
	config := fmt.Sprintf(`
data "fieldservice_servicetrade_quote_templates" "existing" {
  name = %q
}

locals {
  templates = data.fieldservice_servicetrade_quote_templates.existing.quote_templates
}

import {
  for_each = local.templates
  to       = fieldservice_servicetrade_quote_template.adopted[each.key]
  id       = each.value.id
}

resource "fieldservice_servicetrade_quote_template" "adopted" {
  count       = length(local.templates)
  name        = local.templates[count.index].name
  description = local.templates[count.index].description
  company_id  = local.templates[count.index].company_id
  terms_id    = local.templates[count.index].terms_id
}

data "fieldservice_servicetrade_quote_template" "existing" {
  id = local.templates[0].id
}

locals {
  items = data.fieldservice_servicetrade_quote_template.existing.items
}

import {
  for_each = local.items
  to       = fieldservice_servicetrade_quote_template_item.adopted[each.key]
  id       = "${local.templates[0].id}/${each.value.id}"
}

resource "fieldservice_servicetrade_quote_template_item" "adopted" {
  count             = length(local.items)
  quote_template_id = fieldservice_servicetrade_quote_template.adopted[0].id
  description       = local.items[count.index].description
  quantity          = local.items[count.index].quantity
  service_line_id   = local.items[count.index].service_line_id
  order_index       = local.items[count.index].order_index
}
`, name)
	ids := []string{fmt.Sprint(qt.ID)}
	itemIDs := []string{fmt.Sprint(item.ID)}
	resource.ParallelTest(t, resource.TestCase{
		// for_each in import blocks needs Terraform or OpenTofu 1.7 or later.
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_7_0)},
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy: func(s *terraform.State) error {
			if err := checkQuoteTemplateItemsDestroyed(t, &itemIDs)(s); err != nil {
				return err
			}
			return checkQuoteTemplatesDestroyed(t, &ids)(s)
		},
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction("fieldservice_servicetrade_quote_template.adopted[0]", plancheck.ResourceActionNoop),
						plancheck.ExpectResourceAction("fieldservice_servicetrade_quote_template_item.adopted[0]", plancheck.ResourceActionNoop),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr("fieldservice_servicetrade_quote_template.adopted.0", "id", fmt.Sprint(qt.ID)),
					resource.TestCheckResourceAttr("fieldservice_servicetrade_quote_template.adopted.0", "description", "Made in the ServiceTrade UI"),
					resource.TestCheckResourceAttr("fieldservice_servicetrade_quote_template_item.adopted.0", "id", fmt.Sprint(item.ID)),
					resource.TestCheckResourceAttr("fieldservice_servicetrade_quote_template_item.adopted.0", "quantity", "4"),
					resource.TestCheckResourceAttr("fieldservice_servicetrade_quote_template_item.adopted.0", "description", "Hourly labor"),
				),
			},
		},
	})
}
