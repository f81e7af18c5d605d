package servicetrade_test

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

const contractAddr = "fieldservice_servicetrade_contract.test"

// contractRefs are the ids of the seeded objects a contract references,
// looked up by name through the API.
type contractRefs struct {
	vendor, customer, customer2, owner, sales, office, location2 int64
	jobTerms, quoteTerms, paymentTerms                           int64
}

func lookupContractRefs(t *testing.T) contractRefs {
	t.Helper()
	ctx := context.Background()
	c := acctest.ServiceTradeClient(t)
	company := func(name string) int64 {
		list, err := c.ListCompanies(ctx, api.CompanyFilter{Name: name})
		if err != nil {
			t.Fatal(err)
		}
		for _, co := range list {
			if co.Name == name {
				return co.ID
			}
		}
		t.Fatalf("no company named %q", name)
		return 0
	}
	user := func(username string) int64 {
		list, err := c.ListUsers(ctx, api.UserFilter{Name: username})
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range list {
			if u.Username == username {
				return u.ID
			}
		}
		t.Fatalf("no user %q", username)
		return 0
	}
	location := func(name string, offices bool) int64 {
		list, err := c.ListLocations(ctx, api.LocationFilter{Name: name, OfficesOnly: offices})
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range list {
			if l.Name == name {
				return l.ID
			}
		}
		t.Fatalf("no location %q", name)
		return 0
	}
	terms, err := c.ListTerms(ctx)
	if err != nil {
		t.Fatal(err)
	}
	termsID := func(name string) int64 {
		for _, tm := range terms {
			if tm.Name == name {
				return tm.ID
			}
		}
		t.Fatalf("no terms %q", name)
		return 0
	}
	pts, err := c.ListPaymentTerms(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var net30 int64
	for _, p := range pts {
		if p.Name == "Net 30" {
			net30 = p.ID
		}
	}
	return contractRefs{
		vendor: company(emust.VendorCompany), customer: company(emust.SeedCustomerCompanies[0]), customer2: company(emust.SeedCustomerCompanies[1]),
		owner: user(emust.Username), sales: user("ssales"),
		office: location(emust.SeedOffices[1], true), location2: location(emust.SeedCustomerLocations[1], false),
		jobTerms: termsID(emust.SeedTerms[0]), quoteTerms: termsID(emust.SeedTerms[1]), paymentTerms: net30,
	}
}

// contractConfig renders the test contract from raw HCL attribute values.
func contractConfig(attrs map[string]string) string {
	keys := make([]string, 0, len(attrs))
	for k := range attrs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString("resource \"fieldservice_servicetrade_contract\" \"test\" {\n")
	for _, k := range keys {
		fmt.Fprintf(&b, "  %s = %s\n", k, attrs[k])
	}
	b.WriteString("}\n")
	return b.String()
}

func with(base map[string]string, changes map[string]string, drop ...string) map[string]string {
	out := map[string]string{}
	for k, v := range base {
		out[k] = v
	}
	for k, v := range changes {
		out[k] = v
	}
	for _, k := range drop {
		delete(out, k)
	}
	return out
}

func id64(v int64) string { return strconv.FormatInt(v, 10) }

// contractDayIs checks the UTC day of a date the API holds.
func contractDayIs(what string, ts *int64, day string) error {
	if ts == nil {
		return fmt.Errorf("%s is null in ServiceTrade, want %s", what, day)
	}
	if got := time.Unix(*ts, 0).UTC().Format(time.DateOnly); got != day {
		return fmt.Errorf("%s is %d (%s) in ServiceTrade, want the day %s", what, *ts, got, day)
	}
	return nil
}

func getContract(t *testing.T, id string) (*api.Contract, error) {
	cid, err := strconv.ParseInt(id, 10, 64)
	if err != nil {
		return nil, fmt.Errorf("bad contract id %q", id)
	}
	return acctest.ServiceTradeClient(t).GetContract(context.Background(), cid)
}

// contractStaysID fails when the contract id in state is not *id.
func contractStaysID(addr string, id *string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		if got := s.RootModule().Resources[addr].Primary.ID; got != *id {
			return fmt.Errorf("%s id changed from %s to %s: the update replaced the contract", addr, *id, got)
		}
		return nil
	}
}

