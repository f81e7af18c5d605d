package faulttest_test

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	stapi "github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// stPeople is what the people fault test manages: a user, a role given to
// it and one of its values, all reached under /user.
type stPeople struct {
	username, valueName    string
	company, office, role  int64
	withRoleAndValue       bool
	firstName, valueStatus string
}

func (p stPeople) config(provider string) string {
	var b strings.Builder
	b.WriteString(provider)
	fmt.Fprintf(&b, `
resource "fieldservice_servicetrade_user" "u" {
  username    = %q
  first_name  = %q
  last_name   = "Burst"
  email       = "fault.burst@example.com"
  company_id  = %d
  location_id = %d
  password    = "tribbles123"
}
`, p.username, p.firstName, p.company, p.office)
	if p.withRoleAndValue {
		fmt.Fprintf(&b, `
resource "fieldservice_servicetrade_user_role" "r" {
  user_id = fieldservice_servicetrade_user.u.id
  role_id = %d
}

resource "fieldservice_servicetrade_user_value" "v" {
  user_id = fieldservice_servicetrade_user.u.id
  name    = %q
  value   = jsonencode({ status = %q })
}
`, p.role, p.valueName, p.valueStatus)
	}
	return b.String()
}

// stPeopleSetup finds the company and office new users join and a role a
// new user does not hold (acctest.ServiceTradeRoles, on a user made for
// the purpose).
func stPeopleSetup(t *testing.T, c *stapi.Client) stPeople {
	t.Helper()
	var p stPeople
	p.company, p.office = acctest.ServiceTradeHome(t, c)
	_, p.role, _ = acctest.ServiceTradeRoles(t, c, acctest.NewServiceTradeUser(t, c, "probe"))
	return p
}

// stPeopleState is what the server holds for p: the users of its
// username (any status), and for the first one its roles and the values
// of p's name.
func stPeopleState(t *testing.T, c *stapi.Client, p stPeople) (users []stapi.User, roles []int64, values []stapi.UserValue) {
	t.Helper()
	ctx := context.Background()
	all, err := c.ListUsers(ctx, stapi.UserFilter{Statuses: []string{stapi.UserActive, stapi.UserPending, stapi.UserInactive}})
	if err != nil {
		t.Fatalf("listing users: %v", err)
	}
	for _, u := range all {
		if strings.EqualFold(u.Username, p.username) {
			users = append(users, u)
		}
	}
	if len(users) == 0 {
		return users, nil, nil
	}
	held, err := c.ListUserRoles(ctx, users[0].ID)
	if err != nil {
		t.Fatalf("listing the roles of user %d: %v", users[0].ID, err)
	}
	for _, r := range held {
		roles = append(roles, r.ID)
	}
	vs, err := c.ListUserValues(ctx, users[0].ID)
	if err != nil {
		t.Fatalf("listing the values of user %d: %v", users[0].ID, err)
	}
	for _, v := range vs {
		if v.Name == p.valueName {
			values = append(values, v)
		}
	}
	return users, roles, values
}

// stCheckPeople fails unless the server holds exactly one user of p's
// username, active with p's first name, holding p's role and one value of
// p's name with p's status exactly when p manages them.
func stCheckPeople(t *testing.T, c *stapi.Client, p stPeople) {
	t.Helper()
	users, roles, values := stPeopleState(t, c, p)
	if len(users) != 1 {
		t.Fatalf("%d users have the username %q, want exactly 1", len(users), p.username)
	}
	if u := users[0]; u.Status != stapi.UserActive || u.FirstName != p.firstName {
		t.Errorf("user %d is %s with first name %q, want active with %q", u.ID, u.Status, u.FirstName, p.firstName)
	}
	if got := slices.Contains(roles, p.role); got != p.withRoleAndValue {
		t.Errorf("the user holds role %d: %t, want %t (roles %v)", p.role, got, p.withRoleAndValue, roles)
	}
	want := 0
	if p.withRoleAndValue {
		want = 1
	}
	if len(values) != want {
		t.Fatalf("the user has %d values named %q, want %d", len(values), p.valueName, want)
	}
	if want == 1 && !strings.Contains(string(values[0].Value), p.valueStatus) {
		t.Errorf("the user's value %q is %s, want status %q", p.valueName, values[0].Value, p.valueStatus)
	}
}

// A user, a role given to it and one of its values are created, changed
// and removed under bursts of 429 and 500/502/503 on every verb their
// calls use under /user (POST gets 429 only: see burstOn): each call
// completes, nothing is made twice, and a second plan is empty. Destroying
// the user deactivates it (ServiceTrade cannot delete users).
func TestAccServiceTradeFaults_peopleUnderBursts(t *testing.T) {
	run := isolated(t)
	c := stClient(t, run)
	p := stPeopleSetup(t, c)
	p.username, p.valueName = "fault_burst_user", "search-fault-burst-index"
	created := p
	created.withRoleAndValue, created.firstName, created.valueStatus = true, "Fault", "open"
	changed := p
	changed.firstName = "Changed"
	provider := stProvider(run, fastRetry)
	faults := newLedger(t, run)
	burst := func(routes ...route) {
		for _, r := range routes {
			faults.inject(burstOn(stVendor, r.method, r.path)...)
		}
	}
	const user, role, value = "fieldservice_servicetrade_user.u", "fieldservice_servicetrade_user_role.r", "fieldservice_servicetrade_user_value.v"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy: func(*terraform.State) error {
			users, _, _ := stPeopleState(t, c, p)
			if len(users) != 1 || users[0].Status != stapi.UserInactive {
				return fmt.Errorf("after destroy, the users of username %q are %+v; want one, inactive", p.username, users)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				// The user's create, the role's and the value's are POSTs
				// under /user, in that order: the 429s meet the first ones.
				PreConfig:        func() { burst(route{http.MethodPost, "/user"}, route{http.MethodGet, "/user/"}) },
				Config:           created.config(provider),
				ConfigPlanChecks: emptyAfterApply,
			},
			{
				PreConfig: func() {
					faults.allFired("create")
					stCheckPeople(t, c, created)
					burst(route{http.MethodPut, "/user/"}, route{http.MethodDelete, "/user/"}, route{http.MethodGet, "/user/"})
				},
				Config: changed.config(provider),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(user, plancheck.ResourceActionUpdate),
						plancheck.ExpectResourceAction(role, plancheck.ResourceActionDestroy),
						plancheck.ExpectResourceAction(value, plancheck.ResourceActionDestroy),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			{
				PreConfig: func() {
					faults.allFired("update and delete")
					stCheckPeople(t, c, changed)
				},
				Config:   changed.config(provider),
				PlanOnly: true,
			},
		},
	})
}
