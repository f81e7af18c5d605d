package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/providerdata"
	stapi "github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
)

const (
	defaultKimobyURL   = "https://api.kimoby.com/v1"
	defaultKickservURL = "https://app.kickserv.com"
)

var (
	stBaseURL      = setting{"base_url", "SERVICETRADE_BASE_URL", stapi.DefaultBaseURL}
	stClientID     = setting{"client_id", "SERVICETRADE_CLIENT_ID", ""}
	stClientSecret = setting{"client_secret", "SERVICETRADE_CLIENT_SECRET", ""}
	stUsername     = setting{"username", "SERVICETRADE_USERNAME", ""}
	stPassword     = setting{"password", "SERVICETRADE_PASSWORD", ""}

	kimBaseURL   = setting{"base_url", "KIMOBY_BASE_URL", defaultKimobyURL}
	kimAPIKey    = setting{"api_key", "KIMOBY_API_KEY", ""}
	kimAPISecret = setting{"api_secret", "KIMOBY_API_SECRET", ""}

	ksBaseURL  = setting{"base_url", "KICKSERV_BASE_URL", defaultKickservURL}
	ksAccount  = setting{"account", "KICKSERV_ACCOUNT", ""}
	ksAPIToken = setting{"api_token", "KICKSERV_API_TOKEN", ""}
)

// configureServiceTrade resolves the servicetrade block. Settings that are
// present but wrong (a half credential pair, an insecure URL) are errors at
// once; settings that are absent only matter when a ServiceTrade resource is
// used.
func (p *Provider) configureServiceTrade(m *serviceTradeModel, httpCfg transport.Config, diags *diag.Diagnostics) providerdata.Vendor[*stapi.Client] {
	v := providerdata.Vendor[*stapi.Client]{Name: "ServiceTrade"}
	if m == nil {
		m = &serviceTradeModel{}
	}
	r := &resolver{}
	base := r.str(m.BaseURL, stBaseURL)
	// Credentials written in the block win as a whole: environment
	// credentials are read only when the block names none, so that a
	// username/password block is not overridden by OAuth2 variables.
	r.envDisabled = anySet(m.ClientID, m.ClientSecret, m.Username, m.Password)
	id, secret := r.str(m.ClientID, stClientID), r.str(m.ClientSecret, stClientSecret)
	user, pass := r.str(m.Username, stUsername), r.str(m.Password, stPassword)

	if err := checkBaseURL("servicetrade.base_url", stBaseURL.env, base); err != nil {
		diags.AddAttributeError(pathOf("servicetrade", "base_url"), "Insecure or invalid ServiceTrade base URL", err.Error())
		v.Err = err
		return v
	}
	switch {
	case (id == "") != (secret == ""):
		missing := stClientSecret
		if id == "" {
			missing = stClientID
		}
		v.Err = missingErr("ServiceTrade", "servicetrade", []string{describe(missing)}, r.unknown)
		diags.AddAttributeError(pathOf("servicetrade", missing.attr), "Incomplete ServiceTrade OAuth2 credentials", v.Err.Error())
		return v
	case id == "" && (user == "") != (pass == ""):
		missing := stPassword
		if user == "" {
			missing = stUsername
		}
		v.Err = missingErr("ServiceTrade", "servicetrade", []string{describe(missing)}, r.unknown)
		diags.AddAttributeError(pathOf("servicetrade", missing.attr), "Incomplete ServiceTrade login credentials", v.Err.Error())
		return v
	case id == "" && user == "":
		v.Err = missingErr("ServiceTrade", "servicetrade",
			[]string{describe(stClientID) + " with " + describe(stClientSecret) + ", or " + describe(stUsername) + " with " + describe(stPassword)}, r.unknown)
		return v
	case id != "" && user != "":
		diags.AddWarning("Two sets of ServiceTrade credentials",
			"Both OAuth2 client credentials and a username/password are configured; the provider uses the OAuth2 client credentials and ignores the username and password.")
		user, pass = "", ""
	}
	client, err := stapi.New(stapi.Config{BaseURL: base, ClientID: id, ClientSecret: secret, Username: user, Password: pass, HTTP: httpCfg})
	if err != nil {
		v.Err = err
		diags.AddError("Invalid ServiceTrade configuration", err.Error())
		return v
	}
	if p.opts.onServiceTradeClient != nil {
		p.opts.onServiceTradeClient(client)
	}
	v.Client = client
	return v
}

// configureKimoby resolves the kimoby block. Its resources arrive with the
// Kimoby client; until then the settings are validated and kept.
func configureKimoby(m *kimobyModel, diags *diag.Diagnostics) providerdata.Vendor[providerdata.KimobyConfig] {
	v := providerdata.Vendor[providerdata.KimobyConfig]{Name: "Kimoby"}
	if m == nil {
		m = &kimobyModel{}
	}
	r := &resolver{}
	c := providerdata.KimobyConfig{BaseURL: r.str(m.BaseURL, kimBaseURL), APIKey: r.str(m.APIKey, kimAPIKey), APISecret: r.str(m.APISecret, kimAPISecret)}
	if err := checkBaseURL("kimoby.base_url", kimBaseURL.env, c.BaseURL); err != nil {
		diags.AddAttributeError(pathOf("kimoby", "base_url"), "Insecure or invalid Kimoby base URL", err.Error())
		v.Err = err
		return v
	}
	var missing []string
	if c.APIKey == "" {
		missing = append(missing, describe(kimAPIKey))
	}
	if c.APISecret == "" {
		missing = append(missing, describe(kimAPISecret))
	}
	if len(missing) > 0 {
		v.Err = missingErr("Kimoby", "kimoby", missing, r.unknown)
		return v
	}
	v.Client = c
	return v
}

// configureKickserv resolves the kickserv block, like configureKimoby.
func configureKickserv(m *kickservModel, diags *diag.Diagnostics) providerdata.Vendor[providerdata.KickservConfig] {
	v := providerdata.Vendor[providerdata.KickservConfig]{Name: "Kickserv"}
	if m == nil {
		m = &kickservModel{}
	}
	r := &resolver{}
	c := providerdata.KickservConfig{BaseURL: r.str(m.BaseURL, ksBaseURL), Account: r.str(m.Account, ksAccount), APIToken: r.str(m.APIToken, ksAPIToken)}
	if err := checkBaseURL("kickserv.base_url", ksBaseURL.env, c.BaseURL); err != nil {
		diags.AddAttributeError(pathOf("kickserv", "base_url"), "Insecure or invalid Kickserv base URL", err.Error())
		v.Err = err
		return v
	}
	var missing []string
	if c.Account == "" {
		missing = append(missing, describe(ksAccount))
	}
	if c.APIToken == "" {
		missing = append(missing, describe(ksAPIToken))
	}
	if len(missing) > 0 {
		v.Err = missingErr("Kickserv", "kickserv", missing, r.unknown)
		return v
	}
	v.Client = c
	return v
}
