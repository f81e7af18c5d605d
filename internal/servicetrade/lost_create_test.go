package servicetrade_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// lostCreate is an isolated emulator, seen by the provider through a
// counting front, whose next create answer on path is lost (dropNextAnswer:
// the emulator creates the object, then drops the connection) or
// withheld (failNext: the emulator does nothing).
type lostCreate struct {
	run    *emulator.Running
	front  *acctest.Counter
	client *api.Client
	path   string
}

func newLostCreate(t *testing.T, path string) *lostCreate {
	t.Helper()
	return newLostCreateWith(t, path, emulator.Options{})
}

func newLostCreateWith(t *testing.T, path string, opts emulator.Options) *lostCreate {
	t.Helper()
	preCheck(t)
	run := acctest.Isolated(t, opts)
	c, err := api.New(api.Config{BaseURL: run.ServiceTradeURL(), ClientID: emust.ClientID, ClientSecret: emust.ClientSecret})
	if err != nil {
		t.Fatal(err)
	}
	return &lostCreate{run: run, front: acctest.Counting(t, run), client: c, path: path}
}

func (l *lostCreate) dropNextAnswer() {
	l.run.Inject(emulator.Fault{Vendor: "servicetrade", Method: http.MethodPost, Path: l.path, DropAfter: true})
}

// failNext makes the next create on path fail without the emulator acting
// on it, as f says (a dropped connection, or a status).
func (l *lostCreate) failNext(f emulator.Fault) {
	f.Vendor, f.Method, f.Path = "servicetrade", http.MethodPost, l.path
	l.run.Inject(f)
}

// fired fails unless the fault fired exactly once: a test whose fault never
// fired proves nothing.
func (l *lostCreate) fired() error {
	if got := l.run.FaultsApplied(); got != 1 {
		return fmt.Errorf("the lost-answer fault on POST %s fired %d times, want 1", l.path, got)
	}
	return nil
}

// config points the provider at the isolated emulator, through the
// counting front.
func (l *lostCreate) config(resources string) string {
	return fmt.Sprintf(`
provider "fieldservice" {
  retry_min_delay = "10ms"
  servicetrade {
    base_url = %q
    %s
  }
}
`, l.front.ServiceTradeURL(), authFlows[0].creds) + resources
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
		// exists, for kinds with a natural key, is the error of a plain
		// second apply: the key is taken by the object the lost create
		// made, and no duplicate is created.
		exists string
	}{
		{
			name: "webhook", path: "/webhook", resourceType: "fieldservice_servicetrade_webhook",
			summary: `Creating ServiceTrade webhook for "https://hooks.example.com/lost-answer" failed`,
			exists:  `A ServiceTrade webhook with hook URL "https://hooks.example.com/lost-answer" already exists (id `,
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
			exists:  `A ServiceTrade quote template with name "lost-answer-template" already exists (id `,
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
			checkExplained := func() {
				if !explained {
					t.Fatal("the create whose answer was lost did not fail with the explanation")
				}
				if err := l.fired(); err != nil {
					t.Fatal(err)
				}
			}
			steps := []resource.TestStep{{
				PreConfig: l.dropNextAnswer,
				Config:    cfg,
			}}
			if tc.exists != "" {
				// The plain second apply the issue describes: before, it
				// created a duplicate; now the natural key stops it.
				steps = append(steps, resource.TestStep{
					PreConfig: func() {
						checkExplained()
						l.front.Reset()
					},
					Config:      cfg,
					ExpectError: acctest.ErrorText(tc.exists),
				})
			}
			steps = append(steps,
				resource.TestStep{
					// The id the error named imports the object.
					PreConfig: func() {
						checkExplained()
						if tc.exists != "" {
							if n := l.front.Count(http.MethodPost, "^"+tc.path+"$"); n != 0 {
								t.Fatalf("the second apply sent %d creates, want none", n)
							}
							if got, err := tc.ids(l.client); err != nil || len(got) != 1 {
								t.Fatalf("objects matching the configuration after the second apply: %v %v; want exactly 1", got, err)
							}
						}
					},
					Config:             cfg,
					ResourceName:       tc.resourceType + ".lost",
					ImportState:        true,
					ImportStatePersist: true,
					ImportStateIdFunc:  func(*terraform.State) (string, error) { return found[0], nil },
				},
				resource.TestStep{
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
				})
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				ErrorCheck:               acctest.LostCreateErrorCheck(tc.summary, tc.resourceType, ids, &explained),
				Steps:                    steps,
			})
		})
	}
}

