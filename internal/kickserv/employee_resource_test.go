package kickserv_test

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/kickserv/api"
)

func preCheck(t *testing.T) {
	acctest.PreCheck(t, "KICKSERV_ACCOUNT", "KICKSERV_API_TOKEN")
}

const employeeAddr = "fieldservice_kickserv_employee.test"

// employeeConfig renders a fieldservice_kickserv_employee "test" block from
// attribute names and HCL expressions, in a stable order.
func employeeConfig(attrs map[string]string) string {
	return employeeBlock("test", attrs)
}

func employeeBlock(name string, attrs map[string]string) string {
	keys := make([]string, 0, len(attrs))
	for k := range attrs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	fmt.Fprintf(&b, "resource \"fieldservice_kickserv_employee\" %q {\n", name)
	for _, k := range keys {
		fmt.Fprintf(&b, "  %s = %s\n", k, attrs[k])
	}
	b.WriteString("}\n")
	return b.String()
}

func q(s string) string { return strconv.Quote(s) }

func number(t *testing.T, id string) int64 {
	t.Helper()
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil {
		t.Fatalf("employee number %q: %v", id, err)
	}
	return n
}

// sameID fails when a step replaced the employee instead of updating it.
func sameID(id *string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		if got := s.RootModule().Resources[employeeAddr].Primary.ID; got != *id {
			return fmt.Errorf("id changed from %s to %s: the employee was replaced", *id, got)
		}
		return nil
	}
}

