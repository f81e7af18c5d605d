package servicetrade_test

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
)

// Import by resource identity (import blocks with `identity = { … }`)
// needs Terraform 1.12 or later: below it, and with OpenTofu, these tests
// are skipped, and the protocol-level TestIdentity_protocol
// (internal/provider) covers identity with any CLI.

// identityCLI skips a test on a CLI without resource identity.
var identityCLI = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)}

var numericID = knownvalue.StringRegexp(regexp.MustCompile(`^[1-9][0-9]*$`))

// identityMatchesState checks that every identity attribute of addr holds
// the state's attribute of the same name.
func identityMatchesState(addr string, attrs ...string) []statecheck.StateCheck {
	checks := make([]statecheck.StateCheck, len(attrs))
	for i, a := range attrs {
		checks[i] = statecheck.ExpectIdentityValueMatchesStateAtPath(addr, tfjsonpath.New(a), tfjsonpath.New(a))
	}
	return checks
}

// A flat resource: the identity is `id`; an import block by identity
// imports the tag with no change, and so does a handwritten one for a tag
// made outside Terraform (deleted when the test ends, whether or not it
// ran), whose own ImportState (which also takes a name)
// accepts identities too.
func TestAccTagIdentity_importBlocks(t *testing.T) {
	preCheck(t)
	name, outside := acctest.RandomName("idtag"), acctest.RandomName("idtag-outside")
	made, err := acctest.ServiceTradeClient(t).CreateTag(context.Background(), outside)
	if err != nil {
		t.Fatalf("creating tag %q: %v", outside, err)
	}
	t.Cleanup(func() { _ = acctest.ServiceTradeClient(t).DeleteTag(context.Background(), made.ID) })
	adopt := fmt.Sprintf(`
import {
  to       = fieldservice_servicetrade_tag.adopted
  identity = { id = "%d" }
}

resource "fieldservice_servicetrade_tag" "adopted" {
  name = %q
}
`, made.ID, outside)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   identityCLI,
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: tagConfig(name),
				ConfigStateChecks: append(identityMatchesState(tagAddr, "id"),
					statecheck.ExpectIdentity(tagAddr, map[string]knownvalue.Check{"id": numericID})),
			},
			{ResourceName: tagAddr, Config: tagConfig(name), ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity},
			{
				Config: tagConfig(name) + adopt,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("fieldservice_servicetrade_tag.adopted", plancheck.ResourceActionNoop),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity("fieldservice_servicetrade_tag.adopted", map[string]knownvalue.Check{"id": knownvalue.StringExact(fmt.Sprint(made.ID))}),
					statecheck.ExpectKnownValue("fieldservice_servicetrade_tag.adopted", tfjsonpath.New("name"), knownvalue.StringExact(outside)),
				},
			},
		},
	})
}

// A child of a parent: the identity is the contract's id (a number) and
// the rule's own id.
func TestAccContractRuleIdentity_importBlock(t *testing.T) {
	preCheck(t)
	acctest.RequireEmulator(t) // the emulator's seeded lib items and service lines
	config := ruleConfig(acctest.RandomName("idrule"), ruleBlock("test", `  contract_id  = fieldservice_servicetrade_contract.one.id
  type         = "unit"
  name         = "Inspection labor"
  price        = 30
  threshold    = 5
  lib_item_ids = [data.fieldservice_servicetrade_lib_item.labor.id]`))
	const addr = "fieldservice_servicetrade_contract_rule.test"
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   identityCLI,
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: append(identityMatchesState(addr, "contract_id", "id"),
					statecheck.ExpectIdentity(addr, map[string]knownvalue.Check{"contract_id": knownvalue.NotNull(), "id": numericID})),
			},
			{ResourceName: addr, Config: config, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity},
		},
	})
}

// The natural triple: entity type, entity id and system name.
func TestAccExternalIDIdentity_importBlock(t *testing.T) {
	preCheck(t)
	system := newExternalSystem(t, "idxid")
	company := seedCompanyID(t, emust.SeedCustomerCompanies[1])
	config := externalIDConfig("company", company, system, "AB-376")
	const addr = "fieldservice_servicetrade_external_id.test"
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   identityCLI,
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: append(identityMatchesState(addr, "entity_type", "entity_id", "system_name"),
					statecheck.ExpectIdentity(addr, map[string]knownvalue.Check{
						"entity_type": knownvalue.StringExact("company"), "entity_id": knownvalue.Int64Exact(company), "system_name": knownvalue.StringExact(system),
					})),
			},
			{ResourceName: addr, Config: config, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity},
		},
	})
}

// An object with no id of its own: the user's id and the role's, both
// numbers; a role given outside Terraform is imported by a handwritten
// `identity = { user_id = …, role_id = … }`.
func TestAccUserRoleIdentity_importBlocks(t *testing.T) {
	preCheck(t)
	user := newRoleTestUser(t) // made inactive when the test ends
	def, role, outside := roleTestRoles(t, user)
	if err := acctest.ServiceTradeClient(t).AssignUserRole(context.Background(), user, outside); err != nil {
		t.Fatalf("giving role %d to user %d: %v", outside, user, err)
	}
	config := userRoleConfig(user, role)
	adopt := fmt.Sprintf(`
import {
  to = fieldservice_servicetrade_user_role.adopted
  identity = {
    user_id = %[1]d
    role_id = %[2]d
  }
}

resource "fieldservice_servicetrade_user_role" "adopted" {
  user_id = %[1]d
  role_id = %[2]d
}
`, user, outside)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   identityCLI,
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             checkHolds(t, user, def),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: append(identityMatchesState(userRoleAddr, "user_id", "role_id"),
					statecheck.ExpectIdentity(userRoleAddr, map[string]knownvalue.Check{
						"user_id": knownvalue.Int64Exact(user), "role_id": knownvalue.Int64Exact(role),
					})),
			},
			{ResourceName: userRoleAddr, Config: config, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity},
			{
				Config: config + adopt,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("fieldservice_servicetrade_user_role.adopted", plancheck.ResourceActionNoop),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity("fieldservice_servicetrade_user_role.adopted", map[string]knownvalue.Check{
						"user_id": knownvalue.Int64Exact(user), "role_id": knownvalue.Int64Exact(outside),
					}),
					statecheck.ExpectKnownValue("fieldservice_servicetrade_user_role.adopted", tfjsonpath.New("id"),
						knownvalue.StringExact(fmt.Sprintf("%d/%d", user, outside))),
				},
			},
		},
	})
}
