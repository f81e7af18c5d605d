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
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

const quoteTemplateAddr = "fieldservice_servicetrade_quote_template.test"

// seedRef looks reference data up by exact name through the API client,
// never by id (ids depend on what the account or emulator holds).
func seedRef[T any](t *testing.T, what, name string, list func(context.Context) ([]T, error), key func(T) (string, int64)) int64 {
	t.Helper()
	items, err := list(context.Background())
	if err != nil {
		t.Fatalf("listing %s: %v", what, err)
	}
	var found []int64
	for _, it := range items {
		if n, id := key(it); n == name {
			found = append(found, id)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d %s named %q; this test needs exactly one", len(found), what, name)
	}
	return found[0]
}

func seedLibItemID(t *testing.T, name string) int64 {
	c := acctest.ServiceTradeClient(t)
	return seedRef(t, "lib items", name, func(ctx context.Context) ([]api.LibItem, error) {
		return c.ListLibItems(ctx, api.LibItemFilter{Name: name})
	}, func(li api.LibItem) (string, int64) { return li.Name, li.ID })
}

func seedServiceLineID(t *testing.T, name string) int64 {
	c := acctest.ServiceTradeClient(t)
	return seedRef(t, "service lines", name, func(ctx context.Context) ([]api.ServiceLine, error) {
		return c.ListServiceLines(ctx, api.ServiceLineFilter{ShowAll: true})
	}, func(sl api.ServiceLine) (string, int64) { return sl.Name, sl.ID })
}

func seedCompanyID(t *testing.T, name string) int64 {
	c := acctest.ServiceTradeClient(t)
	return seedRef(t, "companies", name, func(ctx context.Context) ([]api.Company, error) {
		return c.ListCompanies(ctx, api.CompanyFilter{Name: name})
	}, func(co api.Company) (string, int64) { return co.Name, co.ID })
}

func seedTermsID(t *testing.T, name string) int64 {
	c := acctest.ServiceTradeClient(t)
	return seedRef(t, "terms", name, c.ListTerms, func(tm api.Terms) (string, int64) { return tm.Name, tm.ID })
}

func mustID(t *testing.T, s string) int64 {
	t.Helper()
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		t.Fatalf("not an id: %q", s)
	}
	return id
}

// quoteTemplateConfig uses the reference data sources to find ids by name.
func quoteTemplateConfig(name, body string) string {
	return fmt.Sprintf(`
data "fieldservice_servicetrade_company" "customer" {
  name = %q
}
data "fieldservice_servicetrade_terms" "standard" {
  name = %q
}
data "fieldservice_servicetrade_terms" "net30" {
  name = %q
}
resource "fieldservice_servicetrade_quote_template" "test" {
  name = %q
  %s
}
`, emust.SeedCustomerCompanies[0], emust.SeedTerms[0], emust.SeedTerms[1], name, body)
}