// contractReplaced records the new id after a replacement and checks that
// the old contract is still there, deactivated.
func contractReplaced(t *testing.T, addr string, id *string, ids *[]string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		old := *id
		got := s.RootModule().Resources[addr].Primary.ID
		if got == old {
			return fmt.Errorf("%s kept id %s: it was not replaced", addr, old)
		}
		c, err := getContract(t, old)
		if err != nil || c.Active {
			return fmt.Errorf("replaced contract %s: %+v, %v; want it to still exist, deactivated", old, c, err)
		}
		*id = got
		*ids = append(*ids, got)
		return nil
	}
}

func TestAccContract_lifecycle(t *testing.T) {
	preCheck(t)
	acctest.RequireEmulator(t) // references the emulator's seeded companies, users and terms
	refs := lookupContractRefs(t)
	name := acctest.RandomName("contract")
	var id string
	var ids []string
	created := map[string]string{
		"type": `"company"`, "name": strconv.Quote(name),
		"vendor_id": id64(refs.vendor), "customer_id": id64(refs.customer),
		"owner_id": id64(refs.owner), "job_terms_id": id64(refs.jobTerms), "payment_terms_id": id64(refs.paymentTerms),
		"starts_on": `"2026-03-01"`, "expires_on": `"2027-02-28T15:04:05Z"`,
		"description": `"Hwy 55 fire protection"`, "expected_revenue": "250000", "expected_margin": "12.50",
		"customer_po": `"PO-1"`, "invoice_detail_level": `["public", "items"]`,
	}
	updated := with(created, map[string]string{
		"name": strconv.Quote(name + "-renamed"), "customer_id": id64(refs.customer2), "location_id": id64(refs.location2),
		"sales_id": id64(refs.sales), "office_id": id64(refs.office), "quote_terms_id": id64(refs.quoteTerms),
		"expires_on": `"2027-03-31"`, "review_on": `"2026-09-01"`, "expected_revenue": "250000.00", "expected_margin": "15",
		"invoice_detail_level": `["items_by_type"]`, "quote_detail_level": `["by_type", "noprices"]`,
		"invoice_notes": `"Thank you for your business"`, "job_type": `"inspection"`,
	}, "owner_id", "description", "payment_terms_id")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             checkContractsDeactivated(t, &ids),
		Steps: []resource.TestStep{
			// Create: the dates, one a timestamp, stay as written while the
			// API holds their days; the second plan is empty.
			{
				Config: contractConfig(created),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(contractAddr, plancheck.ResourceActionCreate),
						plancheck.ExpectKnownValue(contractAddr, tfjsonpath.New("active"), knownvalue.Bool(true)),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(contractAddr, tfjsonpath.New("starts_on"), knownvalue.StringExact("2026-03-01")),
					statecheck.ExpectKnownValue(contractAddr, tfjsonpath.New("expires_on"), knownvalue.StringExact("2027-02-28T15:04:05Z")),
					statecheck.ExpectKnownValue(contractAddr, tfjsonpath.New("review_on"), knownvalue.Null()),
					statecheck.ExpectKnownValue(contractAddr, tfjsonpath.New("expected_margin"), knownvalue.Float64Exact(12.5)),
					statecheck.ExpectKnownValue(contractAddr, tfjsonpath.New("invoice_detail_level"), knownvalue.SetExact([]knownvalue.Check{
						knownvalue.StringExact("public"), knownvalue.StringExact("items"),
					})),
					// Omitted: ServiceTrade's default, kept as found.
					statecheck.ExpectKnownValue(contractAddr, tfjsonpath.New("quote_detail_level"), knownvalue.SetSizeExact(3)),
					statecheck.ExpectKnownValue(contractAddr, tfjsonpath.New("sales_id"), knownvalue.Null()),
					statecheck.ExpectKnownValue(contractAddr, tfjsonpath.New("revenue"), knownvalue.Null()),
					statecheck.ExpectKnownValue(contractAddr, tfjsonpath.New("complexity"), knownvalue.StringExact("simple")),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.Capture(contractAddr, "id", &id),
					func(*terraform.State) error { ids = append(ids, id); return nil },
					resource.TestCheckResourceAttr(contractAddr, "customer_po", "PO-1"),
					resource.TestCheckResourceAttr(contractAddr, "vendor_id", id64(refs.vendor)),
					resource.TestCheckResourceAttr(contractAddr, "owner_id", id64(refs.owner)),
					resource.TestCheckResourceAttr(contractAddr, "description", "Hwy 55 fire protection"),
					resource.TestCheckResourceAttr(contractAddr, "invoice_notes", ""),
					resource.TestMatchResourceAttr(contractAddr, "uri", regexp.MustCompile(`/contract/\d+$`)),
					resource.TestMatchResourceAttr(contractAddr, "created", regexp.MustCompile(`^\d{10}$`)),
					func(*terraform.State) error {
						c, err := getContract(t, id)
						if err != nil {
							return err
						}
						if err := contractDayIs("startsOn", c.StartsOn, "2026-03-01"); err != nil {
							return err
						}
						return contractDayIs("expiresOn", c.ExpiresOn, "2027-02-28")
					},
				),
			},
			// Update in place: new customer, owner cleared, dates, levels.
			{
				Config: contractConfig(updated),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(contractAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectUnknownValue(contractAddr, tfjsonpath.New("updated")),
						plancheck.ExpectKnownValue(contractAddr, tfjsonpath.New("created"), knownvalue.NotNull()),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					contractStaysID(contractAddr, &id),
					resource.TestCheckResourceAttr(contractAddr, "name", name+"-renamed"),
					resource.TestCheckResourceAttr(contractAddr, "customer_id", id64(refs.customer2)),
					resource.TestCheckResourceAttr(contractAddr, "location_id", id64(refs.location2)),
					resource.TestCheckNoResourceAttr(contractAddr, "owner_id"),
					resource.TestCheckNoResourceAttr(contractAddr, "payment_terms_id"),
					resource.TestCheckResourceAttr(contractAddr, "sales_id", id64(refs.sales)),
					resource.TestCheckResourceAttr(contractAddr, "description", ""),
					resource.TestCheckResourceAttr(contractAddr, "expires_on", "2027-03-31"),
					resource.TestCheckResourceAttr(contractAddr, "review_on", "2026-09-01"),
					resource.TestCheckResourceAttr(contractAddr, "job_type", "inspection"),
					resource.TestCheckResourceAttr(contractAddr, "quote_detail_level.#", "2"),
					func(*terraform.State) error {
						c, err := getContract(t, id)
						if err != nil {
							return err
						}
						if c.Owner != nil || c.PaymentTerms != nil || c.Description != "" || c.Customer == nil || c.Customer.ID != refs.customer2 {
							return fmt.Errorf("contract in ServiceTrade after update: %+v", c)
						}
						return contractDayIs("reviewOn", c.ReviewOn, "2026-09-01")
					},
				),
			},
			// Import by id.
			{
				ResourceName:      contractAddr,
				ImportState:       true,
				ImportStateVerify: true,
			},
			// Out-of-band change: the next plan shows it and apply reverts it.
			{
				PreConfig: func() {
					cid, _ := strconv.ParseInt(id, 10, 64)
					changed := "changed behind terraform"
					if _, err := acctest.ServiceTradeClient(t).UpdateContract(context.Background(), cid, api.ContractUpdate{
						Name: &changed, ContractFields: api.ContractFields{ExpectedMargin: api.Null[float64](), SalesID: api.Null[int64]()},
					}); err != nil {
						t.Fatal(err)
					}
				},
				Config: contractConfig(updated),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(contractAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(contractAddr, tfjsonpath.New("name"), knownvalue.StringExact(name+"-renamed")),
						plancheck.ExpectKnownValue(contractAddr, tfjsonpath.New("expected_margin"), knownvalue.Float64Exact(15)),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: contractStaysID(contractAddr, &id),
			},
			// Deactivated out of band: not accepted silently, but planned as
			// an update back to active.
			{
				PreConfig: func() {
					cid, _ := strconv.ParseInt(id, 10, 64)
					if err := acctest.ServiceTradeClient(t).DeactivateContract(context.Background(), cid, api.DeactivateOptions{}); err != nil {
						t.Fatal(err)
					}
				},
				Config: contractConfig(updated),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(contractAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(contractAddr, tfjsonpath.New("active"), knownvalue.Bool(true)),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					contractStaysID(contractAddr, &id),
					resource.TestCheckResourceAttr(contractAddr, "active", "true"),
					func(*terraform.State) error {
						if c, err := getContract(t, id); err != nil || !c.Active {
							return fmt.Errorf("after apply the contract is %+v, %v; want it active again", c, err)
						}
						return nil
					},
				),
			},
			// Destroy-time options change nothing in ServiceTrade.
			{
				Config: contractConfig(with(updated, map[string]string{"cancel_jobs": "true", "cancel_quotes": "true"})),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(contractAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					contractStaysID(contractAddr, &id),
					resource.TestCheckResourceAttr(contractAddr, "cancel_jobs", "true"),
				),
			},
			// customer_po is create-only: replacement, and the old contract
			// stays, deactivated.
			{
				Config: contractConfig(with(updated, map[string]string{"customer_po": `"PO-2"`})),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(contractAddr, plancheck.ResourceActionDestroyBeforeCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					contractReplaced(t, contractAddr, &id, &ids),
					resource.TestCheckResourceAttr(contractAddr, "customer_po", "PO-2"),
				),
			},
			// So is type.
			{
				Config: contractConfig(with(updated, map[string]string{"type": `"default"`, "customer_po": `"PO-2"`}, "customer_id", "location_id")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(contractAddr, plancheck.ResourceActionDestroyBeforeCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					contractReplaced(t, contractAddr, &id, &ids),
					resource.TestCheckResourceAttr(contractAddr, "type", "default"),
					resource.TestCheckNoResourceAttr(contractAddr, "customer_id"),
				),
			},
			// Removed behind Terraform's back (only ServiceTrade support
			// can: the emulator's hook): the next plan creates it again.
			{
				PreConfig: func() {
					run, err := acctest.Shared()
					if err != nil {
						t.Fatal(err)
					}
					cid, _ := strconv.ParseInt(id, 10, 64)
					if !run.ServiceTrade.RemoveContract(cid) {
						t.Fatalf("contract %d was not in the emulator", cid)
					}
					ids = slices.DeleteFunc(ids, func(s string) bool { return s == id })
				},
				Config: contractConfig(with(updated, map[string]string{"type": `"default"`, "customer_po": `"PO-2"`}, "customer_id", "location_id")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(contractAddr, plancheck.ResourceActionCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.Capture(contractAddr, "id", &id),
					func(*terraform.State) error { ids = append(ids, id); return nil },
				),
			},
		},
	})
}

