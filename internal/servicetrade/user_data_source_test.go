package servicetrade_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
)

// Looks up users by username, e-mail (ignoring case) and id; inactive users
// only on request; explains zero and several matches.
func TestAccUserDataSource_lookups(t *testing.T) {
	preCheck(t)
	acctest.RequireEmulator(t) // relies on the emulator's seeded users
	const user, company, location dataSource = "fieldservice_servicetrade_user", "fieldservice_servicetrade_company", "fieldservice_servicetrade_location"
	const ds = "data.fieldservice_servicetrade_user."
	var inactive emust.SeedUser
	for _, u := range emust.SeedUsers {
		if u.Status == "inactive" {
			inactive = u
		}
	}
	lookupTable{cases: []lookupCase{
		{
			name:   "an inactive user, without include_inactive",
			config: user.block("x", attr("username", inactive.Username)),
			err: acctest.ErrorText(fmt.Sprintf(`no ServiceTrade user has the username %q (the match is exact and case-sensitive). `+
				`Only users of your own company were searched, and only active ones; set include_inactive = true`, inactive.Username)),
		},
		{
			name:   "two users have the e-mail address",
			config: user.block("x", attr("email", emust.SharedUserEmail)),
			err:    regexp.MustCompile(`2\s+ServiceTrade\s+users\s+have\s+the\s+e-mail\s+address\s+"crew@example.com"\s+\(ids\s+\d+,\s+\d+\);\s+look\s+it\s+up\s+by\s+id`),
		},
		{
			name:   `usernames match exactly: "emulat" is only a substring`,
			config: user.block("x", `username = "emulat"`),
			err:    acctest.ErrorText(`no ServiceTrade user has the username "emulat"`),
		},
		{
			name:   "no user has the id",
			config: user.block("x", `id = "123"`),
			err:    regexp.MustCompile(`Reading\s+ServiceTrade\s+user\s+123\s+failed(?s:.*)user\s+123\s+not\s+found`),
		},
		{
			name:     "username and email",
			config:   user.block("x", `username = "a"`, `email = "b"`),
			planOnly: true,
			err:      acctest.ErrorText(`Exactly one of these attributes must be configured: [id,username,email]`),
		},
		{
			name: "by username, by e-mail ignoring case, inactive on request, by id",
			config: company.block("vendor", attr("name", emust.VendorCompany)) +
				location.block("home", `id = data.fieldservice_servicetrade_user.me.location_id`) +
				user.block("me", attr("username", emust.Username)) +
				user.block("sales", `email = "SAM.Sellers@example.com"`) +
				user.block("former", attr("username", inactive.Username), `include_inactive = true`) +
				user.block("by_id", `id = data.fieldservice_servicetrade_user.former.id`),
			check: resource.ComposeAggregateTestCheckFunc(
				resource.TestMatchResourceAttr(ds+"me", "id", regexp.MustCompile(`^\d{10,}$`)),
				resource.TestCheckResourceAttr(ds+"me", "name", "Emma Ulator"),
				resource.TestCheckResourceAttr(ds+"me", "email", "emma@example.com"),
				resource.TestCheckResourceAttr(ds+"me", "status", "active"),
				resource.TestCheckResourceAttrPair(ds+"me", "company_id", "data.fieldservice_servicetrade_company.vendor", "id"),
				resource.TestCheckResourceAttrSet("data.fieldservice_servicetrade_location.home", "name"),
				resource.TestCheckResourceAttr(ds+"sales", "username", "ssales"),
				resource.TestCheckResourceAttr(ds+"sales", "is_sales", "true"),
				resource.TestCheckResourceAttr(ds+"sales", "is_tech", "false"),
				// Matched ignoring case; the configured spelling is kept.
				resource.TestCheckResourceAttr(ds+"sales", "email", "SAM.Sellers@example.com"),
				resource.TestCheckResourceAttr(ds+"former", "status", "inactive"),
				resource.TestCheckResourceAttr(ds+"former", "is_tech", "true"),
				resource.TestCheckResourceAttr(ds+"former", "service_line_ids.#", "2"),
				resource.TestCheckResourceAttr(ds+"by_id", "username", inactive.Username),
				resource.TestCheckResourceAttr(ds+"by_id", "email", inactive.Email),
				resource.TestCheckResourceAttr(ds+"by_id", "first_name", inactive.FirstName),
				resource.TestCheckResourceAttr(ds+"by_id", "last_name", inactive.LastName),
			),
		},
	}}.run(t)
}
