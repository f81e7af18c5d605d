package provider

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
)

// A base URL with credentials in it (https://user:secret@host) is refused
// when the provider is configured, whether it comes from the block or the
// environment; the error names the setting and its variable, and shows
// neither the secret nor the user.
func TestBaseURLWithUserinfoIsRefused(t *testing.T) {
	const secret = "url-s3cret-0042"
	vendors := []struct {
		attr, env string
		configure func(base types.String, d *diag.Diagnostics) error
	}{
		{"servicetrade.base_url", "SERVICETRADE_BASE_URL", func(base types.String, d *diag.Diagnostics) error {
			m := &serviceTradeModel{BaseURL: base, ClientID: types.StringValue("id"), ClientSecret: types.StringValue("cs-1234")}
			return (&Provider{}).configureServiceTrade(m, transport.Config{}, d).Err
		}},
		{"kimoby.base_url", "KIMOBY_BASE_URL", func(base types.String, d *diag.Diagnostics) error {
			m := &kimobyModel{BaseURL: base, APIKey: types.StringValue("k-1234"), APISecret: types.StringValue("s-1234")}
			return configureKimoby(m, transport.Config{}, d).Err
		}},
		{"kickserv.base_url", "KICKSERV_BASE_URL", func(base types.String, d *diag.Diagnostics) error {
			m := &kickservModel{BaseURL: base, Account: types.StringValue("acme"), APIToken: types.StringValue("t-1234")}
			return configureKickserv(m, transport.Config{}, d).Err
		}},
	}
	for _, v := range vendors {
		for _, raw := range []string{
			"https://admin:" + secret + "@api.example.com/api",
			"https://" + secret + "@api.example.com/api",
			"http://admin:" + secret + "@127.0.0.1:8787/api",
			"https://admin:" + secret + "@api example.com/api", // does not even parse
		} {
			for _, fromEnv := range []bool{false, true} {
				base := types.StringValue(raw)
				if fromEnv {
					base = types.StringNull()
					t.Setenv(v.env, raw)
				}
				var d diag.Diagnostics
				err := v.configure(base, &d)
				if err == nil || !d.HasError() {
					t.Errorf("%s = %s (from the environment: %v) accepted", v.attr, raw, fromEnv)
					continue
				}
				var text strings.Builder
				text.WriteString(err.Error())
				for _, e := range d.Errors() {
					text.WriteString(" | " + e.Summary() + ": " + e.Detail())
				}
				for _, want := range []string{v.attr, v.env} {
					if !strings.Contains(text.String(), want) {
						t.Errorf("%s: %q does not name %s", raw, text.String(), want)
					}
				}
				for _, leak := range []string{secret, "admin"} {
					if strings.Contains(text.String(), leak) {
						t.Errorf("%s: %q shows %q", raw, text.String(), leak)
					}
				}
			}
		}
	}
}
