package servicetrade_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// lostCreate is an isolated emulator whose next create answer on path is
// lost: the emulator creates the object, then drops the connection.
type lostCreate struct {
	run    *emulator.Running
	client *api.Client
	path   string
}

func newLostCreate(t *testing.T, path string) *lostCreate {
	t.Helper()
	preCheck(t)
	run := acctest.Isolated(t, emulator.Options{})
	c, err := api.New(api.Config{BaseURL: run.ServiceTradeURL(), ClientID: emust.ClientID, ClientSecret: emust.ClientSecret})
	if err != nil {
		t.Fatal(err)
	}
	return &lostCreate{run: run, client: c, path: path}
}

func (l *lostCreate) dropNextAnswer() {
	l.run.Inject(emulator.Fault{Vendor: "servicetrade", Method: http.MethodPost, Path: l.path, DropAfter: true})
}

// fired fails unless the fault fired exactly once: a test whose fault never
// fired proves nothing.
func (l *lostCreate) fired() error {
	if got := l.run.FaultsApplied(); got != 1 {
		return fmt.Errorf("the lost-answer fault on POST %s fired %d times, want 1", l.path, got)
	}
	return nil
}

// config points the provider at the isolated emulator.
func (l *lostCreate) config(resources string) string {
	return isolatedConfig(l.run, authFlows[0].creds, 0) + resources
}

// When the answer to the create is lost, the external system of that name
// (unique in ServiceTrade) is adopted: exactly one exists, the state has
// it, and the next plan is empty.
func TestAccServiceTradeExternalSystem_lostCreateAnswerIsAdopted(t *testing.T) {
	l := newLostCreate(t, "/externalsystem")
	const name = "lost-answer-erp"
	cfg := l.config(fmt.Sprintf(`
resource "fieldservice_servicetrade_external_system" "lost" {
  name           = %q
  label          = "Lost answer ERP"
  syncable_types = ["invoice"]
}
`, name))
	named := func() ([]api.ExternalSystem, error) {
		all, err := l.client.ListExternalSystems(context.Background())
		var out []api.ExternalSystem
		for _, es := range all {
			if es.Name == name {
				out = append(out, es)
			}
		}
		return out, err
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				PreConfig: l.dropNextAnswer,
				Config:    cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					func(s *terraform.State) error {
						if err := l.fired(); err != nil {
							return err
						}
						found, err := named()
						if err != nil {
							return err
						}
						if len(found) != 1 {
							return fmt.Errorf("%d external systems are named %q, want exactly 1", len(found), name)
						}
						rs := s.RootModule().Resources["fieldservice_servicetrade_external_system.lost"]
						if rs == nil {
							return fmt.Errorf("the adopted external system is not in the state")
						}
						if want := fmt.Sprint(found[0].ID); rs.Primary.ID != want {
							return fmt.Errorf("state id %q, want the existing system's id %s", rs.Primary.ID, want)
						}
						return nil
					},
					resource.TestCheckResourceAttr("fieldservice_servicetrade_external_system.lost", "label", "Lost answer ERP"),
					resource.TestCheckResourceAttr("fieldservice_servicetrade_external_system.lost", "syncable_types.#", "1"),
					resource.TestCheckResourceAttrSet("fieldservice_servicetrade_external_system.lost", "created"),
				),
			},
			{
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
}

