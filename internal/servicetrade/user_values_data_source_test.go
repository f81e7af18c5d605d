package servicetrade_test

import (
	"context"
	"regexp"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// The values of a user, read-only ones included and told apart, with the
// import id of each; a user that does not exist and a user id that cannot
// be one fail with errors that say so.
func TestAccUserValuesDataSource(t *testing.T) {
	preCheck(t)
	acctest.RequireEmulator(t) // relies on the values seeded on the emulator's login user
	c := acctest.ServiceTradeClient(t)
	users, err := c.ListUsers(context.Background(), api.UserFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var login int64
	for _, u := range users {
		if u.Username == emust.Username {
			login = u.ID
		}
	}
	if login == 0 {
		t.Fatalf("no user %q among %d users", emust.Username, len(users))
	}
	uid := strconv.FormatInt(login, 10)
	const values dataSource = "fieldservice_servicetrade_user_values"
	const ds = "data.fieldservice_servicetrade_user_values."
	lookupTable{cases: []lookupCase{
		{
			name:   "a user that does not exist",
			config: values.block("gone", `user_id = 999`),
			err:    regexp.MustCompile(`Listing\s+ServiceTrade\s+user\s+values\s+failed(?s:.*)ServiceTrade\s+user\s+999\s+does\s+not\s+exist`),
		},
		{
			name:     "a user id that cannot be one",
			config:   values.block("zero", `user_id = 0`),
			planOnly: true,
			err:      acctest.ErrorText(`Attribute user_id value must be at least 1, got: 0`),
		},
		{
			name:   "the login user's values",
			config: values.block("login", "user_id = "+uid),
			check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(ds+"login", "user_values.#", "3"),
				checkListElem(ds+"login", "user_values", "name", "disableClock", map[string]string{
					"id": uid + "/disableClock", "value": "0", "settable": "true",
				}),
				checkListElem(ds+"login", "user_values", "name", "lastLogin", map[string]string{
					"id": uid + "/lastLogin", "value": emust.SeedLastLogin, "settable": "false",
				}),
				checkListElem(ds+"login", "user_values", "name", "dismissedWelcome", map[string]string{"settable": "false"}),
				resource.TestMatchResourceAttr(ds+"login", "user_values.0.value_id", regexp.MustCompile(`^\d{10,}$`)),
				resource.TestMatchResourceAttr(ds+"login", "user_values.0.uri", regexp.MustCompile(`/uservalue/\d+$`)),
			),
		},
	}}.run(t)
}
