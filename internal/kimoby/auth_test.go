package kimoby_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
)

// Wrong credentials fail with Kimoby's own message and a hint at the
// settings, without showing the secret.
func TestAccKimobyAuth_wrongCredentials(t *testing.T) {
	preCheck(t)
	run := acctest.Isolated(t, emulator.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: isolatedProvider(run, "not-the-secret") + `
resource "fieldservice_kimoby_webhook" "w" {
  url = "https://hooks.example.com/auth"
}
`,
			// The first request is the listing that checks the url is free
			// (a GET); the create is never sent.
			ExpectError: regexp.MustCompile(`(?s)Creating Kimoby webhook for "https://hooks.example.com/auth" failed.*GET\s+/webhooks\s+returned\s+401\s+Unauthorized:\s+Unauthorized:\s+invalid\s+API\s+key\s+or\s+secret.*KIMOBY_API_KEY\s+and\s+KIMOBY_API_SECRET`),
		}},
	})
	if got := run.Kimoby.Stats().Unauthorized; got != 1 {
		t.Errorf("the emulator refused %d requests, want 1 (a 401 is not retried)", got)
	}
}

func TestAccKimobyConfig_errors(t *testing.T) {
	preCheck(t)
	webhook := `
resource "fieldservice_kimoby_webhook" "w" {
  url = "https://hooks.example.com/config"
}
`
	cases := []struct{ block, want string }{
		{`kimoby {
    base_url   = "http://api.kimoby.example/v1"
    api_key    = "key"
    api_secret = "secret"
  }`, `(?s)Insecure or invalid Kimoby base URL.*kimoby\.base_url\s+\(KIMOBY_BASE_URL\):\s+refusing\s+to\s+send\s+credentials\s+over\s+plain\s+http`},
		{`kimoby {
    base_url   = "ftp://api.kimoby.example/v1"
    api_key    = "key"
    api_secret = "secret"
  }`, `(?s)Insecure or invalid Kimoby base URL.*the\s+scheme\s+must\s+be\s+https`},
	}
	for _, tc := range cases {
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProviderFactories(),
			Steps: []resource.TestStep{{
				Config:      "provider \"fieldservice\" {\n  " + tc.block + "\n}\n" + webhook,
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(tc.want),
			}},
		})
	}
}

// Kimoby left unconfigured is fine until one of its objects is used; then
// the error names every missing setting and its environment variable, at
// plan time for resources.
func TestAccKimobyConfig_notConfigured(t *testing.T) {
	preCheck(t)
	t.Setenv("KIMOBY_API_KEY", "")
	t.Setenv("KIMOBY_API_SECRET", "")
	missing := acctest.ErrorText("Kimoby resources need api_key (KIMOBY_API_KEY) and api_secret (KIMOBY_API_SECRET).")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{Config: `provider "fieldservice" {}`},
			{
				PlanOnly:    true,
				Config:      `resource "fieldservice_kimoby_webhook" "w" { url = "https://hooks.example.com/unconfigured" }`,
				ExpectError: missing,
			},
			{
				PlanOnly:    true,
				Config:      `data "fieldservice_kimoby_webhooks" "all" {}`,
				ExpectError: missing,
			},
			{
				// Only the secret is missing: only the secret is named.
				PlanOnly: true,
				Config: `
provider "fieldservice" {
  kimoby {
    api_key = "key-only"
  }
}
resource "fieldservice_kimoby_webhook" "w" { url = "https://hooks.example.com/unconfigured" }
`,
				ExpectError: acctest.ErrorText("Kimoby resources need api_secret (KIMOBY_API_SECRET)."),
			},
		},
	})
}
