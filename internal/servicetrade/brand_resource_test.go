package servicetrade_test

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
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

const brandAddr = "fieldservice_servicetrade_brand.test"

// brandConfig is the two seeded customer companies, looked up by name, and
// a brand of company `company` ("one" or "two") with the body given.
func brandConfig(company, body string) string {
	return fmt.Sprintf(`
data "fieldservice_servicetrade_company" "one" {
  name = %q
}

data "fieldservice_servicetrade_company" "two" {
  name = %q
}

resource "fieldservice_servicetrade_brand" "test" {
  company_id = data.fieldservice_servicetrade_company.%s.id
%s
}
`, emust.SeedCustomerCompanies[0], emust.SeedCustomerCompanies[1], company, body)
}

// brandKey is "<company_id>/<brand_id>" of the brand in state.
func brandKey(s *terraform.State) (string, error) {
	rs, ok := s.RootModule().Resources[brandAddr]
	if !ok {
		return "", fmt.Errorf("%s not in state", brandAddr)
	}
	return rs.Primary.Attributes["company_id"] + "/" + rs.Primary.ID, nil
}

func splitBrandKey(t *testing.T, key string) (int64, int64) {
	t.Helper()
	parts := strings.Split(key, "/")
	if len(parts) != 2 {
		t.Fatalf("bad brand key %q", key)
	}
	c, _ := strconv.ParseInt(parts[0], 10, 64)
	b, _ := strconv.ParseInt(parts[1], 10, 64)
	return c, b
}

// Note: the API cannot delete brands, so every run leaves the brands it
// created in the account (with random tfacc- names).
func TestAccBrand_lifecycle(t *testing.T) {
	preCheck(t)
	acctest.RequireEmulator(t) // uses the emulator's seeded companies
	name := acctest.RandomName("brand")
	var key string
	var keys []string
	capture := func(s *terraform.State) error {
		k, err := brandKey(s)
		if err == nil {
			key = k
			keys = append(keys, k)
		}
		return err
	}
	same := func(s *terraform.State) error {
		got, err := brandKey(s)
		if err == nil && got != key {
			err = fmt.Errorf("brand is now %s, was %s: the change replaced it", got, key)
		}
		return err
	}
	created := brandConfig("one", fmt.Sprintf(`  name     = %q
  web_site = "https://www.example.com"`, name))
	updated := brandConfig("one", fmt.Sprintf(`  name         = "%s-2"
  display_name = "Seafood Et Al"
  details      = "Coastal restaurants"`, name))
	moved := brandConfig("two", fmt.Sprintf(`  name         = "%s-2"
  display_name = "Seafood Et Al"
  details      = "Coastal restaurants"`, name))
	client := func() *api.Client { return acctest.ServiceTradeClient(t) }
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             checkBrandsStillExist(t, &keys),
		Steps: []resource.TestStep{
			// Create: display_name defaults to the name.
			{
				Config: created,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					capture,
					resource.TestCheckResourceAttr(brandAddr, "name", name),
					resource.TestCheckResourceAttr(brandAddr, "display_name", name),
					resource.TestCheckResourceAttr(brandAddr, "web_site", "https://www.example.com"),
					resource.TestCheckNoResourceAttr(brandAddr, "details"),
					resource.TestCheckNoResourceAttr(brandAddr, "logo_id"),
					resource.TestCheckResourceAttrPair(brandAddr, "company_id", "data.fieldservice_servicetrade_company.one", "id"),
					resource.TestMatchResourceAttr(brandAddr, "uri", regexp.MustCompile(`/company/\d+/brand/\d+$`)),
				),
			},
			// A plan-only re-plan is empty.
			{Config: created, PlanOnly: true, ExpectNonEmptyPlan: false},
			// Update in place: rename, display name, details; web_site
			// removed is cleared.
			{
				Config: updated,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(brandAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					same,
					resource.TestCheckResourceAttr(brandAddr, "name", name+"-2"),
					resource.TestCheckResourceAttr(brandAddr, "display_name", "Seafood Et Al"),
					resource.TestCheckResourceAttr(brandAddr, "details", "Coastal restaurants"),
					resource.TestCheckNoResourceAttr(brandAddr, "web_site"),
					func(*terraform.State) error {
						cid, bid := splitBrandKey(t, key)
						b, err := client().GetBrand(context.Background(), cid, bid)
						if err != nil || b.WebSite != nil || b.Name != name+"-2" || b.Details == nil {
							return fmt.Errorf("brand in ServiceTrade after update: %+v, %v", b, err)
						}
						return nil
					},
				),
			},
			// Import as <company_id>/<brand_id>.
			{
				ResourceName:      brandAddr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateIdFunc: brandKey,
			},
			// A malformed import id is explained.
			{
				ResourceName:  brandAddr,
				ImportState:   true,
				ImportStateId: "4294967310",
				ExpectError:   acctest.ErrorText(`the import ID of a brand is "<company_id>/<brand_id>", such as "4294967301/4294967310"; got "4294967310"`),
			},
			// Out-of-band change: the next plan shows it and apply reverts it.
			{
				PreConfig: func() {
					cid, bid := splitBrandKey(t, key)
					site := "https://changed.example.com"
					if _, err := client().UpdateBrand(context.Background(), cid, bid, api.BrandInput{Name: name + "-2", DisplayName: "Changed", WebSite: api.Some(site), Details: api.Null[string]()}); err != nil {
						t.Fatal(err)
					}
				},
				Config: updated,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(brandAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(brandAddr, tfjsonpath.New("display_name"), knownvalue.StringExact("Seafood Et Al")),
						plancheck.ExpectKnownValue(brandAddr, tfjsonpath.New("web_site"), knownvalue.Null()),
						plancheck.ExpectKnownValue(brandAddr, tfjsonpath.New("details"), knownvalue.StringExact("Coastal restaurants")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(same,
					resource.TestCheckResourceAttr(brandAddr, "display_name", "Seafood Et Al"),
					resource.TestCheckNoResourceAttr(brandAddr, "web_site")),
			},
			// Another company forces replacement; the old brand stays.
			{
				Config: moved,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(brandAddr, plancheck.ResourceActionDestroyBeforeCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					func(s *terraform.State) error {
						old := key
						if err := capture(s); err != nil {
							return err
						}
						if key == old {
							return fmt.Errorf("brand %s was not replaced", old)
						}
						return nil
					},
					resource.TestCheckResourceAttrPair(brandAddr, "company_id", "data.fieldservice_servicetrade_company.two", "id"),
					resource.TestCheckResourceAttr(brandAddr, "display_name", "Seafood Et Al"),
				),
			},
		},
	})
}

