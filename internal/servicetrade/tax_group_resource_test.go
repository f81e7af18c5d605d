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
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

const taxGroupAddr = "fieldservice_servicetrade_tax_group.test"

// taxGroupConfig is one tax group; extra holds further arguments.
func taxGroupConfig(code, name, state, rate, extra string) string {
	return fmt.Sprintf(`
resource "fieldservice_servicetrade_tax_group" "test" {
  code          = %q
  name          = %q
  state         = %q
  combined_rate = %s
  %s
}
`, code, name, state, rate, extra)
}

// taxGroupCode is a random tax group code within the 40 characters.
func taxGroupCode(prefix string) string {
	code := strings.ToUpper(strings.TrimPrefix(acctest.RandomName(prefix), "tfacc-"))
	if len(code) > 40 {
		code = code[:40]
	}
	return code
}

func taxGroupID(t *testing.T, raw string) int64 {
	t.Helper()
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		t.Fatalf("tax group id %q is not numeric", raw)
	}
	return id
}

func TestAccTaxGroup_lifecycle(t *testing.T) {
	preCheck(t)
	code := taxGroupCode("tg")
	recoded := code + "-2"
	var id string
	var ids []string
	keep := func(*terraform.State) error {
		ids = append(ids, id)
		return nil
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             checkTaxGroupsDestroyed(t, &ids),
		Steps: []resource.TestStep{
			// Create; the second plan is empty.
			{
				Config: taxGroupConfig(code, "Wake County", "NC", "0.085", `postal_codes = ["27513", "27607"]`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(taxGroupAddr, plancheck.ResourceActionCreate),
						plancheck.ExpectKnownValue(taxGroupAddr, tfjsonpath.New("allow_duplicate"), knownvalue.Bool(false)),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.Capture(taxGroupAddr, "id", &id), keep,
					resource.TestCheckResourceAttr(taxGroupAddr, "code", code),
					resource.TestCheckResourceAttr(taxGroupAddr, "name", "Wake County"),
					resource.TestCheckResourceAttr(taxGroupAddr, "state", "NC"),
					resource.TestCheckResourceAttr(taxGroupAddr, "combined_rate", "0.085"),
					resource.TestCheckResourceAttr(taxGroupAddr, "postal_codes.#", "2"),
					resource.TestCheckTypeSetElemAttr(taxGroupAddr, "postal_codes.*", "27513"),
					resource.TestCheckTypeSetElemAttr(taxGroupAddr, "postal_codes.*", "27607"),
					resource.TestCheckResourceAttrSet(taxGroupAddr, "created"),
					resource.TestCheckResourceAttrSet(taxGroupAddr, "updated"),
					resource.TestMatchResourceAttr(taxGroupAddr, "uri", regexp.MustCompile(`/taxgroup/\d+$`)),
				),
			},
			// An empty re-plan, as a plan-only step.
			{
				Config:             taxGroupConfig(code, "Wake County", "NC", "0.085", `postal_codes = ["27607", "27513"]`),
				PlanOnly:           true,
				ExpectNonEmptyPlan: false,
			},
			// Every attribute changes in place, the code and state included;
			// the postal codes are replaced as a whole.
			{
				Config: taxGroupConfig(recoded, "Brooklyn NYC", "NYC", "0.0975", `postal_codes = ["11203", "11204", "02108"]`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(taxGroupAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(taxGroupAddr, tfjsonpath.New("id"), knownvalue.NotNull()),
						plancheck.ExpectKnownValue(taxGroupAddr, tfjsonpath.New("created"), knownvalue.NotNull()),
						plancheck.ExpectUnknownValue(taxGroupAddr, tfjsonpath.New("updated")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrPtr(taxGroupAddr, "id", &id),
					resource.TestCheckResourceAttr(taxGroupAddr, "code", recoded),
					resource.TestCheckResourceAttr(taxGroupAddr, "name", "Brooklyn NYC"),
					resource.TestCheckResourceAttr(taxGroupAddr, "state", "NYC"),
					resource.TestCheckResourceAttr(taxGroupAddr, "combined_rate", "0.0975"),
					resource.TestCheckResourceAttr(taxGroupAddr, "postal_codes.#", "3"),
					resource.TestCheckTypeSetElemAttr(taxGroupAddr, "postal_codes.*", "02108"),
				),
			},
			// Import by id.
			{
				ResourceName:      taxGroupAddr,
				ImportState:       true,
				ImportStateVerify: true,
			},
			// A rate ServiceTrade stores with less precision than configured
			// (the emulator keeps six decimal places) is the same rate: after
			// the update, the plan is empty and the state keeps the
			// configured value.
			{
				Config: taxGroupConfig(recoded, "Brooklyn NYC", "NYC", "0.0987500001", `postal_codes = ["11203", "11204", "02108"]`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(taxGroupAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(taxGroupAddr, "combined_rate", "0.0987500001"),
					func(*terraform.State) error {
						if acctest.Live() {
							return nil
						}
						tg, err := acctest.ServiceTradeClient(t).GetTaxGroup(context.Background(), taxGroupID(t, id))
						if err != nil || tg.CombinedRate != 0.09875 {
							return fmt.Errorf("tax group as stored = %+v, %v; want the emulator's rate 0.09875", tg, err)
						}
						return nil
					},
				),
			},
			// Out-of-band change: the next plan shows it and apply reverts it.
			{
				PreConfig: func() {
					if _, err := acctest.ServiceTradeClient(t).UpdateTaxGroup(context.Background(), taxGroupID(t, id), api.TaxGroupInput{
						Code: recoded, Name: "Changed elsewhere", State: "NY", CombinedRate: 0.05, PostalCodes: []string{"10001"},
					}); err != nil {
						t.Fatal(err)
					}
				},
				Config: taxGroupConfig(recoded, "Brooklyn NYC", "NYC", "0.0987500001", `postal_codes = ["11203", "11204", "02108"]`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(taxGroupAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(taxGroupAddr, tfjsonpath.New("name"), knownvalue.StringExact("Brooklyn NYC")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrPtr(taxGroupAddr, "id", &id),
					resource.TestCheckResourceAttr(taxGroupAddr, "name", "Brooklyn NYC"),
					resource.TestCheckResourceAttr(taxGroupAddr, "state", "NYC"),
					resource.TestCheckResourceAttr(taxGroupAddr, "postal_codes.#", "3"),
					func(*terraform.State) error {
						tg, err := acctest.ServiceTradeClient(t).GetTaxGroup(context.Background(), taxGroupID(t, id))
						if err != nil || tg.Name != "Brooklyn NYC" || len(tg.PostalCodes) != 3 || tg.CombinedRate < 0.0987 || tg.CombinedRate > 0.0988 {
							return fmt.Errorf("tax group after the revert = %+v, %v", tg, err)
						}
						return nil
					},
				),
			},
			// Removing postal_codes clears them; allow_duplicate alone
			// changes nothing in ServiceTrade.
			{
				Config: taxGroupConfig(recoded, "Brooklyn NYC", "NYC", "0.0987500001", `allow_duplicate = true`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(taxGroupAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(taxGroupAddr, "postal_codes.#", "0"),
					resource.TestCheckResourceAttr(taxGroupAddr, "allow_duplicate", "true"),
				),
			},
			{
				Config: taxGroupConfig(recoded, "Brooklyn NYC", "NYC", "0.0987500001", ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(taxGroupAddr, plancheck.ResourceActionUpdate),
						// No request is made, so updated is known.
						plancheck.ExpectKnownValue(taxGroupAddr, tfjsonpath.New("updated"), knownvalue.NotNull()),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.TestCheckResourceAttr(taxGroupAddr, "allow_duplicate", "false"),
			},
			// Out-of-band deletion: removed from state, planned for creation.
			{
				PreConfig: func() {
					if err := acctest.ServiceTradeClient(t).DeleteTaxGroup(context.Background(), taxGroupID(t, id)); err != nil {
						t.Fatal(err)
					}
				},
				Config: taxGroupConfig(recoded, "Brooklyn NYC", "NYC", "0.0987500001", ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(taxGroupAddr, plancheck.ResourceActionCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(acctest.Capture(taxGroupAddr, "id", &id), keep),
			},
		},
	})
}

// A tax group made outside Terraform with a rate such as 0.0975, adopted
// with an import block and a configuration written by hand (or generated)
// with that rate, plans no change: the configuration's exact decimal and
// the float ServiceTrade returns are the same rate. A change of
// allow_duplicate alone at the same time makes no request (ServiceTrade
// moves `updated` on every update, so a request would not match the plan).
func TestAccTaxGroup_adoptHandWrittenRate(t *testing.T) {
	preCheck(t)
	ctx := context.Background()
	c := acctest.ServiceTradeClient(t)
	plain, flagged := taxGroupCode("tgadopt"), taxGroupCode("tgadoptdup")
	var ids []string
	made := map[string]*api.TaxGroup{}
	for _, code := range []string{plain, flagged} {
		tg, err := c.CreateTaxGroup(ctx, api.TaxGroupInput{Code: code, Name: "Los Angeles", State: "CA", CombinedRate: 0.0975,
			PostalCodes: []string{"90024", "90025"}})
		if err != nil {
			t.Fatal(err)
		}
		made[code] = tg
		ids = append(ids, strconv.FormatInt(tg.ID, 10))
	}
	config := fmt.Sprintf(`
import {
  to = fieldservice_servicetrade_tax_group.plain
  id = "%d"
}
import {
  to = fieldservice_servicetrade_tax_group.flagged
  id = "%d"
}
resource "fieldservice_servicetrade_tax_group" "plain" {
  code          = %q
  name          = "Los Angeles"
  state         = "CA"
  combined_rate = 0.0975
  postal_codes  = ["90024", "90025"]
}
resource "fieldservice_servicetrade_tax_group" "flagged" {
  code            = %q
  name            = "Los Angeles"
  state           = "CA"
  combined_rate   = 0.0975
  postal_codes    = ["90025", "90024"]
  allow_duplicate = true
}
`, made[plain].ID, made[flagged].ID, plain, flagged)
	const plainAddr, flaggedAddr = "fieldservice_servicetrade_tax_group.plain", "fieldservice_servicetrade_tax_group.flagged"
	unchanged := func(*terraform.State) error {
		for code, before := range made {
			tg, err := c.GetTaxGroup(ctx, before.ID)
			if err != nil || tg.Updated != before.Updated || tg.CombinedRate != 0.0975 {
				return fmt.Errorf("tax group %s after the adoption = %+v, %v; want it untouched (updated %d, rate 0.0975)", code, tg, err, before.Updated)
			}
		}
		return nil
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             checkTaxGroupsDestroyed(t, &ids),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(plainAddr, plancheck.ResourceActionNoop),
						plancheck.ExpectKnownValue(plainAddr, tfjsonpath.New("updated"), knownvalue.Int64Exact(made[plain].Updated)),
						plancheck.ExpectResourceAction(flaggedAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(flaggedAddr, tfjsonpath.New("updated"), knownvalue.Int64Exact(made[flagged].Updated)),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(plainAddr, "combined_rate", "0.0975"),
					resource.TestCheckResourceAttr(flaggedAddr, "allow_duplicate", "true"),
					unchanged,
				),
			},
			// The same configuration, from the saved state, plans nothing.
			{Config: config, PlanOnly: true},
		},
	})
}

// A tax group code is a natural key: a create whose code another tax group
// has is refused with the way to import it, as is a change of code to one
// another tax group has, unless allow_duplicate is set.
func TestAccTaxGroup_codeIsNaturalKey(t *testing.T) {
	preCheck(t)
	taken := taxGroupCode("tgtaken")
	mine := taxGroupCode("tgmine")
	ctx := context.Background()
	var other int64
	var id string
	var ids []string
	countTaken := func() (int, error) {
		list, err := acctest.ServiceTradeClient(t).ListTaxGroups(ctx, api.TaxGroupFilter{Code: taken})
		n := 0
		for _, tg := range list {
			if tg.Code == taken {
				n++
			}
		}
		return n, err
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy: func(s *terraform.State) error {
			if err := checkTaxGroupsDestroyed(t, &ids)(s); err != nil {
				return err
			}
			// The tax group made outside Terraform is left alone.
			_, err := acctest.ServiceTradeClient(t).GetTaxGroup(ctx, other)
			if err != nil {
				return fmt.Errorf("the tax group made outside Terraform: %w", err)
			}
			return acctest.ServiceTradeClient(t).DeleteTaxGroup(ctx, other)
		},
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					tg, err := acctest.ServiceTradeClient(t).CreateTaxGroup(ctx, api.TaxGroupInput{Code: taken, Name: "Made elsewhere", State: "NC", CombinedRate: 0.07})
					if err != nil {
						t.Fatal(err)
					}
					other = tg.ID
				},
				Config:      taxGroupConfig(taken, "Mine", "NC", "0.07", ""),
				ExpectError: regexp.MustCompile(`(?s)A\s+ServiceTrade\s+tax\s+group\s+with\s+code\s+"` + regexp.QuoteMeta(taken) + `"\s+already\s+exists.*terraform\s+import\s+fieldservice_servicetrade_tax_group\.<name>\s+\d+`),
			},
			{
				Config: taxGroupConfig(mine, "Mine", "NC", "0.07", ""),
				Check: resource.ComposeAggregateTestCheckFunc(acctest.Capture(taxGroupAddr, "id", &id), func(*terraform.State) error {
					ids = append(ids, id)
					if n, err := countTaken(); err != nil || n != 1 {
						return fmt.Errorf("%d tax groups have the code %s (%v), want 1", n, taken, err)
					}
					return nil
				}),
			},
			// Taking the other group's code by an update is refused too.
			{
				Config:      taxGroupConfig(taken, "Mine", "NC", "0.07", ""),
				ExpectError: regexp.MustCompile(`(?s)Another\s+ServiceTrade\s+tax\s+group\s+already\s+has\s+the\s+code\s+"` + regexp.QuoteMeta(taken) + `"\s+\(id\s+\d+\).*allow_duplicate\s+=\s+true`),
			},
			// allow_duplicate shares it on purpose.
			{
				Config: taxGroupConfig(taken, "Mine", "NC", "0.07", "allow_duplicate = true"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrPtr(taxGroupAddr, "id", &id),
					resource.TestCheckResourceAttr(taxGroupAddr, "code", taken),
					func(*terraform.State) error {
						if n, err := countTaken(); err != nil || n != 2 {
							return fmt.Errorf("%d tax groups have the code %s (%v), want 2", n, taken, err)
						}
						return nil
					},
				),
			},
		},
	})
}

// When the answer to the create is lost, the tax groups with the code are
// listed: the one that was created is named with its import id (codes are
// not unique, so it is not adopted, and the create is not sent again);
// importing it then manages it.
func TestAccTaxGroup_lostCreateAnswerIsExplained(t *testing.T) {
	l := newLostCreate(t, "/taxgroup")
	const code = "LOST-ANSWER"
	cfg := l.config(fmt.Sprintf(`
resource "fieldservice_servicetrade_tax_group" "lost" {
  code          = %q
  name          = "Lost answer"
  state         = "NC"
  combined_rate = 0.0725
  postal_codes  = ["27601"]
}
`, code))
	withCode := func() ([]string, error) {
		list, err := l.client.ListTaxGroups(context.Background(), api.TaxGroupFilter{Code: code})
		var ids []string
		for _, tg := range list {
			if tg.Code == code {
				ids = append(ids, fmt.Sprint(tg.ID))
			}
		}
		return ids, err
	}
	var explained bool
	var id string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		ErrorCheck:               acctest.LostCreateErrorCheck(fmt.Sprintf("Creating ServiceTrade tax group %q failed", code), "fieldservice_servicetrade_tax_group", withCode, &explained),
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
					ids, err := withCode()
					if err != nil || len(ids) != 1 {
						t.Fatalf("tax groups with code %q: %v %v; want exactly 1", code, ids, err)
					}
					id = ids[0]
				},
				Config:             cfg,
				ResourceName:       "fieldservice_servicetrade_tax_group.lost",
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
					if ids, err := withCode(); err != nil || len(ids) != 1 {
						return fmt.Errorf("tax groups with code %q: %v %v; want exactly 1", code, ids, err)
					}
					return nil
				},
			},
		},
	})
}