// Dates as a date and as timestamps (one with a UTC offset) cause no
// second-plan diff; a change within the same day made outside
// Terraform is no change; a change of day is.
func TestAccContract_dates(t *testing.T) {
	preCheck(t)
	name := acctest.RandomName("contract-dates")
	var id string
	var ids []string
	config := fmt.Sprintf(`
resource "fieldservice_servicetrade_contract" "parent" {
  type = "template"
  name = "%[1]s-parent"
}

resource "fieldservice_servicetrade_contract" "test" {
  type       = "template"
  name       = %[1]q
  parent_id  = fieldservice_servicetrade_contract.parent.id
  starts_on  = "2026-03-01"
  expires_on = "2026-03-01T15:04:05Z"
  review_on  = "2026-03-01T10:30:00+02:00"
}
`, name)
	setExpiry := func(ts int64) func() {
		return func() {
			cid, _ := strconv.ParseInt(id, 10, 64)
			if _, err := acctest.ServiceTradeClient(t).UpdateContract(context.Background(), cid, api.ContractUpdate{
				ContractFields: api.ContractFields{ExpiresOn: api.Some(ts)},
			}); err != nil {
				t.Fatal(err)
			}
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             checkContractsDeactivated(t, &ids),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(contractAddr, tfjsonpath.New("starts_on"), knownvalue.StringExact("2026-03-01")),
					statecheck.ExpectKnownValue(contractAddr, tfjsonpath.New("expires_on"), knownvalue.StringExact("2026-03-01T15:04:05Z")),
					statecheck.ExpectKnownValue(contractAddr, tfjsonpath.New("review_on"), knownvalue.StringExact("2026-03-01T10:30:00+02:00")),
					statecheck.ExpectKnownValue(contractAddr, tfjsonpath.New("vendor_id"), knownvalue.Null()),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.Capture(contractAddr, "id", &id),
					func(s *terraform.State) error {
						for _, rs := range s.RootModule().Resources {
							ids = append(ids, rs.Primary.ID)
						}
						parent := s.RootModule().Resources["fieldservice_servicetrade_contract.parent"].Primary.ID
						c, err := getContract(t, id)
						if err != nil {
							return err
						}
						if c.Parent == nil || id64(c.Parent.ID) != parent {
							return fmt.Errorf("parent in ServiceTrade = %+v, want %s", c.Parent, parent)
						}
						for _, d := range []struct {
							what string
							ts   *int64
							day  string
						}{{"startsOn", c.StartsOn, "2026-03-01"}, {"expiresOn", c.ExpiresOn, "2026-03-01"}, {"reviewOn", c.ReviewOn, "2026-03-01"}} {
							if err := contractDayIs(d.what, d.ts, d.day); err != nil {
								return err
							}
						}
						return nil
					},
				),
			},
			// Another time of the same day, set outside Terraform: no diff.
			{
				PreConfig: setExpiry(time.Date(2026, 3, 1, 20, 0, 0, 0, time.UTC).Unix()),
				Config:    config,
				PlanOnly:  true,
			},
			// Another day: planned back.
			{
				PreConfig: setExpiry(time.Date(2026, 3, 5, 12, 0, 0, 0, time.UTC).Unix()),
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(contractAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(contractAddr, tfjsonpath.New("expires_on"), knownvalue.StringExact("2026-03-01T15:04:05Z")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: func(*terraform.State) error {
					c, err := getContract(t, id)
					if err != nil {
						return err
					}
					return contractDayIs("expiresOn", c.ExpiresOn, "2026-03-01")
				},
			},
		},
	})
}

// checkContractsDeactivated is deliberately not a "gone" check: ServiceTrade
// cannot delete contracts, so after destroy every contract the test made
// must still exist, deactivated.
func checkContractsDeactivated(t *testing.T, ids *[]string) func(*terraform.State) error {
	return func(*terraform.State) error {
		if len(*ids) == 0 {
			return fmt.Errorf("no contract id was captured")
		}
		for _, id := range *ids {
			c, err := getContract(t, id)
			if err != nil {
				return fmt.Errorf("contract %s after destroy: %v; want it to still exist, deactivated", id, err)
			}
			if c.Active {
				return fmt.Errorf("contract %s is still active after destroy; want it deactivated", id)
			}
		}
		return nil
	}
}
