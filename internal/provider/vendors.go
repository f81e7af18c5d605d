package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/diag"

	kickservapi "github.com/fieldservice/terraform-provider-fieldservice/internal/kickserv/api"
	kimobyapi "github.com/fieldservice/terraform-provider-fieldservice/internal/kimoby/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/providerdata"
	stapi "github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
)

const (
	defaultKimobyURL   = kimobyapi.DefaultBaseURL
	defaultKickservURL = kickservapi.DefaultBaseURL
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

// configureKimoby resolves the kimoby block and builds the Kimoby client
// with the same transport settings as the other vendors. Like ServiceTrade,
// a wrong setting is an error at once; missing ones only matter when a
// Kimoby resource is used.
func configureKimoby(m *kimobyModel, httpCfg transport.Config, diags *diag.Diagnostics) providerdata.Vendor[*kimobyapi.Client] {
	v := providerdata.Vendor[*kimobyapi.Client]{Name: "Kimoby"}
	if m == nil {
		m = &kimobyModel{}
	}
	r := &resolver{}
	cfg := kimobyapi.Config{BaseURL: r.str(m.BaseURL, kimBaseURL), APIKey: r.str(m.APIKey, kimAPIKey), APISecret: r.str(m.APISecret, kimAPISecret), HTTP: httpCfg}
	if err := checkBaseURL("kimoby.base_url", kimBaseURL.env, cfg.BaseURL); err != nil {
		diags.AddAttributeError(pathOf("kimoby", "base_url"), "Insecure or invalid Kimoby base URL", err.Error())
		v.Err = err
		return v
	}
	var missing []string
	if cfg.APIKey == "" {
		missing = append(missing, describe(kimAPIKey))
	}
	if cfg.APISecret == "" {
		missing = append(missing, describe(kimAPISecret))
	}
	if len(missing) > 0 {
		v.Err = missingErr("Kimoby", "kimoby", missing, r.unknown)
		return v
	}
	client, err := kimobyapi.New(cfg)
	if err != nil {
		v.Err = err
		diags.AddError("Invalid Kimoby configuration", err.Error())
		return v
	}
	v.Client = client
	return v
}

// configureKickserv resolves the kickserv block and builds the Kickserv
// client with the same transport settings as the other vendors. A wrong
// setting is an error at once; missing ones only matter when a Kickserv
// resource is used.
func configureKickserv(m *kickservModel, httpCfg transport.Config, diags *diag.Diagnostics) providerdata.Vendor[*kickservapi.Client] {
	v := providerdata.Vendor[*kickservapi.Client]{Name: "Kickserv"}
	if m == nil {
		m = &kickservModel{}
	}
	r := &resolver{}
	cfg := kickservapi.Config{BaseURL: r.str(m.BaseURL, ksBaseURL), Account: r.str(m.Account, ksAccount), APIToken: r.str(m.APIToken, ksAPIToken), HTTP: httpCfg}
	if err := checkBaseURL("kickserv.base_url", ksBaseURL.env, cfg.BaseURL); err != nil {
		diags.AddAttributeError(pathOf("kickserv", "base_url"), "Insecure or invalid Kickserv base URL", err.Error())
		v.Err = err
		return v
	}
	var missing []string
	if cfg.Account == "" {
		missing = append(missing, describe(ksAccount))
	}
	if cfg.APIToken == "" {
		missing = append(missing, describe(ksAPIToken))
	}
	if len(missing) > 0 {
		v.Err = missingErr("Kickserv", "kickserv", missing, r.unknown)
		return v
	}
	client, err := kickservapi.New(cfg)
	if err != nil {
		v.Err = err
		diags.AddError("Invalid Kickserv configuration", err.Error())
		return v
	}
	v.Client = client
	return v
}
