package servicetrade_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

const userValueAddr = "fieldservice_servicetrade_user_value.test"

// userValueConfig is a user value; value is an HCL expression.
func userValueConfig(userID int64, name, value string) string {
	return fmt.Sprintf(`
resource "fieldservice_servicetrade_user_value" "test" {
  user_id = %d
  name    = %q
  value   = %s
}
`, userID, name, value)
}

// userValueRef is one user value the tests set, by its key.
type userValueRef struct {
	user int64
	name string
}

func (r userValueRef) String() string { return fmt.Sprintf("%d/%s", r.user, r.name) }

// seedUserIDs returns the ids of seeded users by username (inactive ones
// included).
func seedUserIDs(t *testing.T, usernames ...string) []int64 {
	t.Helper()
	list, err := acctest.ServiceTradeClient(t).ListUsers(context.Background(), api.UserFilter{Statuses: []string{"active", "inactive"}})
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]int64{}
	for _, u := range list {
		byName[u.Username] = u.ID
	}
	ids := make([]int64, len(usernames))
	for i, name := range usernames {
		if ids[i] = byName[name]; ids[i] == 0 {
			t.Fatalf("seeded user %q not found", name)
		}
	}
	return ids
}

// searchValueName is a search-*-index name of the test's own (the page
// name is random, so that parallel and live runs never collide).
func searchValueName(prefix string) string {
	return "search-" + acctest.RandomName(prefix) + "-index"
}

// checkUserValuesGone asserts that none of refs exists any more.
func checkUserValuesGone(t *testing.T, refs ...userValueRef) func(*terraform.State) error {
	return func(*terraform.State) error {
		for _, r := range refs {
			got, err := acctest.ServiceTradeClient(t).FindUserValue(context.Background(), r.user, r.name)
			if !api.IsNotFound(err) {
				return fmt.Errorf("user value %s still exists: %+v, %v", r, got, err)
			}
		}
		return nil
	}
}

func TestAccUserValue_lifecycle(t *testing.T) {
	preCheck(t)
	ids := seedUserIDs(t, "ttech", "ssales")
	tech, sales := ids[0], ids[1]
	first := userValueRef{tech, searchValueName("uv-a")}
	renamed := userValueRef{tech, searchValueName("uv-b")}
	moved := userValueRef{sales, renamed.name}
	client := acctest.ServiceTradeClient(t)
	ctx := context.Background()
	open := `jsonencode({ status = "open" })`
	closed := `jsonencode({ status = "closed", sort = "date" })`
	var valueID string

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             checkUserValuesGone(t, first, renamed, moved),
		Steps: []resource.TestStep{
			// Create.
			{
				Config: userValueConfig(first.user, first.name, open),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(userValueAddr, plancheck.ResourceActionCreate),
						plancheck.ExpectUnknownValue(userValueAddr, tfjsonpath.New("id")),
						plancheck.ExpectUnknownValue(userValueAddr, tfjsonpath.New("value_id")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(userValueAddr, "id", first.String()),
					resource.TestCheckResourceAttr(userValueAddr, "user_id", fmt.Sprint(tech)),
					resource.TestCheckResourceAttr(userValueAddr, "name", first.name),
					resource.TestCheckResourceAttr(userValueAddr, "value", `{"status":"open"}`),
					resource.TestMatchResourceAttr(userValueAddr, "value_id", regexpMust(`^\d+$`)),
					resource.TestMatchResourceAttr(userValueAddr, "uri", regexpMust(`/uservalue/\d+$`)),
					acctest.Capture(userValueAddr, "value_id", &valueID),
					func(*terraform.State) error {
						got, err := client.FindUserValue(ctx, tech, first.name)
						if err != nil || got.Value != `{"status":"open"}` {
							return fmt.Errorf("ServiceTrade has %+v, %v; want the configured value", got, err)
						}
						return nil
					},
				),
			},
			// Empty re-plan.
			{
				Config:             userValueConfig(first.user, first.name, open),
				PlanOnly:           true,
				ExpectNonEmptyPlan: false,
			},
			// Update in place (PUT): same id, same value id.
			{
				Config: userValueConfig(first.user, first.name, closed),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(userValueAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(userValueAddr, tfjsonpath.New("id"), knownvalue.StringExact(first.String())),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(userValueAddr, "value", `{"sort":"date","status":"closed"}`),
					resource.TestCheckResourceAttrPtr(userValueAddr, "value_id", &valueID),
				),
			},
			// Import by <user_id>/<name>.
			{
				ResourceName:      userValueAddr,
				ImportState:       true,
				ImportStateId:     first.String(),
				ImportStateVerify: true,
			},
			// A new name replaces the value; the old one is deleted.
			{
				Config: userValueConfig(renamed.user, renamed.name, closed),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(userValueAddr, plancheck.ResourceActionDestroyBeforeCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(userValueAddr, "id", renamed.String()),
					checkUserValuesGone(t, first),
				),
			},
			// So does a new user.
			{
				Config: userValueConfig(moved.user, moved.name, closed),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(userValueAddr, plancheck.ResourceActionDestroyBeforeCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(userValueAddr, "id", moved.String()),
					resource.TestCheckResourceAttr(userValueAddr, "user_id", fmt.Sprint(sales)),
					acctest.Capture(userValueAddr, "value_id", &valueID),
					checkUserValuesGone(t, renamed),
				),
			},
			// Out-of-band change: planned as an update, reverted by apply.
			{
				PreConfig: func() {
					if _, err := client.UpdateUserValue(ctx, sales, mustID(t, valueID), `{"status":"changed elsewhere"}`); err != nil {
						t.Fatal(err)
					}
				},
				Config: userValueConfig(moved.user, moved.name, closed),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(userValueAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(userValueAddr, tfjsonpath.New("value"), knownvalue.StringExact(`{"sort":"date","status":"closed"}`)),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.TestCheckResourceAttr(userValueAddr, "value", `{"sort":"date","status":"closed"}`),
			},
			// Out-of-band deletion: planned for creation.
			{
				PreConfig: func() {
					if err := client.DeleteUserValue(ctx, sales, mustID(t, valueID)); err != nil {
						t.Fatal(err)
					}
				},
				Config: userValueConfig(moved.user, moved.name, closed),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(userValueAddr, plancheck.ResourceActionCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(userValueAddr, "id", moved.String()),
					func(*terraform.State) error {
						got, err := client.FindUserValue(ctx, sales, moved.name)
						if err != nil || fmt.Sprint(got.ID) == valueID {
							return fmt.Errorf("ServiceTrade has %+v, %v; want a new value", got, err)
						}
						return nil
					},
				),
			},
		},
	})
}