// Region names are not unique: when the answer to the create is lost, the
// create fails with an error naming the one region that exists (by id) and
// the import command; no duplicate is made, and importing the region as the
// error says makes the plan empty.
func TestAccServiceTradeRegion_lostCreateAnswerIsExplained(t *testing.T) {
	l := newLostCreate(t, "/region")
	const name = "lost-answer-region"
	cfg := l.config(fmt.Sprintf(`
resource "fieldservice_servicetrade_region" "lost" {
  name   = %q
  points = [{ lat = 35.1, lon = -80.1 }, { lat = 35.2, lon = -80.9 }, { lat = 35.9, lon = -80.5 }]
}
`, name))
	named := func() ([]string, error) {
		list, err := l.client.ListRegions(context.Background(), api.RegionFilter{Name: name})
		var ids []string
		for _, r := range list {
			if r.Name == name {
				ids = append(ids, fmt.Sprint(r.ID))
			}
		}
		return ids, err
	}
	var explained bool
	var id string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		ErrorCheck:               acctest.LostCreateErrorCheck(fmt.Sprintf("Creating ServiceTrade region %q failed", name), "fieldservice_servicetrade_region", named, &explained),
		Steps: []resource.TestStep{
			{
				PreConfig: l.dropNextAnswer,
				Config:    cfg,
			},
			{
				PreConfig: func() {
					if !explained {
						t.Fatal("the create whose answer was lost did not fail with the explanation")
					}
					if err := l.fired(); err != nil {
						t.Fatal(err)
					}
					ids, err := named()
					if err != nil || len(ids) != 1 {
						t.Fatalf("regions named %q: %v %v; want exactly 1", name, ids, err)
					}
					id = ids[0]
				},
				Config:             cfg,
				ResourceName:       "fieldservice_servicetrade_region.lost",
				ImportState:        true,
				ImportStatePersist: true,
				ImportStateIdFunc:  func(*terraform.State) (string, error) { return id, nil },
			},
			{
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: func(*terraform.State) error {
					if ids, err := named(); err != nil || len(ids) != 1 {
						return fmt.Errorf("regions named %q: %v %v; want exactly 1", name, ids, err)
					}
					return nil
				},
			},
		},
	})
}

