package servicetrade_test

import (
	"fmt"
	"regexp"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/provider"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// clientRecorder keeps every ServiceTrade client the provider builds: one
// per provider process (Terraform starts one per command).
type clientRecorder struct {
	mu      sync.Mutex
	clients []*api.Client
}

func (r *clientRecorder) hook() provider.Option {
	return provider.WithServiceTradeClientHook(func(c *api.Client) {
		r.mu.Lock()
		defer r.mu.Unlock()
		r.clients = append(r.clients, c)
	})
}

// logins returns the total logins and the largest count of one process.
func (r *clientRecorder) logins() (total, most int64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, c := range r.clients {
		total += c.AuthCount()
		most = max(most, c.AuthCount())
	}
	return total, most
}

type authFlow struct {
	name   string
	creds  string
	issued func(emust.Stats) int
}

var authFlows = []authFlow{
	{"oauth2", fmt.Sprintf("client_id = %q\n    client_secret = %q", emust.ClientID, emust.ClientSecret),
		func(s emust.Stats) int { return s.TokensIssued }},
	{"session", fmt.Sprintf("username = %q\n    password = %q", emust.Username, emust.Password),
		func(s emust.Stats) int { return s.SessionsCreated }},
}

func isolatedConfig(run *emulator.Running, creds string, regions int) string {
	cfg := fmt.Sprintf(`
provider "fieldservice" {
  servicetrade {
    base_url = %q
    %s
  }
}
`, run.ServiceTradeURL(), creds)
	for i := 0; i < regions; i++ {
		cfg += fmt.Sprintf(`
resource "fieldservice_servicetrade_region" "r%d" {
  name   = "auth-%d"
  points = [{ lat = 1, lon = 1 }, { lat = 2, lon = 2 }, { lat = 3, lon = 1 }]
}
`, i, i)
	}
	return cfg
}

// Both flows work, and each provider process logs in exactly once however
// many resources it manages in parallel.
func TestAccServiceTradeAuth_oneLoginPerProcess(t *testing.T) {
	for _, flow := range authFlows {
		t.Run(flow.name, func(t *testing.T) {
			preCheck(t)
			run := acctest.Isolated(t, emulator.Options{})
			rec := &clientRecorder{}
			check := func(*terraform.State) error {
				total, most := rec.logins()
				if most != 1 {
					return fmt.Errorf("a provider process logged in %d times, want exactly 1", most)
				}
				if got := flow.issued(run.ServiceTrade.Stats()); int64(got) != total {
					return fmt.Errorf("the emulator issued %d credentials but the provider processes obtained %d", got, total)
				}
				return nil
			}
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories(rec.hook()),
				Steps: []resource.TestStep{
					{Config: isolatedConfig(run, flow.creds, 8), Check: check},
					{Config: isolatedConfig(run, flow.creds, 3), Check: check},
				},
			})
		})
	}
}

// A session or token that expires in the middle of an apply is re-established
// once and the apply succeeds.
func TestAccServiceTradeAuth_expiryMidApply(t *testing.T) {
	for _, flow := range authFlows {
		t.Run(flow.name, func(t *testing.T) {
			preCheck(t)
			run := acctest.Isolated(t, emulator.Options{})
			rec := &clientRecorder{}
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories(rec.hook()),
				Steps: []resource.TestStep{{
					// Expire every credential after the third API request of the apply.
					PreConfig: func() { run.ServiceTrade.ExpireCredentialsAfter(3) },
					Config:    isolatedConfig(run, flow.creds, 6),
					Check: func(*terraform.State) error {
						st := run.ServiceTrade.Stats()
						if st.Unauthorized == 0 {
							return fmt.Errorf("no request was refused: the credentials never expired, so the test proved nothing")
						}
						_, most := rec.logins()
						if most != 2 {
							return fmt.Errorf("the process that saw the expiry logged in %d times, want 2 (one login, one re-login)", most)
						}
						return nil
					},
				}},
			})
		})
	}
}

func TestAccServiceTradeAuth_wrongCredentials(t *testing.T) {
	preCheck(t)
	run := acctest.Isolated(t, emulator.Options{})
	cases := []struct{ creds, want string }{
		{fmt.Sprintf("client_id = %q\n    client_secret = \"not-the-secret\"", emust.ClientID),
			`(?s)ServiceTrade authentication \(OAuth2 client credentials\) failed.*401.*invalid_client`},
		{fmt.Sprintf("username = %q\n    password = \"not-the-password\"", emust.Username),
			`(?s)ServiceTrade authentication \(username/password session\) failed.*403.*Invalid\s+credentials\s+provided`},
	}
	for _, tc := range cases {
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProviderFactories(),
			Steps: []resource.TestStep{{
				Config:      isolatedConfig(run, tc.creds, 1),
				ExpectError: regexp.MustCompile(tc.want),
			}},
		})
	}
}

func TestAccServiceTradeConfig_errors(t *testing.T) {
	preCheck(t)
	region := `
resource "fieldservice_servicetrade_region" "r" {
  name   = "config"
  points = [{ lat = 1, lon = 1 }, { lat = 2, lon = 2 }, { lat = 3, lon = 1 }]
}
`
	cases := []struct{ block, want string }{
		{`servicetrade {
    base_url      = "http://api.example.com/api"
    client_id     = "id"
    client_secret = "secret"
  }`, `(?s)refusing\s+to\s+send\s+credentials\s+over\s+plain\s+http`},
		{`servicetrade {
    client_id = "id-without-secret"
  }`, `(?s)Incomplete ServiceTrade OAuth2 credentials.*client_secret\s+\(SERVICETRADE_CLIENT_SECRET\)`},
		{`servicetrade {
    password = "password-without-user"
  }`, `(?s)Incomplete ServiceTrade login credentials.*username\s+\(SERVICETRADE_USERNAME\)`},
		{`request_timeout = "soon"`, `(?s)request_timeout must be a positive duration`},
	}
	for _, tc := range cases {
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProviderFactories(),
			Steps: []resource.TestStep{{
				Config:      "provider \"fieldservice\" {\n  " + tc.block + "\n}\n" + region,
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(tc.want),
			}},
		})
	}
}

// A vendor left unconfigured is fine until one of its resources is used;
// then the error names every missing setting and its environment variable.
func TestAccServiceTradeConfig_notConfigured(t *testing.T) {
	preCheck(t)
	for _, v := range []string{"SERVICETRADE_CLIENT_ID", "SERVICETRADE_CLIENT_SECRET", "SERVICETRADE_USERNAME", "SERVICETRADE_PASSWORD"} {
		t.Setenv(v, "")
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{Config: `provider "fieldservice" {}`},
			{
				// Refused at plan, before anything is applied.
				PlanOnly: true,
				Config: `
resource "fieldservice_servicetrade_region" "r" {
  name   = "unconfigured"
  points = [{ lat = 1, lon = 1 }, { lat = 2, lon = 2 }, { lat = 3, lon = 1 }]
}`,
				ExpectError: acctest.ErrorText("ServiceTrade resources need client_id (SERVICETRADE_CLIENT_ID) with client_secret (SERVICETRADE_CLIENT_SECRET), or username (SERVICETRADE_USERNAME) with password (SERVICETRADE_PASSWORD)."),
			},
		},
	})
}