func TestAccEmployee_lifecycle(t *testing.T) {
	preCheck(t)
	name := acctest.RandomName("employee")
	username := strings.ReplaceAll(name, "-", "_")
	var id string
	created := map[string]string{
		"name":          q(name),
		"username":      q(username),
		"email_address": q(username + "@example.com"),
		"city":          q("Austin"),
		"state":         q("TX"),
		"cell_phone":    q("512-555-0101"),
	}
	updated := map[string]string{
		"name":              q(name + " Renamed"),
		"username":          q(username),
		"email_address":     q(username + "@example.com"),
		"city":              q("Dallas"),
		"state":             q("TX"),
		"home_phone":        q("214-555-0199"),
		"address":           q("1 Main St"),
		"zip_code":          q("01234"),
		"notify_via_mobile": "true",
		"notify_via_email":  "false",
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             checkEmployeeInactive(t, &id),
		Steps: []resource.TestStep{
			// Create; a second plan is empty.
			{
				Config: employeeConfig(created),
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.Capture(employeeAddr, "id", &id),
					resource.TestMatchResourceAttr(employeeAddr, "id", regexp.MustCompile(`^[1-9]\d*$`)),
					resource.TestCheckResourceAttr(employeeAddr, "name", name),
					resource.TestCheckResourceAttr(employeeAddr, "city", "Austin"),
					resource.TestCheckResourceAttr(employeeAddr, "active", "true"),
					resource.TestCheckResourceAttr(employeeAddr, "can_login", "false"),
					resource.TestCheckResourceAttr(employeeAddr, "is_account_owner", "false"),
					resource.TestCheckResourceAttrSet(employeeAddr, "notify_via_email"),
					resource.TestCheckNoResourceAttr(employeeAddr, "home_phone"),
					resource.TestMatchResourceAttr(employeeAddr, "created_at", regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`)),
					func(s *terraform.State) error {
						attrs := s.RootModule().Resources[employeeAddr].Primary.Attributes
						if attrs["employee_id"] == "" || attrs["employee_id"] == attrs["id"] {
							return fmt.Errorf("employee_id %q must be Kickserv's internal id, distinct from the employee number %q", attrs["employee_id"], attrs["id"])
						}
						return nil
					},
				),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			// Update in place: every updatable attribute at once, and
			// cell_phone removed (cleared in Kickserv).
			{
				Config: employeeConfig(updated),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(employeeAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(employeeAddr, tfjsonpath.New("name"), knownvalue.StringExact(name+" Renamed")),
					statecheck.ExpectKnownValue(employeeAddr, tfjsonpath.New("cell_phone"), knownvalue.Null()),
					statecheck.ExpectKnownValue(employeeAddr, tfjsonpath.New("zip_code"), knownvalue.StringExact("01234")),
					statecheck.ExpectKnownValue(employeeAddr, tfjsonpath.New("notify_via_mobile"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(employeeAddr, tfjsonpath.New("notify_via_email"), knownvalue.Bool(false)),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					sameID(&id),
					func(*terraform.State) error {
						e, err := acctest.KickservClient(t).GetEmployee(context.Background(), number(t, id))
						if err != nil {
							return err
						}
						if e.CellPhone != nil || e.City == nil || *e.City != "Dallas" {
							return fmt.Errorf("Kickserv has cell_phone %v and city %v after the update", e.CellPhone, e.City)
						}
						return nil
					},
				),
			},
			// Import by employee number.
			{
				ResourceName:      employeeAddr,
				ImportState:       true,
				ImportStateVerify: true,
			},
			// Out-of-band change: the next plan shows it and apply reverts it.
			{
				PreConfig: func() {
					city := "Changed Behind Terraform"
					if _, err := acctest.KickservClient(t).UpdateEmployee(context.Background(), number(t, id),
						api.EmployeeInput{Name: &city, City: &city}); err != nil {
						t.Fatal(err)
					}
				},
				Config: employeeConfig(updated),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(employeeAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(employeeAddr, tfjsonpath.New("city"), knownvalue.StringExact("Dallas")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					sameID(&id),
					resource.TestCheckResourceAttr(employeeAddr, "name", name+" Renamed"),
				),
			},
			// Out-of-band "deletion": Kickserv cannot delete employees, so the
			// nearest thing is making one inactive. The next plan reactivates
			// the same employee.
			{
				PreConfig: func() {
					if _, err := acctest.KickservClient(t).Deactivate(context.Background(), number(t, id)); err != nil {
						t.Fatal(err)
					}
				},
				Config: employeeConfig(updated),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(employeeAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(employeeAddr, tfjsonpath.New("active"), knownvalue.Bool(true)),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					sameID(&id),
					resource.TestCheckResourceAttr(employeeAddr, "active", "true"),
				),
			},
			// Made inactive through the configuration, and still managed.
			{
				Config: employeeConfig(withAttr(updated, "active", "false")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(employeeAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(sameID(&id), resource.TestCheckResourceAttr(employeeAddr, "active", "false")),
			},
			{
				Config:            employeeConfig(updated),
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(employeeAddr, plancheck.ResourceActionUpdate)}},
				Check:             resource.ComposeAggregateTestCheckFunc(sameID(&id), resource.TestCheckResourceAttr(employeeAddr, "active", "true")),
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(employeeAddr, tfjsonpath.New("active"), knownvalue.Bool(true))},
			},
			// Import ids are employee numbers; a number nobody has is refused.
			{
				ResourceName:  employeeAddr,
				ImportState:   true,
				ImportStateId: "not-a-number",
				ExpectError:   regexp.MustCompile(`a Kickserv employee number is a positive whole number`),
			},
			{
				ResourceName:  employeeAddr,
				ImportState:   true,
				ImportStateId: "987654321",
				ExpectError:   regexp.MustCompile(`Cannot import non-existent remote object`),
			},
		},
	})
}

func withAttr(m map[string]string, k, v string) map[string]string {
	out := make(map[string]string, len(m)+1)
	for kk, vv := range m {
		out[kk] = vv
	}
	out[k] = v
	return out
}

// checkEmployeeInactive asserts that destroy left the employee captured in
// *id in Kickserv, inactive: employees cannot be deleted.
func checkEmployeeInactive(t *testing.T, id *string) func(*terraform.State) error {
	return func(*terraform.State) error {
		n, err := strconv.ParseInt(*id, 10, 64)
		if err != nil {
			return fmt.Errorf("no employee number was captured: %q", *id)
		}
		e, err := acctest.KickservClient(t).GetEmployee(context.Background(), n)
		if err != nil {
			return fmt.Errorf("employee %d cannot be read after destroy (it should still exist, inactive): %v", n, err)
		}
		if e.Active {
			return fmt.Errorf("employee %d is still active after destroy", n)
		}
		return nil
	}
}

// A username another employee has is refused: on create by the provider's
// check, before anything is sent; on update with Kickserv's own message.
func TestAccEmployee_duplicateUsername(t *testing.T) {
	preCheck(t)
	base := strings.ReplaceAll(acctest.RandomName("dup"), "-", "_")
	first := employeeBlock("first", map[string]string{"name": q(base + " first"), "username": q(base)})
	var firstID, secondID string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy: func(s *terraform.State) error {
			for _, id := range []*string{&firstID, &secondID} {
				if err := checkEmployeeInactive(t, id)(s); err != nil {
					return err
				}
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: first,
				Check:  acctest.Capture("fieldservice_kickserv_employee.first", "id", &firstID),
			},
			{
				// Refused before the create is sent: the provider checks
				// usernames (without case, as Kickserv does).
				Config:      first + employeeBlock("second", map[string]string{"name": q(base + " second"), "username": q(strings.ToUpper(base))}),
				ExpectError: acctest.ErrorText(fmt.Sprintf("A Kickserv employee with username %q already exists", strings.ToUpper(base))),
			},
			{
				Config: first + employeeBlock("second", map[string]string{"name": q(base + " second"), "username": q(base + "_2")}),
				Check:  acctest.Capture("fieldservice_kickserv_employee.second", "id", &secondID),
			},
			{
				Config:      first + employeeBlock("second", map[string]string{"name": q(base + " second"), "username": q(base)}),
				ExpectError: regexp.MustCompile(`(?s)Updating Kickserv employee \d+ .*422.*Username\s+has\s+already\s+been\s+taken`),
			},
			// End on a valid configuration, which the final destroy uses.
			{
				Config: first + employeeBlock("second", map[string]string{"name": q(base + " second"), "username": q(base + "_2")}),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
}
