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

const (
	ruleAddr   = "fieldservice_servicetrade_contract_rule.test"
	chargeAddr = "fieldservice_servicetrade_contract_rule.charge"
)

// ruleConfig is two template contracts, the seeded lib items and service
// lines looked up by code and abbreviation, and the rules given.
func ruleConfig(name, rules string) string {
	return fmt.Sprintf(`
resource "fieldservice_servicetrade_contract" "one" {
  type = "template"
  name = "%[1]s-one"
}

resource "fieldservice_servicetrade_contract" "two" {
  type = "template"
  name = "%[1]s-two"
}

data "fieldservice_servicetrade_lib_item" "labor" {
  code = "LAB-INSP"
}

data "fieldservice_servicetrade_lib_item" "overtime" {
  code = "LAB-INSP-OT"
}

data "fieldservice_servicetrade_service_line" "sprinkler" {
  abbreviation = "SPRK"
}

data "fieldservice_servicetrade_service_line" "suppression" {
  abbreviation = "SUPP"
}
%[2]s`, name, rules)
}

func ruleBlock(label, body string) string {
	return fmt.Sprintf("\nresource \"fieldservice_servicetrade_contract_rule\" %q {\n%s\n}\n", label, body)
}

// ruleKey is "<contract_id>/<rule_id>" of a rule in state, its import id.
func ruleKey(s *terraform.State, addr string) (string, error) {
	rs, ok := s.RootModule().Resources[addr]
	if !ok {
		return "", fmt.Errorf("%s not in state", addr)
	}
	return rs.Primary.Attributes["contract_id"] + "/" + rs.Primary.ID, nil
}

func captureRule(addr string, key *string, keys *[]string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		k, err := ruleKey(s, addr)
		if err != nil {
			return err
		}
		*key = k
		*keys = append(*keys, k)
		return nil
	}
}

func splitRuleKey(t *testing.T, key string) (int64, int64) {
	t.Helper()
	parts := strings.Split(key, "/")
	if len(parts) != 2 {
		t.Fatalf("bad rule key %q", key)
	}
	c, _ := strconv.ParseInt(parts[0], 10, 64)
	r, _ := strconv.ParseInt(parts[1], 10, 64)
	return c, r
}

