package servicetrade_test

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

const quoteItemAddr = "fieldservice_servicetrade_quote_template_item.test"

// quoteItemConfig is two templates and one item on template `parent` ("a"
// or "b"); lib items and service lines are found by name with the
// reference data sources.
func quoteItemConfig(base, parent, body string) string {
	return fmt.Sprintf(`
data "fieldservice_servicetrade_lib_item" "flange" {
  name = "CCW Zirconium Flange"
}
data "fieldservice_servicetrade_lib_item" "personal" {
  name = "Personal Item"
}
data "fieldservice_servicetrade_service_line" "alarm" {
  name = "Fire Alarm"
}
resource "fieldservice_servicetrade_quote_template" "a" {
  name = "%[1]s-a"
}
resource "fieldservice_servicetrade_quote_template" "b" {
  name = "%[1]s-b"
}
resource "fieldservice_servicetrade_quote_template_item" "test" {
  quote_template_id = fieldservice_servicetrade_quote_template.%[2]s.id
  %[3]s
}
`, base, parent, body)
}

func TestAccQuoteTemplateItem_lifecycle(t *testing.T) {
	preCheck(t)
	acctest.RequireEmulator(t) // uses the emulator's seeded lib items and service lines
	base := acctest.RandomName("qti")
	flange, personal := seedLibItemID(t, "CCW Zirconium Flange"), seedLibItemID(t, "Personal Item")
	supp, alarm := seedServiceLineID(t, "Fire Suppression"), seedServiceLineID(t, "Fire Alarm")
	var id, templateA string
	var itemIDs, templateIDs []string
	keep := func(*terraform.State) error { itemIDs = append(itemIDs, id); return nil }
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy: func(s *terraform.State) error {
			if err := checkQuoteTemplateItemsDestroyed(t, &itemIDs)(s); err != nil {
				return err
			}
			return checkQuoteTemplatesDestroyed(t, &templateIDs)(s)
		},
		Steps: []resource.TestStep{
			// Only a description: ServiceTrade resolves the lib item and its
			// service line, and the next plan is empty.
			{
				Config: quoteItemConfig(base, "a", `
  description = "CCW Zirconium Flange"
  quantity    = 3`),
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.Capture(quoteItemAddr, "id", &id), keep,
					acctest.Capture("fieldservice_servicetrade_quote_template.a", "id", &templateA),
					func(s *terraform.State) error {
						for _, r := range []string{"a", "b"} {
							templateIDs = append(templateIDs, s.RootModule().Resources["fieldservice_servicetrade_quote_template."+r].Primary.ID)
						}
						return nil
					},
					resource.TestCheckResourceAttrPair(quoteItemAddr, "quote_template_id", "fieldservice_servicetrade_quote_template.a", "id"),
					resource.TestCheckResourceAttr(quoteItemAddr, "description", "CCW Zirconium Flange"),
					resource.TestCheckResourceAttr(quoteItemAddr, "quantity", "3"),
					resource.TestCheckResourceAttr(quoteItemAddr, "lib_item_id", fmt.Sprint(flange)),
					resource.TestCheckResourceAttrPair(quoteItemAddr, "lib_item_id", "data.fieldservice_servicetrade_lib_item.flange", "id"),
					resource.TestCheckResourceAttr(quoteItemAddr, "service_line_id", fmt.Sprint(supp)),
					resource.TestCheckNoResourceAttr(quoteItemAddr, "order_index"),
					resource.TestMatchResourceAttr(quoteItemAddr, "uri", regexp.MustCompile(`/quotetemplateitem/\d+$`)),
				),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			// Update in place: the server-filled values stay known in the plan.
			{
				Config: quoteItemConfig(base, "a", `
  description = "CCW Zirconium Flange"
  quantity    = 2.5
  order_index = 3`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(quoteItemAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(quoteItemAddr, tfjsonpath.New("lib_item_id"), knownvalue.Int64Exact(flange)),
						plancheck.ExpectKnownValue(quoteItemAddr, tfjsonpath.New("service_line_id"), knownvalue.Int64Exact(supp)),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrPtr(quoteItemAddr, "id", &id),
					resource.TestCheckResourceAttr(quoteItemAddr, "quantity", "2.5"),
					resource.TestCheckResourceAttr(quoteItemAddr, "order_index", "3"),
				),
			},
			// Import as "<quote_template_id>/<item_id>".
			{
				ResourceName:      quoteItemAddr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateIdFunc: func(s *terraform.State) (string, error) {
					rs := s.RootModule().Resources[quoteItemAddr]
					return rs.Primary.Attributes["quote_template_id"] + "/" + rs.Primary.ID, nil
				},
			},
			{
				ResourceName:  quoteItemAddr,
				ImportState:   true,
				ImportStateId: "4294967302",
				ExpectError: acctest.ErrorText(`the import ID of a quote template item is "<quote_template_id>/<item_id>", ` +
					`such as "4294967297/4294967302" (ServiceTrade deletes items through their template); got "4294967302"`),
			},
			{
				ResourceName:  quoteItemAddr,
				ImportState:   true,
				ImportStateId: "4294967297/towel",
				ExpectError:   acctest.ErrorText(`a ServiceTrade quote template item id is a positive whole number such as 4294967297, got "towel"`),
			},
			// A described item of a lib item, with an explicit service line;
			// order_index removed.
			{
				Config: quoteItemConfig(base, "a", `
  description     = "Towel"
  lib_item_id     = data.fieldservice_servicetrade_lib_item.personal.id
  service_line_id = data.fieldservice_servicetrade_service_line.alarm.id
  quantity        = 2`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(quoteItemAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrPtr(quoteItemAddr, "id", &id),
					resource.TestCheckResourceAttr(quoteItemAddr, "description", "Towel"),
					resource.TestCheckResourceAttr(quoteItemAddr, "lib_item_id", fmt.Sprint(personal)),
					resource.TestCheckResourceAttr(quoteItemAddr, "service_line_id", fmt.Sprint(alarm)),
					resource.TestCheckNoResourceAttr(quoteItemAddr, "order_index"),
				),
			},
			// Another lib item and no service line in the configuration: the
			// service line is unknown until ServiceTrade takes the new lib
			// item's; the description is configured and stays.
			{
				Config: quoteItemConfig(base, "a", `
  description = "Towel"
  lib_item_id = data.fieldservice_servicetrade_lib_item.flange.id
  quantity    = 2`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(quoteItemAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectUnknownValue(quoteItemAddr, tfjsonpath.New("service_line_id")),
						plancheck.ExpectKnownValue(quoteItemAddr, tfjsonpath.New("description"), knownvalue.StringExact("Towel")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrPtr(quoteItemAddr, "id", &id),
					resource.TestCheckResourceAttr(quoteItemAddr, "lib_item_id", fmt.Sprint(flange)),
					resource.TestCheckResourceAttr(quoteItemAddr, "service_line_id", fmt.Sprint(supp)),
				),
			},
			// Moving the item to another template replaces it.
			{
				Config: quoteItemConfig(base, "b", `
  description = "Towel"
  lib_item_id = data.fieldservice_servicetrade_lib_item.flange.id
  quantity    = 2`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(quoteItemAddr, plancheck.ResourceActionDestroyBeforeCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrPair(quoteItemAddr, "quote_template_id", "fieldservice_servicetrade_quote_template.b", "id"),
					func(s *terraform.State) error {
						if got := s.RootModule().Resources[quoteItemAddr].Primary.ID; got == id {
							return fmt.Errorf("item id %s unchanged: the move did not replace the item", id)
						}
						// The old item is gone from template a.
						items, err := acctest.ServiceTradeClient(t).ListQuoteTemplateItems(context.Background(), mustID(t, templateA))
						if err != nil || len(items) != 0 {
							return fmt.Errorf("template a still has items %+v (err=%v)", items, err)
						}
						return nil
					},
					acctest.Capture(quoteItemAddr, "id", &id), keep,
				),
			},
			// Out-of-band change: the next plan shows it and apply reverts it.
			{
				PreConfig: func() {
					q := 9.0
					c := acctest.ServiceTradeClient(t)
					it, err := c.GetQuoteTemplateItem(context.Background(), mustID(t, id))
					if err != nil {
						t.Fatal(err)
					}
					if _, err := c.UpdateQuoteTemplateItem(context.Background(), it.TemplateID(), it.ID, api.QuoteTemplateItemInput{Quantity: &q}); err != nil {
						t.Fatal(err)
					}
				},
				Config: quoteItemConfig(base, "b", `
  description = "Towel"
  lib_item_id = data.fieldservice_servicetrade_lib_item.flange.id
  quantity    = 2`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(quoteItemAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(quoteItemAddr, tfjsonpath.New("quantity"), knownvalue.Float64Exact(2)),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.TestCheckResourceAttr(quoteItemAddr, "quantity", "2"),
			},
			// Out-of-band deletion: removed from state, planned for creation.
			{
				PreConfig: func() {
					c := acctest.ServiceTradeClient(t)
					it, err := c.GetQuoteTemplateItem(context.Background(), mustID(t, id))
					if err != nil {
						t.Fatal(err)
					}
					if err := c.DeleteQuoteTemplateItem(context.Background(), it.TemplateID(), it.ID); err != nil {
						t.Fatal(err)
					}
				},
				Config: quoteItemConfig(base, "b", `
  description = "Towel"
  lib_item_id = data.fieldservice_servicetrade_lib_item.flange.id
  quantity    = 2`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(quoteItemAddr, plancheck.ResourceActionCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(acctest.Capture(quoteItemAddr, "id", &id), keep),
			},
		},
	})
}

// An item given only a lib item takes the lib item's name as description
// and its service line, without a change in the next plan.
func TestAccQuoteTemplateItem_libItemOnly(t *testing.T) {
	preCheck(t)
	acctest.RequireEmulator(t) // uses the emulator's seeded lib items
	base := acctest.RandomName("qtilib")
	var itemIDs, templateIDs []string
	var id, tid string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy: func(s *terraform.State) error {
			if err := checkQuoteTemplateItemsDestroyed(t, &itemIDs)(s); err != nil {
				return err
			}
			return checkQuoteTemplatesDestroyed(t, &templateIDs)(s)
		},
		Steps: []resource.TestStep{
			{
				Config: quoteItemConfig(base, "a", `
  lib_item_id = data.fieldservice_servicetrade_lib_item.flange.id
  quantity    = 1`),
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.Capture(quoteItemAddr, "id", &id),
					acctest.Capture("fieldservice_servicetrade_quote_template.a", "id", &tid),
					func(s *terraform.State) error {
						itemIDs = append(itemIDs, id)
						templateIDs = append(templateIDs, tid, s.RootModule().Resources["fieldservice_servicetrade_quote_template.b"].Primary.ID)
						return nil
					},
					resource.TestCheckResourceAttr(quoteItemAddr, "description", "CCW Zirconium Flange"),
					resource.TestCheckResourceAttr(quoteItemAddr, "service_line_id", fmt.Sprint(seedServiceLineID(t, "Fire Suppression"))),
				),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			// Changing the lib item leaves the description to ServiceTrade:
			// unknown in the plan.
			{
				Config: quoteItemConfig(base, "a", `
  lib_item_id     = data.fieldservice_servicetrade_lib_item.personal.id
  service_line_id = data.fieldservice_servicetrade_service_line.alarm.id
  quantity        = 1`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(quoteItemAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectUnknownValue(quoteItemAddr, tfjsonpath.New("description")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrPtr(quoteItemAddr, "id", &id),
					resource.TestCheckResourceAttrSet(quoteItemAddr, "description"),
					resource.TestCheckResourceAttrPair(quoteItemAddr, "service_line_id", "data.fieldservice_servicetrade_service_line.alarm", "id"),
				),
			},
		},
	})
}

// Bad input fails at plan time, with a message naming the attribute.
func TestAccQuoteTemplateItem_planTimeValidation(t *testing.T) {
	preCheck(t)
	cases := []struct {
		name, body string
		want       *regexp.Regexp
	}{
		{"neither description nor lib item", `quantity = 1`,
			acctest.ErrorText(`At least one of these attributes must be configured: [description,lib_item_id]`)},
		{"zero quantity", `description = "Towel"
  quantity = 0`, acctest.ErrorText(`Attribute quantity must be greater than 0, got: 0`)},
		{"negative quantity", `description = "Towel"
  quantity = -1.5`, acctest.ErrorText(`Attribute quantity must be greater than 0, got: -1.5`)},
		{"no quantity", `description = "Towel"`, acctest.ErrorText(`The argument "quantity" is required`)},
		{"empty description", `description = ""
  quantity = 1`, acctest.ErrorText(`Attribute description string length must be at least 1`)},
		{"bad lib item id", `lib_item_id = 0
  quantity = 1`, acctest.ErrorText(`Attribute lib_item_id value must be at least 1, got: 0`)},
	}
	steps := make([]resource.TestStep, 0, len(cases)+1)
	for _, tc := range cases {
		steps = append(steps, resource.TestStep{
			Config:      "resource \"fieldservice_servicetrade_quote_template_item\" \"bad\" {\n  quote_template_id = 4294967297\n  " + tc.body + "\n}\n",
			PlanOnly:    true,
			ExpectError: tc.want,
		})
	}
	steps = append(steps, resource.TestStep{
		Config:      `resource "fieldservice_servicetrade_quote_template" "bad" { name = "" }`,
		PlanOnly:    true,
		ExpectError: acctest.ErrorText(`Attribute name string length must be at least 1`),
	}, resource.TestStep{
		Config: `resource "fieldservice_servicetrade_quote_template" "bad" {
  name     = "x"
  terms_id = -3
}`,
		PlanOnly:    true,
		ExpectError: acctest.ErrorText(`Attribute terms_id value must be at least 1, got: -3`),
	})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps:                    steps,
	})
}

// checkQuoteTemplateItemsDestroyed asserts that every item in *ids is gone.
func checkQuoteTemplateItemsDestroyed(t *testing.T, ids *[]string) func(*terraform.State) error {
	return func(*terraform.State) error {
		if len(*ids) == 0 {
			return fmt.Errorf("no quote template item id was captured")
		}
		c := acctest.ServiceTradeClient(t)
		for _, raw := range *ids {
			id, err := strconv.ParseInt(raw, 10, 64)
			if err != nil {
				return fmt.Errorf("bad quote template item id captured: %q", raw)
			}
			if _, err := c.GetQuoteTemplateItem(context.Background(), id); !api.IsNotFound(err) {
				return fmt.Errorf("quote template item %d still exists after destroy (err=%v)", id, err)
			}
		}
		return nil
	}
}
