package acctest

import (
	"context"
	"testing"

	stapi "github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// ServiceTradeHome is the company and home office of the account's first
// active user with both, which the users a test makes join.
func ServiceTradeHome(t *testing.T, c *stapi.Client) (company, office int64) {
	t.Helper()
	users, err := c.ListUsers(context.Background(), stapi.UserFilter{})
	if err != nil {
		t.Fatalf("listing the account's users: %v", err)
	}
	for _, u := range users {
		if u.Company != nil && u.Location != nil {
			return u.Company.ID, u.Location.ID
		}
	}
	t.Fatal("no active user of the account has a company and a home office; the test needs one")
	return 0, 0
}

// NewServiceTradeUser creates, through c, an active user of the account's
// home company and office for the test alone (its username starts with
// prefix): a new user holds the account's default role and nothing else.
// ServiceTrade cannot delete users, so the user is made inactive when the
// test ends.
func NewServiceTradeUser(t *testing.T, c *stapi.Client, prefix string) int64 {
	t.Helper()
	ctx := context.Background()
	company, office := ServiceTradeHome(t, c)
	name := RandomName(prefix)
	u, err := c.CreateUser(ctx, stapi.UserInput{
		Username: name, FirstName: "Role", LastName: "Tester", Password: "tribbles123", Email: name + "@example.com",
		CompanyID: company, LocationID: office, Status: stapi.UserActive,
	})
	if err != nil {
		t.Fatalf("creating a test user: %v", err)
	}
	t.Cleanup(func() { _, _ = c.SetUserStatus(context.Background(), u.ID, stapi.UserInactive) })
	return u.ID
}

// ServiceTradeRoles returns the role newUser (made by NewServiceTradeUser)
// holds, the account's default, and two other roles of the account.
func ServiceTradeRoles(t *testing.T, c *stapi.Client, newUser int64) (def, first, second int64) {
	t.Helper()
	ctx := context.Background()
	held, err := c.ListUserRoles(ctx, newUser)
	if err != nil || len(held) != 1 {
		t.Fatalf("a new user should hold the default role only: %v, %v", held, err)
	}
	all, err := c.ListRoles(ctx, stapi.RoleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var others []int64
	for _, r := range all {
		if r.ID != held[0].ID {
			others = append(others, r.ID)
		}
	}
	if len(others) < 2 {
		t.Fatalf("the account needs two roles besides the default one, has %d", len(others))
	}
	return held[0].ID, others[0], others[1]
}