func TestAccContractRule_lifecycle(t *testing.T) {
	preCheck(t)
	acctest.RequireEmulator(t) // uses the emulator's seeded lib items and service lines
	name := acctest.RandomName("rule")
	var key, chargeKey string
	var keys []string
	unit := func(body string) string {
		return ruleBlock("test", `  contract_id = fieldservice_servicetrade_contract.one.id
  type        = "unit"
`+body)
	}
	created := unit(`  name         = "Inspection labor, first 5 hours"
  price        = 30.00
  threshold    = 5
  lib_item_ids = [data.fieldservice_servicetrade_lib_item.labor.id]`)
	updated := unit(`  name         = "Inspection labor"
  price        = 39.99
  lib_item_ids = [data.fieldservice_servicetrade_lib_item.labor.id, data.fieldservice_servicetrade_lib_item.overtime.id]`)
	charge := func(line string) string {
		return ruleBlock("charge", `  contract_id     = fieldservice_servicetrade_contract.one.id
  type            = "additionalcharge"
  name            = "Sprinkler trip charge"
  price           = 5
  lib_item_ids    = [data.fieldservice_servicetrade_lib_item.labor.id]
  service_line_id = data.fieldservice_servicetrade_service_line.`+line+`.id`)
	}
	sameRule := func(addr string, want *string) resource.TestCheckFunc {
		return func(s *terraform.State) error {
			got, err := ruleKey(s, addr)
			if err == nil && got != *want {
				err = fmt.Errorf("%s is now %s, was %s: the update replaced it", addr, got, *want)
			}
			return err
		}
	}
	replaced := func(addr string) resource.TestCheckFunc {
		return func(s *terraform.State) error {
			got, err := ruleKey(s, addr)
			if err != nil {
				return err
			}
			if got == key {
				return fmt.Errorf("%s kept %s: it was not replaced", addr, key)
			}
			cid, rid := splitRuleKey(t, key)
			if _, err := acctest.ServiceTradeClient(t).GetContractRule(context.Background(), cid, rid); !api.IsNotFound(err) {
				return fmt.Errorf("replaced rule %s still exists (err=%v)", key, err)
			}
			key = got
			keys = append(keys, got)
			return nil
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             checkContractRulesDestroyed(t, &keys),
		Steps: []resource.TestStep{
			// Create; 30.00 reads back as 30 without a diff.
			{
				Config: ruleConfig(name, created+charge("sprinkler")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					captureRule(ruleAddr, &key, &keys),
					captureRule(chargeAddr, &chargeKey, &keys),
					resource.TestCheckResourceAttr(ruleAddr, "price", "30"),
					resource.TestCheckResourceAttr(ruleAddr, "threshold", "5"),
					resource.TestCheckResourceAttr(ruleAddr, "lib_item_ids.#", "1"),
					resource.TestCheckResourceAttrPair(ruleAddr, "lib_item_ids.0", "data.fieldservice_servicetrade_lib_item.labor", "id"),
					resource.TestCheckNoResourceAttr(ruleAddr, "service_line_id"),
					resource.TestCheckResourceAttrPair(ruleAddr, "contract_id", "fieldservice_servicetrade_contract.one", "id"),
					resource.TestMatchResourceAttr(ruleAddr, "uri", regexp.MustCompile(`/contract/\d+/rule/\d+$`)),
					resource.TestCheckResourceAttrPair(chargeAddr, "service_line_id", "data.fieldservice_servicetrade_service_line.sprinkler", "id"),
					resource.TestCheckResourceAttr(chargeAddr, "price", "5"),
					resource.TestCheckNoResourceAttr(chargeAddr, "threshold"),
				),
			},
			// Update in place: name, price, threshold removed, one more item;
			// the additional charge moves to another service line.
			{
				Config: ruleConfig(name, updated+charge("suppression")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(ruleAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectResourceAction(chargeAddr, plancheck.ResourceActionUpdate),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					sameRule(ruleAddr, &key),
					sameRule(chargeAddr, &chargeKey),
					resource.TestCheckResourceAttr(ruleAddr, "name", "Inspection labor"),
					resource.TestCheckResourceAttr(ruleAddr, "price", "39.99"),
					resource.TestCheckNoResourceAttr(ruleAddr, "threshold"),
					resource.TestCheckResourceAttr(ruleAddr, "lib_item_ids.#", "2"),
					resource.TestCheckResourceAttrPair(chargeAddr, "service_line_id", "data.fieldservice_servicetrade_service_line.suppression", "id"),
					func(*terraform.State) error {
						cid, rid := splitRuleKey(t, key)
						r, err := acctest.ServiceTradeClient(t).GetContractRule(context.Background(), cid, rid)
						if err != nil || r.Threshold != nil || len(r.LibItems) != 2 || r.Price != 39.99 {
							return fmt.Errorf("rule in ServiceTrade after update: %+v, %v", r, err)
						}
						return nil
					},
				),
			},
			// Import as <contract_id>/<rule_id>.
			{
				ResourceName:      ruleAddr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateIdFunc: func(s *terraform.State) (string, error) { return ruleKey(s, ruleAddr) },
			},
			{
				ResourceName:      chargeAddr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateIdFunc: func(s *terraform.State) (string, error) { return ruleKey(s, chargeAddr) },
			},
			// A malformed import id is explained.
			{
				ResourceName:  ruleAddr,
				ImportState:   true,
				ImportStateId: "4294967301",
				ExpectError:   regexp.MustCompile(`(?s)Invalid import ID for fieldservice_servicetrade_contract_rule.*the\s+import\s+ID\s+of\s+a\s+contract\s+rule\s+is\s+"<contract_id>/<rule_id>",\s+such\s+as\s+"4294967301/4294967310";\s+got\s+"4294967301"`),
			},
			// Out-of-band change: the next plan shows it and apply reverts it.
			{
				PreConfig: func() {
					cid, rid := splitRuleKey(t, key)
					price := 12.5
					if _, err := acctest.ServiceTradeClient(t).UpdateContractRule(context.Background(), cid, rid, api.ContractRuleUpdate{Price: &price, LibItemIDs: []int64{}}); err != nil {
						t.Fatal(err)
					}
				},
				Config: ruleConfig(name, updated+charge("suppression")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(ruleAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(ruleAddr, tfjsonpath.New("price"), knownvalue.Float64Exact(39.99)),
						plancheck.ExpectKnownValue(ruleAddr, tfjsonpath.New("lib_item_ids"), knownvalue.SetSizeExact(2)),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: sameRule(ruleAddr, &key),
			},
			// Out-of-band deletion: removed from state, planned for creation.
			{
				PreConfig: func() {
					cid, rid := splitRuleKey(t, key)
					if err := acctest.ServiceTradeClient(t).DeleteContractRule(context.Background(), cid, rid); err != nil {
						t.Fatal(err)
					}
				},
				Config: ruleConfig(name, updated+charge("suppression")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(ruleAddr, plancheck.ResourceActionCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: captureRule(ruleAddr, &key, &keys),
			},
			// A new type replaces the rule.
			{
				Config: ruleConfig(name, strings.Replace(updated, `"unit"`, `"stack"`, 1)+charge("suppression")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(ruleAddr, plancheck.ResourceActionDestroyBeforeCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					replaced(ruleAddr),
					resource.TestCheckResourceAttr(ruleAddr, "type", "stack"),
				),
			},
			// So does another contract.
			{
				Config: ruleConfig(name, strings.Replace(strings.Replace(updated, `"unit"`, `"stack"`, 1), "contract.one", "contract.two", 1)+charge("suppression")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(ruleAddr, plancheck.ResourceActionDestroyBeforeCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					replaced(ruleAddr),
					resource.TestCheckResourceAttrPair(ruleAddr, "contract_id", "fieldservice_servicetrade_contract.two", "id"),
				),
			},
		},
	})
}

// checkContractRulesDestroyed asserts that every rule the test made is gone
// (the contracts themselves stay, deactivated).
func checkContractRulesDestroyed(t *testing.T, keys *[]string) func(*terraform.State) error {
	return func(*terraform.State) error {
		if len(*keys) == 0 {
			return fmt.Errorf("no contract rule was captured")
		}
		c := acctest.ServiceTradeClient(t)
		for _, k := range *keys {
			cid, rid := splitRuleKey(t, k)
			if _, err := c.GetContractRule(context.Background(), cid, rid); !api.IsNotFound(err) {
				return fmt.Errorf("contract rule %s still exists after destroy (err=%v)", k, err)
			}
		}
		return nil
	}
}

// Bad rules fail at plan time, with a message naming the attribute.
func TestAccContractRule_planTimeValidation(t *testing.T) {
	preCheck(t)
	cases := []struct {
		name, body string
		want       *regexp.Regexp
	}{
		{"unknown type", `type = "discount"`,
			regexp.MustCompile(`(?s)Attribute type value must be one of:.*got:\s+"discount"`)},
		{"additional charge without service line", `type = "additionalcharge"
  lib_item_ids = [4294967300]`,
			errorThen(`service_line_id is required for additionalcharge rules`, `set service_line_id`)},
		{"additional charge without items", `type = "additionalcharge"
  service_line_id = 4294967300`,
			errorThen(`lib_item_ids is required for additionalcharge rules`, `at least one lib item id`)},
		{"additional charge with no items", `type = "additionalcharge"
  service_line_id = 4294967300
  lib_item_ids = []`,
			acctest.ErrorText(`lib_item_ids is required for additionalcharge rules`)},
		{"service line on a unit rule", `type = "unit"
  service_line_id = 4294967300`,
			errorThen(`service_line_id is only allowed for additionalcharge rules`, `not on unit rules. Remove service_line_id.`)},
		{"decimal threshold on a stack rule", `type = "stack"
  threshold = 2.5`,
			errorThen(`threshold must be a whole number`, `The threshold of a stack rule is a quantity, a whole number; got 2.5`)},
		{"empty name", `type = "unit"
  name = ""`,
			regexp.MustCompile(`(?s)Attribute name string length must be at least 1`)},
		{"bad lib item id", `type = "unit"
  lib_item_ids = [0]`,
			regexp.MustCompile(`(?s)Attribute lib_item_ids\[Value\(0\)\] value must be at least 1`)},
	}
	steps := make([]resource.TestStep, 0, len(cases)+1)
	for _, tc := range cases {
		nameLine := `name = "validation"`
		if strings.Contains(tc.body, "name =") {
			nameLine = ""
		}
		steps = append(steps, resource.TestStep{
			Config:      "resource \"fieldservice_servicetrade_contract_rule\" \"bad\" {\n  contract_id = 4294967297\n  " + nameLine + "\n  " + tc.body + "\n}\n",
			PlanOnly:    true,
			ExpectError: tc.want,
		})
	}
	// A decimal threshold is fine for markup rules.
	steps = append(steps, resource.TestStep{
		Config:             "resource \"fieldservice_servicetrade_contract_rule\" \"markup\" {\n  contract_id = 4294967297\n  name = \"Parts markup\"\n  type = \"markup\"\n  price = 15\n  threshold = 250.5\n}\n",
		PlanOnly:           true,
		ExpectNonEmptyPlan: true,
	})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps:                    steps,
	})
	t.Logf("%d invalid contract rule configurations refused at plan time", len(cases))
}
