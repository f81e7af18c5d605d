package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

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
	// The client lives for one Terraform command: reads may come from list
	// pages (ListedReads).
	client, err := stapi.New(stapi.Config{BaseURL: base, ClientID: id, ClientSecret: secret, Username: user, Password: pass, HTTP: httpCfg, ListedReads: true})
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

// keyedVendor is what configuring Kimoby and Kickserv shares: a base URL
// and credentials that are all required. Like ServiceTrade, a wrong setting
// is an error at once; missing ones only matter when one of the vendor's
// resources is used.
type keyedVendor[C any] struct {
	name, block string
	baseURL     setting
	// build makes the client from the base URL and the credentials, in the
	// order of credentials.
	build func(base string, creds []string) (C, error)
}

// credential is one required setting with the value written in the block.
type credential struct {
	value types.String
	setting
}

// configure resolves the block's values against the environment and builds
// the client.
func (k keyedVendor[C]) configure(base types.String, creds []credential, diags *diag.Diagnostics) providerdata.Vendor[C] {
	v := providerdata.Vendor[C]{Name: k.name}
	r := &resolver{}
	url := r.str(base, k.baseURL)
	values := make([]string, len(creds))
	for i, c := range creds {
		values[i] = r.str(c.value, c.setting)
	}
	if err := checkBaseURL(k.block+".base_url", k.baseURL.env, url); err != nil {
		diags.AddAttributeError(pathOf(k.block, "base_url"), "Insecure or invalid "+k.name+" base URL", err.Error())
		v.Err = err
		return v
	}
	var missing []string
	for i, c := range creds {
		if values[i] == "" {
			missing = append(missing, describe(c.setting))
		}
	}
	if len(missing) > 0 {
		v.Err = missingErr(k.name, k.block, missing, r.unknown)
		return v
	}
	client, err := k.build(url, values)
	if err != nil {
		v.Err = err
		diags.AddError("Invalid "+k.name+" configuration", err.Error())
		return v
	}
	v.Client = client
	return v
}

// configureKimoby resolves the kimoby block and builds the Kimoby client
// with the same transport settings as the other vendors.
func configureKimoby(m *kimobyModel, httpCfg transport.Config, diags *diag.Diagnostics) providerdata.Vendor[*kimobyapi.Client] {
	if m == nil {
		m = &kimobyModel{}
	}
	return keyedVendor[*kimobyapi.Client]{name: "Kimoby", block: "kimoby", baseURL: kimBaseURL,
		build: func(base string, c []string) (*kimobyapi.Client, error) {
			return kimobyapi.New(kimobyapi.Config{BaseURL: base, APIKey: c[0], APISecret: c[1], HTTP: httpCfg})
		}}.configure(m.BaseURL, []credential{{m.APIKey, kimAPIKey}, {m.APISecret, kimAPISecret}}, diags)
}

// configureKickserv resolves the kickserv block and builds the Kickserv
// client with the same transport settings as the other vendors.
func configureKickserv(m *kickservModel, httpCfg transport.Config, diags *diag.Diagnostics) providerdata.Vendor[*kickservapi.Client] {
	if m == nil {
		m = &kickservModel{}
	}
	return keyedVendor[*kickservapi.Client]{name: "Kickserv", block: "kickserv", baseURL: ksBaseURL,
		build: func(base string, c []string) (*kickservapi.Client, error) {
			return kickservapi.New(kickservapi.Config{BaseURL: base, Account: c[0], APIToken: c[1], HTTP: httpCfg})
		}}.configure(m.BaseURL, []credential{{m.Account, ksAccount}, {m.APIToken, ksAPIToken}}, diags)
}