func TestAccQuoteTemplate_lifecycle(t *testing.T) {
	preCheck(t)
	acctest.RequireEmulator(t) // uses the emulator's seeded company and terms
	name := acctest.RandomName("qt")
	companyID := seedCompanyID(t, emust.SeedCustomerCompanies[0])
	standard, net30 := seedTermsID(t, emust.SeedTerms[0]), seedTermsID(t, emust.SeedTerms[1])
	var id string
	var ids []string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             checkQuoteTemplatesDestroyed(t, &ids),
		Steps: []resource.TestStep{
			// Create; the second plan is empty.
			{
				Config: quoteTemplateConfig(name, `
  description = "Inspect all the quarters"
  terms_id    = data.fieldservice_servicetrade_terms.standard.id`),
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.Capture(quoteTemplateAddr, "id", &id),
					func(*terraform.State) error { ids = append(ids, id); return nil },
					resource.TestCheckResourceAttr(quoteTemplateAddr, "name", name),
					resource.TestCheckResourceAttr(quoteTemplateAddr, "description", "Inspect all the quarters"),
					resource.TestCheckResourceAttr(quoteTemplateAddr, "terms_id", fmt.Sprint(standard)),
					resource.TestCheckNoResourceAttr(quoteTemplateAddr, "company_id"),
					resource.TestCheckResourceAttr(quoteTemplateAddr, "force_delete", "false"),
					resource.TestMatchResourceAttr(quoteTemplateAddr, "uri", regexp.MustCompile(`/quotetemplate/\d+$`)),
				),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			// Update in place: name, description, company and terms.
			{
				Config: quoteTemplateConfig(name+"-renamed", `
  description = "Flush all the intercoolers"
  company_id  = data.fieldservice_servicetrade_company.customer.id
  terms_id    = data.fieldservice_servicetrade_terms.net30.id`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(quoteTemplateAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrPtr(quoteTemplateAddr, "id", &id),
					resource.TestCheckResourceAttr(quoteTemplateAddr, "name", name+"-renamed"),
					resource.TestCheckResourceAttr(quoteTemplateAddr, "description", "Flush all the intercoolers"),
					resource.TestCheckResourceAttr(quoteTemplateAddr, "company_id", fmt.Sprint(companyID)),
					resource.TestCheckResourceAttr(quoteTemplateAddr, "terms_id", fmt.Sprint(net30)),
				),
			},
			// Import by id.
			{
				ResourceName:      quoteTemplateAddr,
				ImportState:       true,
				ImportStateVerify: true,
			},
			{
				ResourceName:  quoteTemplateAddr,
				ImportState:   true,
				ImportStateId: "quarterly",
				ExpectError:   acctest.ErrorText(`a ServiceTrade quote template id is a positive whole number such as 4294967297, got "quarterly"`),
			},
			// Removing description, company and terms clears them.
			{
				Config: quoteTemplateConfig(name+"-renamed", ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(quoteTemplateAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrPtr(quoteTemplateAddr, "id", &id),
					resource.TestCheckNoResourceAttr(quoteTemplateAddr, "description"),
					resource.TestCheckNoResourceAttr(quoteTemplateAddr, "company_id"),
					resource.TestCheckNoResourceAttr(quoteTemplateAddr, "terms_id"),
					func(*terraform.State) error {
						qt, err := acctest.ServiceTradeClient(t).GetQuoteTemplate(context.Background(), mustID(t, id))
						if err != nil {
							return err
						}
						if qt.Description != "" || qt.Company != nil || qt.Terms != nil {
							return fmt.Errorf("ServiceTrade still has description %q, company %v, terms %v", qt.Description, qt.Company, qt.Terms)
						}
						return nil
					},
				),
			},
			// Out-of-band change: the next plan shows it and apply reverts it.
			{
				PreConfig: func() {
					in := api.QuoteTemplateInput{Name: "changed behind terraform", Description: "sneaky", TermsID: &standard}
					if _, err := acctest.ServiceTradeClient(t).UpdateQuoteTemplate(context.Background(), mustID(t, id), in); err != nil {
						t.Fatal(err)
					}
				},
				Config: quoteTemplateConfig(name+"-renamed", ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(quoteTemplateAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(quoteTemplateAddr, tfjsonpath.New("name"), knownvalue.StringExact(name+"-renamed")),
						plancheck.ExpectKnownValue(quoteTemplateAddr, tfjsonpath.New("terms_id"), knownvalue.Null()),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckNoResourceAttr(quoteTemplateAddr, "description"),
					resource.TestCheckNoResourceAttr(quoteTemplateAddr, "terms_id"),
				),
			},
			// Out-of-band deletion: removed from state, planned for creation.
			{
				PreConfig: func() {
					if err := acctest.ServiceTradeClient(t).DeleteQuoteTemplate(context.Background(), mustID(t, id)); err != nil {
						t.Fatal(err)
					}
				},
				Config: quoteTemplateConfig(name+"-renamed", ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(quoteTemplateAddr, plancheck.ResourceActionCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.Capture(quoteTemplateAddr, "id", &id),
					func(*terraform.State) error { ids = append(ids, id); return nil },
				),
			},
		},
	})
}

// Terms that a quote template uses cannot be deleted (409); once the
// template lets go of them, they can.
func TestAccQuoteTemplate_termsInUse(t *testing.T) {
	preCheck(t)
	terms := createTerms(t, acctest.RandomName("qtterms"), "Quotes are valid for 30 days.")
	name := acctest.RandomName("qtterms")
	config := func(body string) string {
		return fmt.Sprintf(`
resource "fieldservice_servicetrade_quote_template" "test" {
  name = %q
  %s
}
`, name, body)
	}
	var id string
	var ids []string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             checkQuoteTemplatesDestroyed(t, &ids),
		Steps: []resource.TestStep{
			{
				Config: config(fmt.Sprintf("terms_id = %d", terms.ID)),
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.Capture(quoteTemplateAddr, "id", &id),
					func(*terraform.State) error { ids = append(ids, id); return nil },
					resource.TestCheckResourceAttr(quoteTemplateAddr, "terms_id", fmt.Sprint(terms.ID)),
					func(*terraform.State) error {
						err := acctest.ServiceTradeClient(t).DeleteTerms(context.Background(), terms.ID)
						if !api.IsConflict(err) {
							return fmt.Errorf("deleting terms %d used by template %s: %v; want a 409 conflict", terms.ID, id, err)
						}
						return nil
					},
				),
			},
			{
				Config: config(""),
				Check: func(*terraform.State) error {
					if err := acctest.ServiceTradeClient(t).DeleteTerms(context.Background(), terms.ID); err != nil {
						return fmt.Errorf("deleting terms %d no longer used: %v", terms.ID, err)
					}
					return nil
				},
			},
		},
	})
}

