package servicetrade_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

const userRoleAddr = "fieldservice_servicetrade_user_role.test"

func userRoleConfig(userID, roleID int64) string {
	return fmt.Sprintf(`
resource "fieldservice_servicetrade_user_role" "test" {
  user_id = %d
  role_id = %d
}
`, userID, roleID)
}

// newRoleTestUser is a user of the account for the test alone, holding
// the default role only (acctest.NewServiceTradeUser).
func newRoleTestUser(t *testing.T) int64 {
	t.Helper()
	return acctest.NewServiceTradeUser(t, acctest.ServiceTradeClient(t), "role")
}

// heldRoles is the ids of the roles the user holds, sorted.
func heldRoles(t *testing.T, userID int64) ([]int64, error) {
	t.Helper()
	roles, err := acctest.ServiceTradeClient(t).ListUserRoles(context.Background(), userID)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(roles))
	for i, r := range roles {
		ids[i] = r.ID
	}
	slices.Sort(ids)
	return ids, nil
}

// checkHolds checks that the user holds exactly the roles want.
func checkHolds(t *testing.T, userID int64, want ...int64) func(*terraform.State) error {
	return func(*terraform.State) error {
		got, err := heldRoles(t, userID)
		if err != nil {
			return err
		}
		want = slices.Sorted(slices.Values(want))
		if !slices.Equal(got, want) {
			return fmt.Errorf("user %d holds roles %v, want %v", userID, got, want)
		}
		return nil
	}
}

// roleTestRoles returns the role a new user holds (the account's
// default) and two other roles of the account.
func roleTestRoles(t *testing.T, newUser int64) (def, first, second int64) {
	t.Helper()
	return acctest.ServiceTradeRoles(t, acctest.ServiceTradeClient(t), newUser)
}

func TestAccUserRole_lifecycle(t *testing.T) {
	preCheck(t)
	alice, bob := newRoleTestUser(t), newRoleTestUser(t)
	def, manager, admin := roleTestRoles(t, alice)
	client := func() *api.Client { return acctest.ServiceTradeClient(t) }
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		// Destroying takes the managed role only: bob keeps the default
		// role and the one given outside Terraform.
		CheckDestroy: resource.ComposeAggregateTestCheckFunc(checkHolds(t, alice, def), checkHolds(t, bob, def, manager)),
		Steps: []resource.TestStep{
			// Create: alice gets the role and keeps the default role,
			// which no resource names.
			{
				Config: userRoleConfig(alice, manager),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(userRoleAddr, plancheck.ResourceActionCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(userRoleAddr, "id", fmt.Sprintf("%d/%d", alice, manager)),
					resource.TestCheckResourceAttr(userRoleAddr, "user_id", fmt.Sprint(alice)),
					resource.TestCheckResourceAttr(userRoleAddr, "role_id", fmt.Sprint(manager)),
					checkHolds(t, alice, def, manager),
				),
			},
			// Empty re-plan.
			{
				Config:             userRoleConfig(alice, manager),
				PlanOnly:           true,
				ExpectNonEmptyPlan: false,
			},
			// Import by "<user_id>/<role_id>".
			{
				ResourceName:      userRoleAddr,
				ImportState:       true,
				ImportStateVerify: true,
			},
			// A new role_id replaces the assignment: the old role is taken,
			// the new one given.
			{
				Config: userRoleConfig(alice, admin),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(userRoleAddr, plancheck.ResourceActionDestroyBeforeCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(userRoleAddr, "id", fmt.Sprintf("%d/%d", alice, admin)),
					checkHolds(t, alice, def, admin),
				),
			},
			// A new user_id replaces it too.
			{
				Config: userRoleConfig(bob, admin),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(userRoleAddr, plancheck.ResourceActionDestroyBeforeCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(userRoleAddr, "id", fmt.Sprintf("%d/%d", bob, admin)),
					checkHolds(t, alice, def),
					checkHolds(t, bob, def, admin),
				),
			},
			// Taken out of band: the next plan gives it again.
			{
				PreConfig: func() {
					if err := client().RevokeUserRole(context.Background(), bob, admin); err != nil {
						t.Fatal(err)
					}
				},
				Config: userRoleConfig(bob, admin),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(userRoleAddr, plancheck.ResourceActionCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: checkHolds(t, bob, def, admin),
			},
			// A role given outside Terraform is left alone: no change
			// planned, and the user keeps it.
			{
				PreConfig: func() {
					if err := client().AssignUserRole(context.Background(), bob, manager); err != nil {
						t.Fatal(err)
					}
				},
				Config: userRoleConfig(bob, admin),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: checkHolds(t, bob, def, manager, admin),
			},
		},
	})
}

// Declaring the default role of a new user adopts the assignment the
// user was created with, and destroying the resource takes the role away.
func TestAccUserRole_adoptsDefaultRole(t *testing.T) {
	preCheck(t)
	user := newRoleTestUser(t)
	def, _, _ := roleTestRoles(t, user)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             checkHolds(t, user),
		Steps: []resource.TestStep{
			{
				Config: userRoleConfig(user, def),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(userRoleAddr, plancheck.ResourceActionCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(userRoleAddr, "id", fmt.Sprintf("%d/%d", user, def)),
					checkHolds(t, user, def),
				),
			},
		},
	})
}

// A user deleted out of band (only ServiceTrade support can) takes the
// assignment with it: the next plan creates it again, and destroying it
// is done.
func TestAccUserRole_userDeletedOutOfBand(t *testing.T) {
	preCheck(t)
	acctest.RequireEmulator(t) // deletes the user behind the API's back
	user := newRoleTestUser(t)
	def, manager, _ := roleTestRoles(t, user)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy: func(*terraform.State) error {
			if _, err := heldRoles(t, user); !api.IsNotFound(err) {
				return fmt.Errorf("user %d should be gone, got %v", user, err)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{Config: userRoleConfig(user, manager), Check: checkHolds(t, user, def, manager)},
			{
				PreConfig: func() {
					run, err := acctest.Shared()
					if err != nil || !run.ServiceTrade.RemoveUser(user) {
						t.Fatalf("removing user %d: %v", user, err)
					}
				},
				Config:             userRoleConfig(user, manager),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectResourceAction(userRoleAddr, plancheck.ResourceActionCreate)},
				},
			},
		},
	})
}
