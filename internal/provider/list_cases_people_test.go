package provider_test

import (
	"context"
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	stapi "github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// listCasesPeople are the TestList_protocol cases of this group's list
// resources. The user role has its own test (TestList_userRole): every
// user holds a role the test did not give, and a role's name, its display
// name, is no attribute of the assignment.
var listCasesPeople = []listCase{
	// Active users, the default: the name filter keeps the test's (the
	// seeded users are active too), and status = "inactive" lists none.
	peopleUserCase("", func(tag string, _ peopleHome) map[string]tftypes.Value {
		return map[string]tftypes.Value{"name": acctest.StrVal(tag)}
	}, func(tag string, _ peopleHome) map[string]tftypes.Value {
		return map[string]tftypes.Value{"name": acctest.StrVal(tag), "status": acctest.StrVal("inactive")}
	}),
	// Inactive users: status = "inactive" lists them, and without status
	// (active only, as the API) none.
	peopleUserCase("inactive", func(tag string, _ peopleHome) map[string]tftypes.Value {
		return map[string]tftypes.Value{"name": acctest.StrVal(tag), "status": acctest.StrVal("inactive")}
	}, func(tag string, _ peopleHome) map[string]tftypes.Value {
		return map[string]tftypes.Value{"name": acctest.StrVal(tag)}
	}),
	// Pending users: status = "all" lists them in their company, and
	// another company's users are not these.
	peopleUserCase("pending", func(tag string, h peopleHome) map[string]tftypes.Value {
		return map[string]tftypes.Value{"name": acctest.StrVal(tag), "status": acctest.StrVal("all"), "company_id": acctest.NumVal(h.company)}
	}, func(tag string, h peopleHome) map[string]tftypes.Value {
		return map[string]tftypes.Value{"name": acctest.StrVal(tag), "status": acctest.StrVal("all"), "company_id": acctest.NumVal(h.customer)}
	}),
	{
		typeName: "fieldservice_servicetrade_user_value", vendor: "servicetrade", name: "name",
		parent: func(t *testing.T, run *emulator.Running) int64 { return peopleNewUser(t, run) },
		create: func(_ string, i int, user int64) map[string]tftypes.Value {
			name, value := "disableClock", "1"
			if i > 0 {
				name, value = fmt.Sprintf("search-page%d-index", i), `{"q":"pumps"}`
			}
			return map[string]tftypes.Value{"user_id": acctest.NumVal(user), "name": acctest.StrVal(name), "value": acctest.StrVal(value)}
		},
		filter: func(_ string, user int64) map[string]tftypes.Value {
			return map[string]tftypes.Value{"user_id": acctest.NumVal(user)}
		},
	},
	{
		// The company holds the seeded brand too, which the name filter
		// leaves out.
		typeName: "fieldservice_servicetrade_brand", vendor: "servicetrade", name: "name",
		parent: func(t *testing.T, run *emulator.Running) int64 {
			return peopleCompany(t, run, emust.SeedCustomerCompanies[0])
		},
		create: func(tag string, i int, company int64) map[string]tftypes.Value {
			return map[string]tftypes.Value{"company_id": acctest.NumVal(company), "name": acctest.StrVal(fmt.Sprintf("%s %d", tag, i))}
		},
		filter: func(tag string, company int64) map[string]tftypes.Value {
			return map[string]tftypes.Value{"company_id": acctest.NumVal(company), "name": acctest.StrVal(tag)}
		},
		others: func(tag string, company int64) map[string]tftypes.Value {
			return map[string]tftypes.Value{"company_id": acctest.NumVal(company), "name": acctest.StrVal(tag + " none")}
		},
	},
	{
		// A new contract, with a value in each of three new systems.
		typeName: "fieldservice_servicetrade_external_id", vendor: "servicetrade", name: "system_name",
		parent: func(t *testing.T, run *emulator.Running) int64 {
			ctx, c := context.Background(), stClient(t, run)
			ct, err := c.CreateContract(ctx, stapi.ContractInput{Type: stapi.ContractTypeTemplate, Name: acctest.RandomName("list")})
			if err != nil {
				t.Fatal(err)
			}
			none := []string{}
			for i := range 3 {
				in := stapi.ExternalSystemInput{Name: peopleSystem(ct.ID, i), Label: peopleSystem(ct.ID, i), SyncableTypes: &none}
				if _, err := c.CreateExternalSystem(ctx, in); err != nil {
					t.Fatal(err)
				}
			}
			return ct.ID
		},
		create: func(_ string, i int, contract int64) map[string]tftypes.Value {
			return map[string]tftypes.Value{"entity_type": acctest.StrVal("contract"), "entity_id": acctest.NumVal(contract),
				"system_name": acctest.StrVal(peopleSystem(contract, i)), "value": acctest.StrVal(fmt.Sprintf("AB-%d", 376+i))}
		},
		filter: func(_ string, contract int64) map[string]tftypes.Value {
			return map[string]tftypes.Value{"entity_type": acctest.StrVal("contract"), "entity_id": acctest.NumVal(contract)}
		},
	},
}

// peopleHome is where test users live: the account's own company and one
// of its offices, and a customer company whose users they are not.
type peopleHome struct{ company, office, customer int64 }

func peopleHomeOf(t *testing.T, run *emulator.Running) peopleHome {
	t.Helper()
	users, err := stClient(t, run).ListUsers(context.Background(), stapi.UserFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range users {
		if u.Company != nil && u.Location != nil {
			return peopleHome{company: u.Company.ID, office: u.Location.ID, customer: peopleCompany(t, run, emust.SeedCustomerCompanies[1])}
		}
	}
	t.Fatal("no active user has a company and a home office")
	return peopleHome{}
}

// peopleUserCase is a user case: three users of status (the default when
// empty), their usernames carrying the tag, listed by filter and not by
// others. The users' home, found in parent, is kept for create and the
// filters (parent passes on a single id).
func peopleUserCase(status string, filter, others func(tag string, h peopleHome) map[string]tftypes.Value) listCase {
	var home peopleHome
	return listCase{
		typeName: "fieldservice_servicetrade_user", vendor: "servicetrade", name: "username",
		parent: func(t *testing.T, run *emulator.Running) int64 { home = peopleHomeOf(t, run); return home.company },
		create: func(tag string, i int, company int64) map[string]tftypes.Value {
			m := map[string]tftypes.Value{
				"username": acctest.StrVal(fmt.Sprintf("%s_%d", peopleUsername(tag), i)), "first_name": acctest.StrVal("Geordi"),
				"last_name": acctest.StrVal("La Forge"), "email": acctest.StrVal("geordi@example.com"), "password": acctest.StrVal("tribbles123"),
				"company_id": acctest.NumVal(company), "location_id": acctest.NumVal(home.office),
			}
			if status != "" {
				m["status"] = acctest.StrVal(status)
			}
			return m
		},
		filter: func(tag string, _ int64) map[string]tftypes.Value { return filter(peopleUsername(tag), home) },
		others: func(tag string, _ int64) map[string]tftypes.Value { return others(peopleUsername(tag), home) },
	}
}

// peopleUsername is the tag as a username (letters, digits, underscores).
func peopleUsername(tag string) string { return strings.ReplaceAll(tag, "-", "_") }

// peopleSystem is the name of the i-th external system of the test of the
// given contract.
func peopleSystem(contract int64, i int) string { return fmt.Sprintf("tfacc_list_%d_%d", contract, i) }

// peopleCompany is the id of the seeded company of that name.
func peopleCompany(t *testing.T, run *emulator.Running, name string) int64 {
	t.Helper()
	companies, err := stClient(t, run).ListCompanies(context.Background(), stapi.CompanyFilter{Name: name})
	for _, c := range companies {
		if c.Name == name {
			return c.ID
		}
	}
	t.Fatalf("company %q: %v, %v", name, companies, err)
	return 0
}

// peopleNewUser creates a user of the account through the API and returns
// its id.
func peopleNewUser(t *testing.T, run *emulator.Running) int64 {
	t.Helper()
	h := peopleHomeOf(t, run)
	u, err := stClient(t, run).CreateUser(context.Background(), stapi.UserInput{
		Username: peopleUsername(acctest.RandomName("list")), FirstName: "Geordi", LastName: "La Forge", Password: "tribbles123",
		Email: "geordi@example.com", CompanyID: h.company, LocationID: h.office, Status: stapi.UserActive,
	})
	if err != nil {
		t.Fatal(err)
	}
	return u.ID
}

// TestList_userRole drives the user role list resource as
// TestList_protocol does its cases: a user given three roles through the
// resource lists them and the default role every new user holds, each by
// its role's name with its identity, each adoptable; a limit is honoured;
// another user's roles are not these; and a user that does not exist is an
// error, not an empty list.
func TestList_userRole(t *testing.T) {
	const typeName = "fieldservice_servicetrade_user_role"
	run := acctest.Isolated(t, emulator.Options{PageSize: 2})
	p := acctest.NewProtocol(t, typeName, "servicetrade", vendorSettings("servicetrade", run))
	ctx, c := context.Background(), stClient(t, run)
	user := peopleNewUser(t, run)
	held, err := c.ListUserRoles(ctx, user)
	if err != nil || len(held) == 0 {
		t.Fatalf("a new user's roles: %v, %v; want the default role", held, err)
	}
	roles, err := c.ListRoles(ctx, stapi.RoleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	// want is the role names by role id: the default role(s), and three
	// given through the resource, whose states are kept.
	want, created := map[int64]string{}, map[int64]tftypes.Value{}
	for _, r := range held {
		want[r.ID] = r.Name
	}
	for _, r := range roles {
		if _, ok := want[r.ID]; ok || len(created) == 3 {
			continue
		}
		config := p.Config(map[string]tftypes.Value{"user_id": acctest.NumVal(user), "role_id": acctest.NumVal(r.ID)})
		planned, private := p.Plan(p.Null(), config)
		created[r.ID], _, _ = p.Apply(p.Null(), planned, config, private)
		want[r.ID] = r.Name
	}
	if len(created) != 3 {
		t.Fatalf("the account has %d roles the new user does not hold, want 3", len(created))
	}
	check := func(listed []acctest.Listed, withResource bool) {
		t.Helper()
		if len(listed) != len(want) {
			t.Fatalf("listed %q, want the roles %v", acctest.ListedNames(listed), want)
		}
		seen := map[int64]bool{}
		for _, l := range listed {
			uid, rid := peopleNumber(t, l.Identity["user_id"]), peopleNumber(t, l.Identity["role_id"])
			if name, ok := want[rid]; !ok || uid != user || l.Name != name || seen[rid] {
				t.Fatalf("listed %q with identity user %d, role %d; want the roles %v of user %d, once each", l.Name, uid, rid, want, user)
			}
			seen[rid] = true
			// The default role was not created by the test: its identity
			// is checked above.
			var state *tftypes.Value
			if s, ok := created[rid]; ok {
				state = &s
			}
			checkListedIdentity(t, l, state)
			if withResource {
				if l.Resource.IsNull() {
					t.Fatalf("%q: no resource object", l.Name)
				}
				p.CheckAdoptable(l.Resource)
			} else if !l.Resource.IsNull() {
				t.Errorf("%q: a resource object although none was asked for", l.Name)
			}
		}
	}
	filter := map[string]tftypes.Value{"user_id": acctest.NumVal(user)}
	listed, diags := p.List(filter, false, 0)
	acctest.NoErrors(t, "ListResource", diags)
	check(listed, false)
	full, diags := p.List(filter, true, 0)
	acctest.NoErrors(t, "ListResource with the resource", diags)
	check(full, true)
	if limited, diags := p.List(filter, true, 2); len(limited) != 2 || acctestHasError(diags) {
		t.Errorf("with limit 2: %d results (%v), want 2", len(limited), diags)
	}

	other := peopleNewUser(t, run)
	listed, diags = p.List(map[string]tftypes.Value{"user_id": acctest.NumVal(other)}, false, 0)
	acctest.NoErrors(t, "ListResource of another user", diags)
	if len(listed) != len(held) {
		t.Errorf("another new user lists %q, want its default role only", acctest.ListedNames(listed))
	}
	if _, diags := p.List(map[string]tftypes.Value{"user_id": acctest.NumVal(other + 1000)}, false, 0); !acctestHasError(diags) {
		t.Error("the roles of a user that does not exist: no error")
	}
}

// TestList_userValueReadOnlyLeftOut: the user the emulator logs in as has
// the read-only values lastLogin and dismissedWelcome, which the resource
// cannot import, and disableClock: only disableClock is listed, and it is
// adoptable.
func TestList_userValueReadOnlyLeftOut(t *testing.T) {
	run := acctest.Isolated(t, emulator.Options{PageSize: 2})
	p := acctest.NewProtocol(t, "fieldservice_servicetrade_user_value", "servicetrade", vendorSettings("servicetrade", run))
	users, err := stClient(t, run).ListUsers(context.Background(), stapi.UserFilter{Name: emust.Username})
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range users {
		if u.Username != emust.Username {
			continue
		}
		listed, diags := p.List(map[string]tftypes.Value{"user_id": acctest.NumVal(u.ID)}, true, 0)
		acctest.NoErrors(t, "ListResource", diags)
		if got := acctest.ListedNames(listed); len(got) != 1 || got[0] != "disableClock" {
			t.Fatalf("listed %q, want [disableClock]", got)
		}
		p.CheckAdoptable(listed[0].Resource)
		return
	}
	t.Fatalf("no user %q: %v", emust.Username, users)
}

// peopleNumber is a whole number attribute's value.
func peopleNumber(t *testing.T, v tftypes.Value) int64 {
	t.Helper()
	var n *big.Float
	if err := v.As(&n); err != nil || n == nil {
		t.Fatalf("%s is not a number: %v", v, err)
	}
	i, _ := n.Int64()
	return i
}