// A template that still has items ServiceTrade refuses to delete: without
// force_delete the destroy fails and says why; with it, the items go first.
func TestAccQuoteTemplate_destroyWithForeignItems(t *testing.T) {
	preCheck(t)
	name := acctest.RandomName("qtforce")
	config := func(body string) string {
		return fmt.Sprintf(`
resource "fieldservice_servicetrade_quote_template" "test" {
  name = %q
  %s
}
`, name, body)
	}
	var id string
	var ids, itemIDs []string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy: func(s *terraform.State) error {
			if err := checkQuoteTemplatesDestroyed(t, &ids)(s); err != nil {
				return err
			}
			return checkQuoteTemplateItemsDestroyed(t, &itemIDs)(s)
		},
		Steps: []resource.TestStep{
			// Create, then add an item outside Terraform.
			{
				Config: config(""),
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.Capture(quoteTemplateAddr, "id", &id),
					func(*terraform.State) error {
						ids = append(ids, id)
						c := acctest.ServiceTradeClient(t)
						lines, err := c.ListServiceLines(context.Background(), api.ServiceLineFilter{})
						if err != nil || len(lines) == 0 {
							return fmt.Errorf("no service line to use: %v", err)
						}
						q, d := 2.0, "Added in the ServiceTrade UI"
						it, err := c.CreateQuoteTemplateItem(context.Background(), mustID(t, id), api.QuoteTemplateItemInput{Quantity: &q, Description: &d, ServiceLineID: &lines[0].ID})
						if err != nil {
							return err
						}
						itemIDs = append(itemIDs, strconv.FormatInt(it.ID, 10))
						return nil
					},
				),
			},
			{
				Config:  config(""),
				Destroy: true,
				ExpectError: regexp.MustCompile(acctest.ErrorText(`Deleting ServiceTrade quote template`).String() + `.*` +
					acctest.ErrorText(`The quote template still has 1 line item that this Terraform configuration does not manage, `+
						`and ServiceTrade refuses to delete a template that has items.`).String() + `.*` +
					acctest.ErrorText(`or set force_delete = true on this template, apply, and destroy again to delete its items along with it.`).String() + `.*` +
					acctest.ErrorText(`quotetemplate still has child items`).String()),
			},
			// Opting in changes only the state.
			{
				Config: config("force_delete = true"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(quoteTemplateAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrPtr(quoteTemplateAddr, "id", &id),
					resource.TestCheckResourceAttr(quoteTemplateAddr, "force_delete", "true"),
					func(*terraform.State) error {
						// Still there: force_delete acts only on destroy.
						_, err := acctest.ServiceTradeClient(t).GetQuoteTemplateItem(context.Background(), mustID(t, itemIDs[0]))
						return err
					},
				),
			},
			// The final destroy now succeeds; CheckDestroy verifies that
			// the template and its item are gone.
		},
	})
}

// checkQuoteTemplatesDestroyed asserts that every template in *ids is gone.
func checkQuoteTemplatesDestroyed(t *testing.T, ids *[]string) func(*terraform.State) error {
	return func(*terraform.State) error {
		if len(*ids) == 0 {
			return fmt.Errorf("no quote template id was captured")
		}
		c := acctest.ServiceTradeClient(t)
		for _, raw := range *ids {
			id, err := strconv.ParseInt(raw, 10, 64)
			if err != nil {
				return fmt.Errorf("bad quote template id captured: %q", raw)
			}
			if _, err := c.GetQuoteTemplate(context.Background(), id); !api.IsNotFound(err) {
				return fmt.Errorf("quote template %d still exists after destroy (err=%v)", id, err)
			}
		}
		return nil
	}
}
