package kickserv_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
)

// Bad input fails at plan time, with a message naming the attribute.
func TestAccEmployee_planTimeValidation(t *testing.T) {
	preCheck(t)
	cases := []struct {
		name  string
		attrs map[string]string
		want  *regexp.Regexp
	}{
		{"empty name", map[string]string{"name": `""`},
			regexp.MustCompile(`Attribute name string length must be at least 1`)},
		{"blank name", map[string]string{"name": `"   "`},
			regexp.MustCompile(`Attribute name must not be blank`)},
		{"empty username", map[string]string{"name": `"x"`, "username": `""`},
			regexp.MustCompile(`Attribute username string length must be at least 1`)},
		{"empty optional text", map[string]string{"name": `"x"`, "zip_code": `""`},
			regexp.MustCompile(`Attribute zip_code string length must be at least 1`)},
		{"login without username", map[string]string{"name": `"x"`, "can_login": "true", "password": `"secret-1"`},
			acctest.ErrorText("A Kickserv employee with can_login = true needs a username.")},
		{"empty password", map[string]string{"name": `"x"`, "password": `""`},
			regexp.MustCompile(`Attribute password string length must be at least 1`)},
		{"both passwords", map[string]string{"name": `"x"`, "password": `"a-password"`, "password_wo": `"b-password"`},
			regexp.MustCompile(`(?s)Attribute "password(_wo)?" cannot be specified when\s+"password(_wo)?" is\s+specified`)},
		{"version without write-only password", map[string]string{"name": `"x"`, "password_wo_version": "1"},
			regexp.MustCompile(`(?s)Attribute "password_wo" must be specified when\s+"password_wo_version" is\s+specified`)},
	}
	steps := make([]resource.TestStep, 0, len(cases))
	for _, tc := range cases {
		steps = append(steps, resource.TestStep{
			Config:      employeeBlock("bad", tc.attrs),
			PlanOnly:    true,
			ExpectError: tc.want,
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps:                    steps,
	})
	t.Logf("%d invalid employee configurations refused at plan time", len(cases))
}