// Bad values fail at plan time, with a message naming the attribute.
func TestAccTaxGroup_planTimeValidation(t *testing.T) {
	preCheck(t)
	cases := []struct {
		config string
		want   *regexp.Regexp
	}{
		{taxGroupConfig(strings.Repeat("C", 41), "n", "NC", "0.05", ""), acctest.ErrorText(`Attribute code UTF-8 character count must be between 1 and 40, got: 41`)},
		{taxGroupConfig("", "n", "NC", "0.05", ""), acctest.ErrorText(`Attribute code UTF-8 character count must be between 1 and 40, got: 0`)},
		{taxGroupConfig("C", strings.Repeat("é", 101), "NC", "0.05", ""), acctest.ErrorText(`Attribute name UTF-8 character count must be between 1 and 100, got: 101`)},
		{taxGroupConfig("C", "n", "", "0.05", ""), acctest.ErrorText(`Attribute state string length must be at least 1, got: 0`)},
		{taxGroupConfig("C", "n", "NC", "8.5", ""), regexp.MustCompile(`Attribute combined_rate value must be between 0\.0+ and 1\.0+,\s+got:\s+8\.50*`)},
		{taxGroupConfig("C", "n", "NC", "-0.01", ""), regexp.MustCompile(`Attribute combined_rate value must be between 0\.0+ and 1\.0+,\s+got:\s+-0\.010*`)},
		{taxGroupConfig("C", "n", "NC", "0.05", `postal_codes = ["27513", ""]`), regexp.MustCompile(`Attribute postal_codes\[Value\(""\)\] string length must be at\s+least 1, got: 0`)},
	}
	steps := make([]resource.TestStep, 0, len(cases)+1)
	for _, tc := range cases {
		steps = append(steps, resource.TestStep{Config: tc.config, PlanOnly: true, ExpectError: tc.want})
	}
	steps = append(steps, resource.TestStep{
		Config: `
resource "fieldservice_servicetrade_tax_group" "test" {
  name          = "n"
  state         = "NC"
  combined_rate = 0.05
}
`,
		PlanOnly:    true,
		ExpectError: acctest.ErrorText(`The argument "code" is required, but no definition was found.`),
	})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps:                    steps,
	})
}

// checkTaxGroupsDestroyed asserts that every tax group the test created is
// gone.
func checkTaxGroupsDestroyed(t *testing.T, ids *[]string) func(*terraform.State) error {
	return func(*terraform.State) error {
		if len(*ids) == 0 {
			return fmt.Errorf("no tax group id was captured")
		}
		for _, raw := range *ids {
			id, err := strconv.ParseInt(raw, 10, 64)
			if err != nil {
				return fmt.Errorf("captured tax group id %q is not numeric", raw)
			}
			_, err = acctest.ServiceTradeClient(t).GetTaxGroup(context.Background(), id)
			if !api.IsNotFound(err) {
				return fmt.Errorf("tax group %d still exists after destroy (err=%v)", id, err)
			}
		}
		return nil
	}
}