// A create that provably did not happen is sent again. For every
// ServiceTrade resource, the first create request fails with an unknown
// outcome (a connection dropped before the emulator acted, a gateway's
// 503, or a 500) and the emulator creates nothing; the provider finds no
// matching object, sends the create again, and the apply succeeds: exactly
// two POSTs, exactly one object, the one in the state.
func TestAccServiceTrade_createThatDidNotHappenIsSentAgain(t *testing.T) {
	ctx := context.Background()
	vendor := fmt.Sprintf(`
data "fieldservice_servicetrade_company" "vendor" {
  name = %q
}
`, emust.VendorCompany)
	drop := emulator.Fault{Drop: true}
	unavailable := emulator.Fault{Status: http.StatusServiceUnavailable}
	serverError := emulator.Fault{Status: http.StatusInternalServerError}
	// named keeps the ids of the objects whose name is name.
	named := func(name string) func(id int64, n string) (string, bool) {
		return func(id int64, n string) (string, bool) { return fmt.Sprint(id), n == name }
	}
	cases := []struct {
		name, path, post, addr, config string
		fault                          emulator.Fault
		// ids lists the ids of the objects matching the configuration.
		ids func(c *api.Client) ([]string, error)
	}{
		{
			name: "region", path: "/region", post: `^/region$`, addr: "fieldservice_servicetrade_region.again", fault: drop,
			config: `
resource "fieldservice_servicetrade_region" "again" {
  name   = "resent-region"
  points = [{ lat = 35.1, lon = -80.1 }, { lat = 35.2, lon = -80.9 }, { lat = 35.9, lon = -80.5 }]
}
`,
			ids: func(c *api.Client) ([]string, error) {
				list, err := c.ListRegions(ctx, api.RegionFilter{Name: "resent-region"})
				return keepIDs(list, err, func(r api.Region) (string, bool) { return named("resent-region")(r.ID, r.Name) })
			},
		},
		{
			name: "webhook", path: "/webhook", post: `^/webhook$`, addr: "fieldservice_servicetrade_webhook.again", fault: unavailable,
			config: `
resource "fieldservice_servicetrade_webhook" "again" {
  hook_url = "https://hooks.example.com/resent"
}
`,
			ids: func(c *api.Client) ([]string, error) {
				list, err := c.ListWebhooks(ctx)
				return keepIDs(list, err, func(w api.Webhook) (string, bool) { return named("https://hooks.example.com/resent")(w.ID, w.HookURL) })
			},
		},
		{
			name: "external system", path: "/externalsystem", post: `^/externalsystem$`, addr: "fieldservice_servicetrade_external_system.again", fault: serverError,
			config: `
resource "fieldservice_servicetrade_external_system" "again" {
  name  = "resent-erp"
  label = "Resent ERP"
}
`,
			ids: func(c *api.Client) ([]string, error) {
				list, err := c.ListExternalSystems(ctx)
				return keepIDs(list, err, func(es api.ExternalSystem) (string, bool) { return named("resent-erp")(es.ID, es.Name) })
			},
		},
		{
			name: "quote template", path: "/quotetemplate", post: `^/quotetemplate$`, addr: "fieldservice_servicetrade_quote_template.again", fault: drop,
			config: `
resource "fieldservice_servicetrade_quote_template" "again" {
  name = "resent-template"
}
`,
			ids: func(c *api.Client) ([]string, error) {
				list, err := c.ListQuoteTemplates(ctx, api.QuoteTemplateFilter{Name: "resent-template"})
				return keepIDs(list, err, func(qt api.QuoteTemplate) (string, bool) { return named("resent-template")(qt.ID, qt.Name) })
			},
		},
		{
			// "/quotetemplate/" matches the item's POST, not the template's.
			name: "quote template item", path: "/quotetemplate/", post: `^/quotetemplate/\d+/item$`, addr: "fieldservice_servicetrade_quote_template_item.again", fault: unavailable,
			config: `
resource "fieldservice_servicetrade_quote_template" "parent" {
  name = "resent-parent"
}
resource "fieldservice_servicetrade_quote_template_item" "again" {
  quote_template_id = fieldservice_servicetrade_quote_template.parent.id
  description       = "CCW Zirconium Flange"
  quantity          = 2
}
`,
			ids: func(c *api.Client) ([]string, error) {
				templates, err := c.ListQuoteTemplates(ctx, api.QuoteTemplateFilter{Name: "resent-parent"})
				if err != nil || len(templates) != 1 {
					return nil, fmt.Errorf("looking up the parent template: %v %v", templates, err)
				}
				list, err := c.ListQuoteTemplateItems(ctx, templates[0].ID)
				return keepIDs(list, err, func(it api.QuoteTemplateItem) (string, bool) {
					return fmt.Sprintf("%d/%d", templates[0].ID, it.ID), it.Description == "CCW Zirconium Flange"
				})
			},
		},
		{
			name: "contract", path: "/contract", post: `^/contract$`, addr: "fieldservice_servicetrade_contract.again", fault: serverError,
			config: vendor + `
resource "fieldservice_servicetrade_contract" "again" {
  type      = "default"
  name      = "resent-contract"
  vendor_id = data.fieldservice_servicetrade_company.vendor.id
}
`,
			ids: func(c *api.Client) ([]string, error) {
				v, err := c.ListCompanies(ctx, api.CompanyFilter{Name: emust.VendorCompany})
				if err != nil || len(v) != 1 {
					return nil, fmt.Errorf("looking up the vendor company: %v %v", v, err)
				}
				list, err := c.ListContracts(ctx, api.ContractFilter{VendorID: v[0].ID, Name: "resent-contract"})
				return keepIDs(list, err, func(ct api.Contract) (string, bool) { return named("resent-contract")(ct.ID, ct.Name) })
			},
		},
		{
			// "/contract/" matches the rule's POST, not the contract's.
			name: "contract rule", path: "/contract/", post: `^/contract/\d+/rule$`, addr: "fieldservice_servicetrade_contract_rule.again", fault: drop,
			config: vendor + `
resource "fieldservice_servicetrade_contract" "parent" {
  type      = "default"
  name      = "resent-parent"
  vendor_id = data.fieldservice_servicetrade_company.vendor.id
}
resource "fieldservice_servicetrade_contract_rule" "again" {
  contract_id = fieldservice_servicetrade_contract.parent.id
  type        = "unit"
  name        = "resent-rule"
  price       = 12.5
}
`,
			ids: func(c *api.Client) ([]string, error) {
				v, err := c.ListCompanies(ctx, api.CompanyFilter{Name: emust.VendorCompany})
				if err != nil || len(v) != 1 {
					return nil, fmt.Errorf("looking up the vendor company: %v %v", v, err)
				}
				parents, err := c.ListContracts(ctx, api.ContractFilter{VendorID: v[0].ID, Name: "resent-parent"})
				if err != nil || len(parents) != 1 {
					return nil, fmt.Errorf("looking up the parent contract: %v %v", parents, err)
				}
				list, err := c.ListContractRules(ctx, parents[0].ID, api.ContractRuleFilter{})
				return keepIDs(list, err, func(r api.ContractRule) (string, bool) {
					return fmt.Sprintf("%d/%d", parents[0].ID, r.ID), r.Name == "resent-rule"
				})
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			l := newLostCreate(t, tc.path)
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				Steps: []resource.TestStep{{
					PreConfig: func() { l.failNext(tc.fault) },
					Config:    l.config(tc.config),
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
					},
					Check: func(s *terraform.State) error {
						if err := l.fired(); err != nil {
							return err
						}
						if n := l.front.Count(http.MethodPost, tc.post); n != 2 {
							return fmt.Errorf("%d create requests, want exactly 2: the one that failed, and the one sent again once nothing was found", n)
						}
						ids, err := tc.ids(l.client)
						if err != nil || len(ids) != 1 {
							return fmt.Errorf("objects matching the configuration: %v %v; want exactly 1", ids, err)
						}
						rs := s.RootModule().Resources[tc.addr]
						if rs == nil {
							return fmt.Errorf("%s is not in the state", tc.addr)
						}
						if rs.Primary.ID != ids[0] && !strings.HasSuffix(ids[0], "/"+rs.Primary.ID) && rs.Primary.Attributes["id"] != ids[0] {
							return fmt.Errorf("state id %q, want the object that exists, %s", rs.Primary.ID, ids[0])
						}
						return nil
					},
				}},
			})
		})
	}
}

// keepIDs lists the ids of the objects that match, or the listing's error.
func keepIDs[T any](list []T, err error, match func(T) (string, bool)) ([]string, error) {
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, x := range list {
		if id, ok := match(x); ok {
			ids = append(ids, id)
		}
	}
	return ids, nil
}
