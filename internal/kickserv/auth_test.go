package kickserv_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emuks "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/kickserv"
)

const anEmployee = `
resource "fieldservice_kickserv_employee" "e" {
  name = "config"
}
`

// Wrong credentials fail with Kickserv's own message and say which
// settings to check.
func TestAccKickservAuth_wrongCredentials(t *testing.T) {
	preCheck(t)
	run := acctest.Isolated(t, emulator.Options{})
	cases := []struct{ account, token string }{
		{emuks.Account, "not-the-token"},
		{"no-such-account", emuks.APIToken},
	}
	for _, tc := range cases {
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProviderFactories(),
			Steps: []resource.TestStep{{
				Config: fmt.Sprintf(`
provider "fieldservice" {
  kickserv {
    base_url  = %q
    account   = %q
    api_token = %q
  }
}
`, run.KickservURL(), tc.account, tc.token) + anEmployee,
				ExpectError: regexp.MustCompile(`(?s)Kickserv authentication failed.*401.*Invalid\s+Username,\s+Account\s+or\s+password\..*KICKSERV_API_TOKEN`),
			}},
		})
	}
	if got := run.Kickserv.Stats().Unauthorized; got < len(cases) {
		t.Errorf("the emulator refused %d requests, want at least %d", got, len(cases))
	}
}

func TestAccKickservConfig_errors(t *testing.T) {
	preCheck(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: `
provider "fieldservice" {
  kickserv {
    base_url  = "http://kickserv.example.com"
    account   = "acme"
    api_token = "token"
  }
}
` + anEmployee,
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)kickserv\.base_url\s+\(KICKSERV_BASE_URL\).*refusing\s+to\s+send\s+credentials\s+over\s+plain\s+http`),
		}},
	})
}

// A vendor left unconfigured is fine until one of its resources is used;
// then the error names every missing setting and its environment variable.
func TestAccKickservConfig_notConfigured(t *testing.T) {
	preCheck(t)
	for _, v := range []string{"KICKSERV_ACCOUNT", "KICKSERV_API_TOKEN"} {
		t.Setenv(v, "")
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{Config: `provider "fieldservice" {}`},
			{
				PlanOnly:    true,
				Config:      anEmployee,
				ExpectError: acctest.ErrorText("Kickserv resources need account (KICKSERV_ACCOUNT) and api_token (KICKSERV_API_TOKEN)."),
			},
			{
				PlanOnly:    true,
				Config:      `data "fieldservice_kickserv_employees" "all" {}`,
				ExpectError: acctest.ErrorText("Kickserv is not configured"),
			},
		},
	})
}
