package kickserv_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
)

// The data source finds an employee by number, by username (ignoring case)
// and by email address, across pages, and explains zero or several matches.
func TestAccEmployeeDataSource_lookups(t *testing.T) {
	preCheck(t)
	base := strings.ReplaceAll(acctest.RandomName("ds"), "-", "_")
	employees := fmt.Sprintf(`
resource "fieldservice_kickserv_employee" "exact" {
  name          = "%[1]s exact"
  username      = "%[1]s"
  email_address = "%[1]s@example.com"
  city          = "Austin"
}
resource "fieldservice_kickserv_employee" "dup1" {
  name          = "%[1]s dup one"
  email_address = "%[1]s.shared@example.com"
}
resource "fieldservice_kickserv_employee" "dup2" {
  name          = "%[1]s dup two"
  email_address = "%[1]s.shared@example.com"
  active        = false
}
`, base)
	const ds = "data.fieldservice_kickserv_employee."
	// The look-ups that fail, and what they say.
	failures := []struct {
		name, config string
		planOnly     bool
		err          *regexp.Regexp
	}{
		{
			name:   "no employee has the username",
			config: `data "fieldservice_kickserv_employee" "none" { username = "no_such_user_anywhere" }`,
			err:    acctest.ErrorText(`no Kickserv employee, active or inactive, has the username "no_such_user_anywhere"`),
		},
		{
			name:   "two employees have the email address",
			config: fmt.Sprintf(`data "fieldservice_kickserv_employee" "two" { email_address = "%s.shared@example.com" }`, base),
			err:    regexp.MustCompile(`(?s)2\s+Kickserv\s+employees\s+have\s+the\s+email\s+address\s+"` + base + `\.shared@example\.com"\s+\(employee\s+numbers\s+\d+,\s+\d+\);\s+look\s+it\s+up\s+by\s+employee_number`),
		},
		{
			name:   "no employee has the number",
			config: `data "fieldservice_kickserv_employee" "gone" { employee_number = 987654321 }`,
			err:    acctest.ErrorText("no Kickserv employee has the employee number 987654321"),
		},
		{
			name:     "neither number, username nor email address",
			config:   `data "fieldservice_kickserv_employee" "neither" {}`,
			planOnly: true,
			err:      regexp.MustCompile(`Exactly one of these attributes must be configured:\s+\[employee_number,username,email_address\]`),
		},
		{
			name: "username and number",
			config: `
data "fieldservice_kickserv_employee" "both" {
  username        = "a"
  employee_number = 1
}`,
			planOnly: true,
			err:      regexp.MustCompile(`Exactly one of these attributes must be configured`),
		},
	}
	steps := []resource.TestStep{
		{Config: employees},
		{
			Config: employees + fmt.Sprintf(`
data "fieldservice_kickserv_employee" "by_number" {
  employee_number = tonumber(fieldservice_kickserv_employee.exact.id)
}
data "fieldservice_kickserv_employee" "by_username" {
  username = %q
}
data "fieldservice_kickserv_employee" "by_email" {
  email_address = "%s@EXAMPLE.com"
}
data "fieldservice_kickserv_employee" "inactive" {
  employee_number = tonumber(fieldservice_kickserv_employee.dup2.id)
}
`, strings.ToUpper(base), base),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttrPair(ds+"by_number", "id", "fieldservice_kickserv_employee.exact", "id"),
				resource.TestCheckResourceAttrPair(ds+"by_number", "employee_id", "fieldservice_kickserv_employee.exact", "employee_id"),
				resource.TestCheckResourceAttrPair(ds+"by_number", "created_at", "fieldservice_kickserv_employee.exact", "created_at"),
				resource.TestCheckResourceAttr(ds+"by_number", "username", base),
				resource.TestCheckResourceAttr(ds+"by_number", "city", "Austin"),
				resource.TestCheckResourceAttrSet(ds+"by_number", "updated_at"),
				resource.TestCheckResourceAttrPair(ds+"by_username", "id", "fieldservice_kickserv_employee.exact", "id"),
				resource.TestCheckResourceAttrPair(ds+"by_username", "employee_number", "fieldservice_kickserv_employee.exact", "id"),
				resource.TestCheckResourceAttr(ds+"by_username", "username", base),
				resource.TestCheckResourceAttrPair(ds+"by_email", "id", "fieldservice_kickserv_employee.exact", "id"),
				resource.TestCheckResourceAttr(ds+"by_email", "email_address", base+"@example.com"),
				resource.TestCheckResourceAttr(ds+"inactive", "active", "false"),
				resource.TestCheckResourceAttr(ds+"inactive", "name", base+" dup two"),
			),
		},
	}
	for _, f := range failures {
		step := len(steps) + 1
		steps = append(steps, resource.TestStep{
			PreConfig:   func() { t.Logf("step %d: %s", step, f.name) },
			Config:      employees + f.config,
			PlanOnly:    f.planOnly,
			ExpectError: f.err,
		})
	}
	// End on a valid configuration, which the final destroy uses.
	steps = append(steps, resource.TestStep{Config: employees})
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: acctest.ProviderFactories(), Steps: steps})
}