// The other ServiceTrade resources have no unique attribute: for each, a
// lost create answer fails with an error naming the one object that exists
// by its import id (composite for items and rules), importing that id
// works, and the plan is then empty.
func TestAccServiceTrade_lostCreateAnswersAreExplained(t *testing.T) {
	ctx := context.Background()
	vendor := fmt.Sprintf(`
data "fieldservice_servicetrade_company" "vendor" {
  name = %q
}
`, emust.VendorCompany)
	vendorID := func(c *api.Client) (int64, error) {
		list, err := c.ListCompanies(ctx, api.CompanyFilter{Name: emust.VendorCompany})
		if err != nil || len(list) != 1 {
			return 0, fmt.Errorf("looking up the vendor company: %v %v", list, err)
		}
		return list[0].ID, nil
	}
	// contractIDs lists the default contracts of the vendor with that name.
	contractIDs := func(c *api.Client, name string) ([]int64, error) {
		v, err := vendorID(c)
		if err != nil {
			return nil, err
		}
		list, err := c.ListContracts(ctx, api.ContractFilter{VendorID: v, Name: name})
		var ids []int64
		for _, ct := range list {
			if ct.Name == name {
				ids = append(ids, ct.ID)
			}
		}
		return ids, err
	}
	cases := []struct {
		name, path, summary, resourceType, config string
		// ids lists the import ids of the objects matching the
		// configuration, through the API.
		ids func(c *api.Client) ([]string, error)
	}{
		{
			name: "webhook", path: "/webhook", resourceType: "fieldservice_servicetrade_webhook",
			summary: `Creating ServiceTrade webhook for "https://hooks.example.com/lost-answer" failed`,
			config: `
resource "fieldservice_servicetrade_webhook" "lost" {
  hook_url = "https://hooks.example.com/lost-answer"
}
`,
			ids: func(c *api.Client) ([]string, error) {
				list, err := c.ListWebhooks(ctx)
				var ids []string
				for _, w := range list {
					if w.HookURL == "https://hooks.example.com/lost-answer" {
						ids = append(ids, fmt.Sprint(w.ID))
					}
				}
				return ids, err
			},
		},
		{
			name: "quote template", path: "/quotetemplate", resourceType: "fieldservice_servicetrade_quote_template",
			summary: `Creating ServiceTrade quote template "lost-answer-template" failed`,
			config: `
resource "fieldservice_servicetrade_quote_template" "lost" {
  name = "lost-answer-template"
}
`,
			ids: func(c *api.Client) ([]string, error) {
				list, err := c.ListQuoteTemplates(ctx, api.QuoteTemplateFilter{Name: "lost-answer-template"})
				var ids []string
				for _, qt := range list {
					if qt.Name == "lost-answer-template" {
						ids = append(ids, fmt.Sprint(qt.ID))
					}
				}
				return ids, err
			},
		},
		{
			// "/quotetemplate/" matches the item's POST, not the template's.
			name: "quote template item", path: "/quotetemplate/", resourceType: "fieldservice_servicetrade_quote_template_item",
			summary: `Creating an item on ServiceTrade quote template`,
			config: `
resource "fieldservice_servicetrade_quote_template" "parent" {
  name = "lost-answer-parent"
}
resource "fieldservice_servicetrade_quote_template_item" "lost" {
  quote_template_id = fieldservice_servicetrade_quote_template.parent.id
  description       = "CCW Zirconium Flange"
  quantity          = 2
}
`,
			ids: func(c *api.Client) ([]string, error) {
				templates, err := c.ListQuoteTemplates(ctx, api.QuoteTemplateFilter{Name: "lost-answer-parent"})
				if err != nil || len(templates) != 1 {
					return nil, fmt.Errorf("looking up the parent template: %v %v", templates, err)
				}
				list, err := c.ListQuoteTemplateItems(ctx, templates[0].ID)
				var ids []string
				for _, it := range list {
					if it.Description == "CCW Zirconium Flange" {
						ids = append(ids, fmt.Sprintf("%d/%d", templates[0].ID, it.ID))
					}
				}
				return ids, err
			},
		},
		{
			name: "contract", path: "/contract", resourceType: "fieldservice_servicetrade_contract",
			summary: `Creating ServiceTrade default contract "lost-answer-contract" failed`,
			config: vendor + `
resource "fieldservice_servicetrade_contract" "lost" {
  type      = "default"
  name      = "lost-answer-contract"
  vendor_id = data.fieldservice_servicetrade_company.vendor.id
}
`,
			ids: func(c *api.Client) ([]string, error) {
				list, err := contractIDs(c, "lost-answer-contract")
				var ids []string
				for _, id := range list {
					ids = append(ids, fmt.Sprint(id))
				}
				return ids, err
			},
		},
		{
			// "/contract/" matches the rule's POST, not the contract's.
			name: "contract rule", path: "/contract/", resourceType: "fieldservice_servicetrade_contract_rule",
			summary: `Creating unit rule "lost-answer-rule" on ServiceTrade contract`,
			config: vendor + `
resource "fieldservice_servicetrade_contract" "parent" {
  type      = "default"
  name      = "lost-answer-parent"
  vendor_id = data.fieldservice_servicetrade_company.vendor.id
}
resource "fieldservice_servicetrade_contract_rule" "lost" {
  contract_id = fieldservice_servicetrade_contract.parent.id
  type        = "unit"
  name        = "lost-answer-rule"
  price       = 12.5
}
`,
			ids: func(c *api.Client) ([]string, error) {
				parents, err := contractIDs(c, "lost-answer-parent")
				if err != nil || len(parents) != 1 {
					return nil, fmt.Errorf("looking up the parent contract: %v %v", parents, err)
				}
				list, err := c.ListContractRules(ctx, parents[0], api.ContractRuleFilter{})
				var ids []string
				for _, r := range list {
					if r.Name == "lost-answer-rule" {
						ids = append(ids, fmt.Sprintf("%d/%d", parents[0], r.ID))
					}
				}
				return ids, err
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			l := newLostCreate(t, tc.path)
			cfg := l.config(tc.config)
			var explained bool
			var found []string
			ids := func() ([]string, error) {
				var err error
				found, err = tc.ids(l.client)
				return found, err
			}
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				ErrorCheck:               acctest.LostCreateErrorCheck(tc.summary, tc.resourceType, ids, &explained),
				Steps: []resource.TestStep{
					{
						PreConfig: l.dropNextAnswer,
						Config:    cfg,
					},
					{
						// The id the error named imports the object.
						PreConfig: func() {
							if !explained {
								t.Fatal("the create whose answer was lost did not fail with the explanation")
							}
							if err := l.fired(); err != nil {
								t.Fatal(err)
							}
						},
						Config:             cfg,
						ResourceName:       tc.resourceType + ".lost",
						ImportState:        true,
						ImportStatePersist: true,
						ImportStateIdFunc:  func(*terraform.State) (string, error) { return found[0], nil },
					},
					{
						Config: cfg,
						ConfigPlanChecks: resource.ConfigPlanChecks{
							PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
						},
						Check: func(*terraform.State) error {
							if got, err := tc.ids(l.client); err != nil || len(got) != 1 {
								return fmt.Errorf("objects matching the configuration: %v %v; want exactly 1", got, err)
							}
							return nil
						},
					},
				},
			})
		})
	}
}