// disableClock is "1 or 0": sent and returned as a string, so that no
// plan follows; an inactive user keeps values.
func TestAccUserValue_disableClock(t *testing.T) {
	preCheck(t)
	former := seedUserIDs(t, "fformer")[0]
	ref := userValueRef{former, "disableClock"}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             checkUserValuesGone(t, ref),
		Steps: []resource.TestStep{
			{
				Config: userValueConfig(former, "disableClock", `"1"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(userValueAddr, "id", ref.String()),
					resource.TestCheckResourceAttr(userValueAddr, "value", "1"),
				),
			},
			{
				Config: userValueConfig(former, "disableClock", `"0"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(userValueAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.TestCheckResourceAttr(userValueAddr, "value", "0"),
			},
			{
				ResourceName:      userValueAddr,
				ImportState:       true,
				ImportStateVerify: true,
			},
		},
	})
}

// A value the user already has is never taken over: POST would silently
// change it, so the create fails with the import command and leaves the
// value alone. An unknown user fails with what to check.
func TestAccUserValue_existingValueAndMissingUser(t *testing.T) {
	preCheck(t)
	helper := seedUserIDs(t, "hhelper")[0]
	taken := userValueRef{helper, searchValueName("uv-taken")}
	client := acctest.ServiceTradeClient(t)
	ctx := context.Background()
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					if _, err := client.CreateUserValue(ctx, api.UserValueInput{UserID: helper, Name: taken.name, Value: `{"set":"elsewhere"}`}); err != nil {
						t.Fatal(err)
					}
				},
				Config: userValueConfig(helper, taken.name, `jsonencode({ mine = true })`),
				ExpectError: acctest.ErrorText(fmt.Sprintf(`A ServiceTrade user value with name %q on user %d already exists (id %s): `+
					`to manage it with Terraform, import it: terraform import fieldservice_servicetrade_user_value.<name> %s`, taken.name, helper, taken, taken)),
			},
			{
				Config:      userValueConfig(1, taken.name, `jsonencode({ mine = true })`),
				ExpectError: acctest.ErrorText(`ServiceTrade user 1 does not exist: user_id must name an existing user`),
			},
		},
		CheckDestroy: func(*terraform.State) error {
			got, err := client.FindUserValue(ctx, helper, taken.name)
			if err != nil || got.Value != `{"set":"elsewhere"}` {
				return fmt.Errorf("the existing value was touched: %+v, %v", got, err)
			}
			// Leave the account as it was.
			return client.DeleteUserValue(ctx, helper, got.ID)
		},
	})
}