// The list data source returns every employee across pages, and filters
// by active.
func TestAccEmployeesDataSource_list(t *testing.T) {
	preCheck(t)
	base := strings.ReplaceAll(acctest.RandomName("list"), "-", "_")
	employees := fmt.Sprintf(`
resource "fieldservice_kickserv_employee" "on" {
  name = "%[1]s on"
}
resource "fieldservice_kickserv_employee" "off" {
  name   = "%[1]s off"
  active = false
}
`, base)
	lists := `
data "fieldservice_kickserv_employees" "all" {
  depends_on = [fieldservice_kickserv_employee.on, fieldservice_kickserv_employee.off]
}
data "fieldservice_kickserv_employees" "active" {
  active     = true
  depends_on = [fieldservice_kickserv_employee.on, fieldservice_kickserv_employee.off]
}
data "fieldservice_kickserv_employees" "inactive" {
  active     = false
  depends_on = [fieldservice_kickserv_employee.on, fieldservice_kickserv_employee.off]
}
`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{Config: employees},
			{
				Config: employees + lists,
				Check: resource.ComposeAggregateTestCheckFunc(
					listed("all", "fieldservice_kickserv_employee.on", true, nil),
					listed("all", "fieldservice_kickserv_employee.off", true, nil),
					listed("active", "fieldservice_kickserv_employee.on", true, boolp(true)),
					listed("active", "fieldservice_kickserv_employee.off", false, boolp(true)),
					listed("inactive", "fieldservice_kickserv_employee.off", true, boolp(false)),
					listed("inactive", "fieldservice_kickserv_employee.on", false, boolp(false)),
				),
			},
		},
	})
}

func boolp(b bool) *bool { return &b }

// listed checks that data source list contains (or not) the employee of
// resource addr, that every entry has the active value filtered on, and
// that the list is in employee number order without duplicates.
func listed(list, addr string, want bool, active *bool) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		ds, ok := s.RootModule().Resources["data.fieldservice_kickserv_employees."+list]
		if !ok {
			return fmt.Errorf("data source %s not in state", list)
		}
		id := s.RootModule().Resources[addr].Primary.ID
		attrs := ds.Primary.Attributes
		var count int
		if _, err := fmt.Sscan(attrs["employees.#"], &count); err != nil || count == 0 {
			return fmt.Errorf("%s lists %q employees", list, attrs["employees.#"])
		}
		found := false
		prev := int64(0)
		for i := 0; i < count; i++ {
			p := fmt.Sprintf("employees.%d.", i)
			if attrs[p+"id"] == id {
				found = true
			}
			if active != nil && attrs[p+"active"] != fmt.Sprint(*active) {
				return fmt.Errorf("%s lists employee %s with active = %s", list, attrs[p+"id"], attrs[p+"active"])
			}
			var n int64
			if _, err := fmt.Sscan(attrs[p+"employee_number"], &n); err != nil || n <= prev {
				return fmt.Errorf("%s is not in employee number order at entry %d (%q after %d)", list, i, attrs[p+"employee_number"], prev)
			}
			prev = n
		}
		if found != want {
			return fmt.Errorf("%s contains %s (employee %s): %v, want %v", list, addr, id, found, want)
		}
		return nil
	}
}
