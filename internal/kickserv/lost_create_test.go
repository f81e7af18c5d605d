package kickserv_test

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emuks "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/kickserv"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/kickserv/api"
)

// lostCreateConfig points the provider at an isolated emulator and manages
// one employee.
func lostCreateConfig(run *emulator.Running, body string) string {
	return fmt.Sprintf(`
provider "fieldservice" {
  kickserv {
    base_url  = %q
    account   = %q
    api_token = %q
  }
}

resource "fieldservice_kickserv_employee" "lost" {
%s
}
`, run.KickservURL(), emuks.Account, emuks.APIToken, body)
}

// employeesWhere lists, through the API, the employees (active or not)
// that match.
func employeesWhere(t *testing.T, c *api.Client, match func(api.Employee) bool) []api.Employee {
	t.Helper()
	all, err := c.ListEmployees(context.Background(), api.EmployeeFilter{})
	if err != nil {
		t.Fatalf("listing employees: %v", err)
	}
	var out []api.Employee
	for _, e := range all {
		if match(e) {
			out = append(out, e)
		}
	}
	return out
}

// dropCreateAnswer makes the emulator create the next employee and then
// drop the connection, so that the provider never sees the answer.
func dropCreateAnswer(run *emulator.Running) {
	run.Inject(emulator.Fault{Vendor: "kickserv", Method: http.MethodPost, Path: "/" + emuks.Account + "/employees.xml", DropAfter: true})
}

// When the answer to the create is lost, the employee with the configured
// username (unique in Kickserv) is adopted: it is in the state, exactly one
// exists, the POST was sent once, and the next plan is empty.
func TestAccKickservEmployee_lostCreateAnswerIsAdopted(t *testing.T) {
	preCheck(t)
	run := acctest.Isolated(t, emulator.Options{})
	c, err := api.New(api.Config{BaseURL: run.KickservURL(), Account: emuks.Account, APIToken: emuks.APIToken})
	if err != nil {
		t.Fatal(err)
	}
	const username = "lost_answer"
	cfg := lostCreateConfig(run, `
  name     = "Lost Answer"
  username = "`+username+`"
  city     = "Austin"
`)
	withUsername := func(e api.Employee) bool { return e.Username != nil && *e.Username == username }
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				PreConfig: func() { dropCreateAnswer(run) },
				Config:    cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					func(s *terraform.State) error {
						if got := run.FaultsApplied(); got != 1 {
							return fmt.Errorf("the lost-answer fault fired %d times, want 1: the test proves nothing otherwise", got)
						}
						if got := run.Requests()["kickserv POST"]; got != 1 {
							return fmt.Errorf("Kickserv received %d POSTs, want exactly 1: a lost create must not be sent again", got)
						}
						found := employeesWhere(t, c, withUsername)
						if len(found) != 1 {
							return fmt.Errorf("%d employees have username %q, want exactly 1", len(found), username)
						}
						rs := s.RootModule().Resources["fieldservice_kickserv_employee.lost"]
						if rs == nil {
							return fmt.Errorf("the adopted employee is not in the state")
						}
						if want := fmt.Sprint(found[0].Number); rs.Primary.ID != want {
							return fmt.Errorf("state id %q, want the existing employee's number %s", rs.Primary.ID, want)
						}
						return nil
					},
					resource.TestCheckResourceAttr("fieldservice_kickserv_employee.lost", "username", username),
					resource.TestCheckResourceAttr("fieldservice_kickserv_employee.lost", "city", "Austin"),
					resource.TestCheckResourceAttrSet("fieldservice_kickserv_employee.lost", "employee_id"),
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
	if n := len(employeesWhere(t, c, withUsername)); n != 1 {
		t.Errorf("%d employees with username %q after destroy, want 1 (made inactive, never duplicated)", n, username)
	}
}

