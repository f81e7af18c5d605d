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
	const ds = "data.fieldservice_servicetrade_user."
	var inactive emust.SeedUser
	for _, u := range emust.SeedUsers {
		if u.Status == "inactive" {
			inactive = u
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: fmt.Sprintf(`data "fieldservice_servicetrade_user" "x" { username = %q }`, inactive.Username),
				ExpectError: acctest.ErrorText(fmt.Sprintf(`no ServiceTrade user has the username %q (the match is exact and case-sensitive). `+
					`Only users of your own company were searched, and only active ones; set include_inactive = true`, inactive.Username)),
			},
			{
				Config:      fmt.Sprintf(`data "fieldservice_servicetrade_user" "x" { email = %q }`, emust.SharedUserEmail),
				ExpectError: regexp.MustCompile(`2\s+ServiceTrade\s+users\s+have\s+the\s+e-mail\s+address\s+"crew@example.com"\s+\(ids\s+\d+,\s+\d+\);\s+look\s+it\s+up\s+by\s+id`),
			},
			{
				// Usernames match exactly: "emulat" is only a substring.
				Config:      `data "fieldservice_servicetrade_user" "x" { username = "emulat" }`,
				ExpectError: acctest.ErrorText(`no ServiceTrade user has the username "emulat"`),
			},
			{
				Config:      `data "fieldservice_servicetrade_user" "x" { id = "123" }`,
				ExpectError: regexp.MustCompile(`Reading\s+ServiceTrade\s+user\s+123\s+failed(?s:.*)user\s+123\s+not\s+found`),
			},
			{
				Config:      `data "fieldservice_servicetrade_user" "x" {` + "\n" + `  username = "a"` + "\n" + `  email    = "b"` + "\n}",
				PlanOnly:    true,
				ExpectError: acctest.ErrorText(`Exactly one of these attributes must be configured: [id,username,email]`),
			},
			{
				Config: fmt.Sprintf(`
data "fieldservice_servicetrade_company" "vendor" {
  name = %q
}
data "fieldservice_servicetrade_location" "home" {
  id = data.fieldservice_servicetrade_user.me.location_id
}
data "fieldservice_servicetrade_user" "me" {
  username = %q
}
data "fieldservice_servicetrade_user" "sales" {
  email = "SAM.Sellers@example.com"
}
data "fieldservice_servicetrade_user" "former" {
  username         = %q
  include_inactive = true
}
data "fieldservice_servicetrade_user" "by_id" {
  id = data.fieldservice_servicetrade_user.former.id
}
`, emust.VendorCompany, emust.Username, inactive.Username),
				Check: resource.ComposeAggregateTestCheckFunc(
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
		},
	})
}