// Deleted behind Terraform's back (only ServiceTrade support can, so this
// needs the emulator's hook): the next plan creates it again.
func TestAccBrand_removedOutOfBand(t *testing.T) {
	preCheck(t)
	acctest.RequireEmulator(t)
	name := acctest.RandomName("brand-oob")
	var first, key string
	config := brandConfig("one", fmt.Sprintf("  name = %q", name))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(s *terraform.State) (err error) {
					first, err = brandKey(s)
					return err
				},
			},
			{
				PreConfig: func() {
					run, err := acctest.Shared()
					if err != nil {
						t.Fatal(err)
					}
					_, bid := splitBrandKey(t, first)
					if !run.ServiceTrade.RemoveBrand(bid) {
						t.Fatalf("brand %d was not in the emulator", bid)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(brandAddr, plancheck.ResourceActionCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: func(s *terraform.State) (err error) {
					if key, err = brandKey(s); err == nil && key == first {
						err = fmt.Errorf("the brand was not created again (%s)", key)
					}
					return err
				},
			},
		},
	})
}

// A second brand of a name in one company is refused with the way to import
// the existing one, at creation and on a rename; the same name in another
// company is fine. A logo id ServiceTrade does not know fails with its
// message.
func TestAccBrand_naturalKey(t *testing.T) {
	preCheck(t)
	acctest.RequireEmulator(t)
	name := acctest.RandomName("brand-key")
	var existing string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		PreCheck: func() {
			ctx := context.Background()
			c := acctest.ServiceTradeClient(t)
			companies, err := c.ListCompanies(ctx, api.CompanyFilter{Name: emust.SeedCustomerCompanies[0]})
			if err != nil || len(companies) == 0 {
				t.Fatalf("finding company %q: %v, %v", emust.SeedCustomerCompanies[0], companies, err)
			}
			cid := companies[0].ID
			b, err := c.CreateBrand(ctx, cid, api.BrandInput{Name: name})
			if err != nil {
				t.Fatal(err)
			}
			existing = fmt.Sprintf("%d/%d", cid, b.ID)
			if _, err := c.CreateBrand(ctx, cid, api.BrandInput{Name: name + "-other"}); err != nil {
				t.Fatal(err)
			}
		},
		Steps: []resource.TestStep{
			{
				Config: brandConfig("one", fmt.Sprintf("  name = %q", name)),
				ExpectError: regexp.MustCompile(`(?s)already\s+exists.*terraform\s+import\s+fieldservice_servicetrade_brand\.<name>\s+` +
					regexp.QuoteMeta(existing)),
			},
			// Another company may have a brand of the same name.
			{
				Config: brandConfig("two", fmt.Sprintf("  name = %q", name)),
				Check:  resource.TestCheckResourceAttr(brandAddr, "name", name),
			},
			{
				Config:      brandConfig("two", fmt.Sprintf("  name = %q\n  logo_id = 4294967297", name)),
				ExpectError: acctest.ErrorText(`logoId 4294967297 does not exist`),
			},
			// Renaming onto another brand's name of the same company is
			// refused.
			{
				Config: brandConfig("one", fmt.Sprintf("  name = \"%s-mine\"", name)),
			},
			{
				Config:      brandConfig("one", fmt.Sprintf("  name = \"%s-other\"", name)),
				ExpectError: acctest.ErrorText(fmt.Sprintf(`already has a brand named "%s-other"`, name)),
			},
		},
	})
}

// checkBrandsStillExist is deliberately the opposite of a usual destroy
// check: ServiceTrade cannot delete brands, so after destroy (or
// replacement) every brand the test created must still be there.
func checkBrandsStillExist(t *testing.T, keys *[]string) func(*terraform.State) error {
	return func(*terraform.State) error {
		if len(*keys) == 0 {
			return fmt.Errorf("no brand was captured")
		}
		for _, k := range *keys {
			cid, bid := splitBrandKey(t, k)
			if _, err := acctest.ServiceTradeClient(t).GetBrand(context.Background(), cid, bid); err != nil {
				return fmt.Errorf("brand %s should still exist in ServiceTrade after destroy, but reading it failed: %v", k, err)
			}
		}
		return nil
	}
}