// Without a username nothing identifies the employee: the create fails
// with an error naming the one employee that exists (by its number) and the
// import command; nothing is created twice, and importing the employee as
// the error says makes the plan empty.
func TestAccKickservEmployee_lostCreateAnswerWithoutUsernameIsExplained(t *testing.T) {
	preCheck(t)
	run := acctest.Isolated(t, emulator.Options{})
	c, err := api.New(api.Config{BaseURL: run.KickservURL(), Account: emuks.Account, APIToken: emuks.APIToken})
	if err != nil {
		t.Fatal(err)
	}
	const name = "Nameless Lost Answer"
	cfg := lostCreateConfig(run, `  name = "`+name+`"`)
	named := func() ([]string, error) {
		var numbers []string
		for _, e := range employeesWhere(t, c, func(e api.Employee) bool { return e.Name == name }) {
			numbers = append(numbers, fmt.Sprint(e.Number))
		}
		return numbers, nil
	}
	var explained bool
	var number string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		ErrorCheck:               acctest.LostCreateErrorCheck(fmt.Sprintf("Creating Kickserv employee %q failed", name), "fieldservice_kickserv_employee", named, &explained),
		Steps: []resource.TestStep{
			{
				PreConfig: func() { dropCreateAnswer(run) },
				Config:    cfg,
			},
			{
				PreConfig: func() {
					if !explained {
						t.Fatal("the create whose answer was lost did not fail with the explanation")
					}
					if got := run.Requests()["kickserv POST"]; got != 1 {
						t.Errorf("Kickserv received %d POSTs, want exactly 1", got)
					}
					numbers, _ := named()
					if len(numbers) != 1 {
						t.Fatalf("employees named %q: %v, want exactly 1", name, numbers)
					}
					number = numbers[0]
				},
				Config:             cfg,
				ResourceName:       "fieldservice_kickserv_employee.lost",
				ImportState:        true,
				ImportStatePersist: true,
				ImportStateIdFunc:  func(*terraform.State) (string, error) { return number, nil },
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

// A create that provably did not happen is sent again: the first POST
// fails without Kickserv acting on it (a dropped connection, a gateway's
// 503), no matching employee exists (by username, or by name without one),
// so the provider sends it again: exactly two POSTs, one employee.
func TestAccKickservEmployee_createThatDidNotHappenIsSentAgain(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		fault      emulator.Fault
		match      func(api.Employee) bool
	}{
		{
			name: "with username, dropped connection", fault: emulator.Fault{Drop: true},
			body:  "  name     = \"Resent Tech\"\n  username = \"resent_tech\"",
			match: func(e api.Employee) bool { return e.Username != nil && *e.Username == "resent_tech" },
		},
		{
			name: "without username, gateway 503", fault: emulator.Fault{Status: http.StatusServiceUnavailable},
			body:  "  name = \"Resent Nameless\"",
			match: func(e api.Employee) bool { return e.Name == "Resent Nameless" },
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			preCheck(t)
			run := acctest.Isolated(t, emulator.Options{})
			c, err := api.New(api.Config{BaseURL: run.KickservURL(), Account: emuks.Account, APIToken: emuks.APIToken})
			if err != nil {
				t.Fatal(err)
			}
			fault := tc.fault
			fault.Vendor, fault.Method, fault.Path = "kickserv", http.MethodPost, "/"+emuks.Account+"/employees.xml"
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				Steps: []resource.TestStep{{
					PreConfig: func() { run.Inject(fault) },
					Config:    lostCreateConfig(run, tc.body),
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
					},
					Check: func(s *terraform.State) error {
						if got := run.FaultsApplied(); got != 1 {
							return fmt.Errorf("the fault fired %d times, want 1", got)
						}
						if got := run.Requests()["kickserv POST"]; got != 2 {
							return fmt.Errorf("Kickserv received %d POSTs, want exactly 2: the one that failed, and the one sent again", got)
						}
						found := employeesWhere(t, c, tc.match)
						if len(found) != 1 {
							return fmt.Errorf("%d matching employees, want exactly 1", len(found))
						}
						if got, want := s.RootModule().Resources["fieldservice_kickserv_employee.lost"].Primary.ID, fmt.Sprint(found[0].Number); got != want {
							return fmt.Errorf("state id %s, want %s", got, want)
						}
						return nil
					},
				}},
			})
		})
	}
}

// An employee made outside Terraform holds its username, inactive or not,
// compared without case as Kickserv does: creating another with it fails
// before anything is sent, with both ways to import it; importing it as
// the error says then manages it.
func TestAccKickservEmployee_existingUsernameIsRefused(t *testing.T) {
	preCheck(t)
	run := acctest.Isolated(t, emulator.Options{})
	c, err := api.New(api.Config{BaseURL: run.KickservURL(), Account: emuks.Account, APIToken: emuks.APIToken})
	if err != nil {
		t.Fatal(err)
	}
	name, username := "Taken User", "taken.user"
	e, err := c.CreateEmployee(context.Background(), api.EmployeeInput{Name: &name, Username: &username})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Deactivate(context.Background(), e.Number); err != nil {
		t.Fatal(err)
	}
	cfg := lostCreateConfig(run, `
  name     = "Taken User"
  username = "Taken.User"
  active   = false
`)
	number := fmt.Sprint(e.Number)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				PreConfig: run.ResetRequests,
				Config:    cfg,
				ExpectError: regexp.MustCompile(acctest.ErrorText(fmt.Sprintf(`A Kickserv employee with username "Taken.User" already exists (id %s): to manage it with Terraform, import it:`, number)).String() +
					`.*` + acctest.ErrorText(`terraform import fieldservice_kickserv_employee.<name> `+number).String() +
					`.*` + acctest.ErrorText(`Kickserv keeps usernames unique, inactive employees included.`).String() +
					`.*` + acctest.ErrorText(`If you did not mean that employee, or another resource of this configuration already manages it, give this resource another username`).String() +
					`.*` + acctest.ErrorText(`A replacement that keeps the username cannot work with create_before_destroy: Kickserv itself refuses a second employee with the same username`).String()),
			},
			{
				PreConfig: func() {
					if got := run.Requests()["kickserv POST"]; got != 0 {
						t.Errorf("Kickserv received %d POSTs, want none", got)
					}
					if found := employeesWhere(t, c, func(e api.Employee) bool { return e.Username != nil && *e.Username == username }); len(found) != 1 {
						t.Fatalf("%d employees with username %q, want exactly 1", len(found), username)
					}
				},
				Config:             cfg,
				ResourceName:       "fieldservice_kickserv_employee.lost",
				ImportState:        true,
				ImportStatePersist: true,
				ImportStateId:      number,
			},
		},
	})
}
