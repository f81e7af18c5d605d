package servicetrade_test

import (
	"regexp"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
)

func TestAccRoleDataSource_lookups(t *testing.T) {
	preCheck(t)
	acctest.RequireEmulator(t) // relies on the emulator's seeded roles
	const role dataSource = "fieldservice_servicetrade_role"
	const ds = "data.fieldservice_servicetrade_role."
	lookupTable{cases: []lookupCase{
		{
			name:   "two roles have the name",
			config: role.block("two", attr("name", emust.DuplicateRole)),
			err:    regexp.MustCompile(`2\s+ServiceTrade\s+roles\s+have\s+the\s+name\s+"Office\s+Staff"\s+\(ids\s+\d+,\s+\d+\);\s+look\s+it\s+up\s+by\s+id`),
		},
		{
			name:   "names match case-sensitively",
			config: role.block("none", `name = "account tech"`),
			err:    acctest.ErrorText(`no ServiceTrade role has the name "account tech" (the match is exact and case-sensitive)`),
		},
		{
			name:   "no role has the id",
			config: role.block("gone", `id = "999"`),
			err:    regexp.MustCompile(`Reading\s+ServiceTrade\s+role\s+999\s+failed(?s:.*)role\s+999\s+not\s+found`),
		},
		{
			name:     "neither id nor name",
			config:   role.block("neither"),
			planOnly: true,
			err:      acctest.ErrorText(`Exactly one of these attributes must be configured: [id,name]`),
		},
		{
			name: "by name and by id",
			config: role.block("tech", attr("name", emust.DefaultRole)) +
				role.block("by_id", `id = data.fieldservice_servicetrade_role.tech.id`),
			check: resource.ComposeAggregateTestCheckFunc(
				resource.TestMatchResourceAttr(ds+"tech", "id", regexp.MustCompile(`^\d{10,}$`)),
				resource.TestCheckResourceAttr(ds+"tech", "description", "Tech for a stand alone account"),
				resource.TestCheckResourceAttr(ds+"tech", "global", "true"),
				resource.TestCheckResourceAttr(ds+"tech", "activities.#", "13"),
				resource.TestCheckResourceAttr(ds+"tech", "activities.0", "admin.attachment"),
				resource.TestMatchResourceAttr(ds+"tech", "uri", regexp.MustCompile(`/role/\d+$`)),
				resource.TestCheckResourceAttr(ds+"by_id", "name", emust.DefaultRole),
				resource.TestCheckResourceAttrPair(ds+"by_id", "activities.#", ds+"tech", "activities.#"),
				resource.TestCheckResourceAttrPair(ds+"by_id", "uri", ds+"tech", "uri"),
			),
		},
	}}.run(t)
}

func TestAccRolesDataSource_list(t *testing.T) {
	preCheck(t)
	acctest.RequireEmulator(t) // relies on the emulator's seeded roles
	user := newRoleTestUser(t)
	const roles dataSource = "fieldservice_servicetrade_roles"
	const ds = "data.fieldservice_servicetrade_roles."
	lookupTable{cases: []lookupCase{
		{
			name:   "a user that does not exist",
			config: roles.block("gone", `user_id = 999`),
			err:    regexp.MustCompile(`Listing\s+ServiceTrade\s+roles\s+failed(?s:.*)user\s+999\s+not\s+found(?s:.*)ServiceTrade\s+user\s+999\s+does\s+not\s+exist`),
		},
		{
			name:     "a user id that cannot be one",
			config:   roles.block("zero", `user_id = 0`),
			planOnly: true,
			err:      acctest.ErrorText(`Attribute user_id value must be at least 1, got: 0`),
		},
		{
			name:   "every role, and a new user's",
			config: roles.block("all") + roles.block("user", "user_id = "+strconv.FormatInt(user, 10)),
			check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(ds+"all", "roles.#", "5"),
				checkListElem(ds+"all", "roles", "name", emust.ManagerRole, map[string]string{"global": "true", "description": "Manager for a stand alone account"}),
				checkListElem(ds+"all", "roles", "name", emust.AdminRole, map[string]string{"global": "false", "activities.#": "9"}),
				resource.TestCheckNoResourceAttr(ds+"all", "user_id"),
				// A new user holds the account's default role.
				resource.TestCheckResourceAttr(ds+"user", "roles.#", "1"),
				resource.TestCheckResourceAttr(ds+"user", "roles.0.name", emust.DefaultRole),
				resource.TestMatchResourceAttr(ds+"user", "roles.0.id", regexp.MustCompile(`^\d{10,}$`)),
			),
		},
	}}.run(t)
}
