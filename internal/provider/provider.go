// Package provider defines the fieldservice provider: its configuration
// schema and the lists of resources, data sources and functions, which the
// vendor packages supply.
package provider

import (
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kickserv"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/kimoby"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/providerdata"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade"
	stapi "github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/validators"
)

var (
	_ provider.ProviderWithFunctions     = (*Provider)(nil)
	_ provider.ProviderWithListResources = (*Provider)(nil)
)

// Provider is the fieldservice provider.
type Provider struct {
	version string
	opts    options
}

// Option adjusts a Provider; used by tests to observe the clients it builds.
type Option func(*options)

type options struct {
	onServiceTradeClient func(*stapi.Client)
}

// WithServiceTradeClientHook calls f with every ServiceTrade client the
// provider creates, so tests can count logins per provider process.
func WithServiceTradeClientHook(f func(*stapi.Client)) Option {
	return func(o *options) { o.onServiceTradeClient = f }
}

// New returns a factory for the provider at the given version.
func New(version string, opts ...Option) func() provider.Provider {
	return func() provider.Provider {
		p := &Provider{version: version}
		for _, o := range opts {
			o(&p.opts)
		}
		return p
	}
}

func (p *Provider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "fieldservice"
	resp.Version = p.version
}

type providerModel struct {
	RequestTimeout   types.String       `tfsdk:"request_timeout"`
	RetryMaxAttempts types.Int64        `tfsdk:"retry_max_attempts"`
	RetryMinDelay    types.String       `tfsdk:"retry_min_delay"`
	RetryMaxDelay    types.String       `tfsdk:"retry_max_delay"`
	RetryMaxElapsed  types.String       `tfsdk:"retry_max_elapsed"`
	ServiceTrade     *serviceTradeModel `tfsdk:"servicetrade"`
	Kimoby           *kimobyModel       `tfsdk:"kimoby"`
	Kickserv         *kickservModel     `tfsdk:"kickserv"`
}

type serviceTradeModel struct {
	BaseURL      types.String `tfsdk:"base_url"`
	ClientID     types.String `tfsdk:"client_id"`
	ClientSecret types.String `tfsdk:"client_secret"`
	Username     types.String `tfsdk:"username"`
	Password     types.String `tfsdk:"password"`
}

type kimobyModel struct {
	BaseURL   types.String `tfsdk:"base_url"`
	APIKey    types.String `tfsdk:"api_key"`
	APISecret types.String `tfsdk:"api_secret"`
}

type kickservModel struct {
	BaseURL  types.String `tfsdk:"base_url"`
	Account  types.String `tfsdk:"account"`
	APIToken types.String `tfsdk:"api_token"`
}

func durationAttr(desc string) schema.StringAttribute {
	return schema.StringAttribute{
		Optional:    true,
		Description: desc,
		Validators:  []validator.String{validators.Duration()},
	}
}

// baseURLRule is where every vendor's base URL may point, as the transport
// enforces it (internal/transport), in each base_url description.
const baseURLRule = "Must be `https://` (plain `http://` only to this machine: a loopback address such as `127.0.0.1` or `[::1]`, or `localhost` when it connects to one), with no user name or password in it. "

func (p *Provider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	str := func(desc string, sensitive bool) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, Sensitive: sensitive, Description: desc}
	}
	resp.Schema = schema.Schema{
		Description: "Manages field-service SaaS configuration (ServiceTrade, Kimoby, Kickserv) as code. " +
			"Each vendor has its own optional block; a vendor that is not configured is fine until one of its resources is used. " +
			"Every setting can also come from an environment variable.",
		Attributes: map[string]schema.Attribute{
			"request_timeout": durationAttr("Time limit for one HTTP attempt, as a Go duration (`30s`, `2m`). Default `60s`. Environment variable `FIELDSERVICE_REQUEST_TIMEOUT`."),
			"retry_max_attempts": schema.Int64Attribute{
				Optional: true,
				Description: "How many times a request may be sent in all when the API answers 5xx or the connection fails (1 disables retries). " +
					"Idempotent requests (GET, PUT, DELETE) are retried on 5xx and network errors; POST only when the connection could not be opened. " +
					"Throttling answers (429) do not count: they are waited out, honouring `Retry-After`, within `retry_max_elapsed`. Default 5. Environment variable `FIELDSERVICE_RETRY_MAX_ATTEMPTS`.",
				Validators: []validator.Int64{int64validator.Between(1, 100)},
			},
			"retry_min_delay":   durationAttr("First backoff delay between attempts (doubled each time, with jitter), unless the API sends `Retry-After`. Default `500ms`. Environment variable `FIELDSERVICE_RETRY_MIN_DELAY`."),
			"retry_max_delay":   durationAttr("Longest computed backoff delay between two attempts. Default `30s`. Environment variable `FIELDSERVICE_RETRY_MAX_DELAY`."),
			"retry_max_elapsed": durationAttr("Total time one request may take with all its retries and waits; throttled requests (429) are retried until it runs out. Default `5m`. Environment variable `FIELDSERVICE_RETRY_MAX_ELAPSED`."),
		},
		Blocks: map[string]schema.Block{
			"servicetrade": schema.SingleNestedBlock{
				Description: "ServiceTrade settings. Give either OAuth2 client credentials (`client_id` and `client_secret`, preferred) or a `username` and `password` for the legacy session login.",
				Attributes: map[string]schema.Attribute{
					"base_url":      str("ServiceTrade API root. Default `"+stapi.DefaultBaseURL+"`. "+baseURLRule+"Environment variable `SERVICETRADE_BASE_URL`.", false),
					"client_id":     str("OAuth2 client id (client-credentials grant). Environment variable `SERVICETRADE_CLIENT_ID`.", false),
					"client_secret": str("OAuth2 client secret. Environment variable `SERVICETRADE_CLIENT_SECRET`.", true),
					"username":      str("Username for the legacy session login (`POST /auth`), used when no client id is set. Environment variable `SERVICETRADE_USERNAME`.", false),
					"password":      str("Password for the legacy session login. Environment variable `SERVICETRADE_PASSWORD`.", true),
				},
			},
			"kimoby": schema.SingleNestedBlock{
				Description: "Kimoby settings (HTTP Basic authentication with an API key and secret).",
				Attributes: map[string]schema.Attribute{
					"base_url":   str("Kimoby API root. Default `"+defaultKimobyURL+"`. "+baseURLRule+"Environment variable `KIMOBY_BASE_URL`.", false),
					"api_key":    str("Kimoby API key. Environment variable `KIMOBY_API_KEY`.", true),
					"api_secret": str("Kimoby API secret. Environment variable `KIMOBY_API_SECRET`.", true),
				},
			},
			"kickserv": schema.SingleNestedBlock{
				Description: "Kickserv settings (HTTP Basic authentication with an employee's API token).",
				Attributes: map[string]schema.Attribute{
					"base_url":  str("Kickserv root. Default `"+defaultKickservURL+"`; the account slug is appended as a path segment. "+baseURLRule+"Environment variable `KICKSERV_BASE_URL`.", false),
					"account":   str("Kickserv account slug, as in `https://app.kickserv.com/<account>/`. Environment variable `KICKSERV_ACCOUNT`.", false),
					"api_token": str("API token of the Kickserv employee the provider acts as. Note that changing that employee's password changes the token. Environment variable `KICKSERV_API_TOKEN`.", true),
				},
			},
		},
	}
}

func (p *Provider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	httpCfg, err := transportConfig(cfg, p.userAgent(req.TerraformVersion))
	if err != nil {
		resp.Diagnostics.AddError("Invalid provider configuration", err.Error())
		return
	}
	data := &providerdata.Data{
		ServiceTrade: p.configureServiceTrade(cfg.ServiceTrade, httpCfg, &resp.Diagnostics),
		Kimoby:       configureKimoby(cfg.Kimoby, httpCfg, &resp.Diagnostics),
		Kickserv:     configureKickserv(cfg.Kickserv, httpCfg, &resp.Diagnostics),
		Retry:        httpCfg.Retry,
	}
	resp.ResourceData = data
	resp.DataSourceData = data
	resp.ListResourceData = data
}

func (p *Provider) userAgent(tfVersion string) string {
	if tfVersion == "" {
		tfVersion = "unknown"
	}
	return fmt.Sprintf("terraform-provider-fieldservice/%s (+https://registry.terraform.io/providers/fieldservice/fieldservice) Terraform/%s", p.version, tfVersion)
}

func transportConfig(cfg providerModel, userAgent string) (transport.Config, error) {
	r := &resolver{}
	timeout, err := r.duration(cfg.RequestTimeout, "request_timeout", "FIELDSERVICE_REQUEST_TIMEOUT", transport.DefaultRequestTimeout)
	if err != nil {
		return transport.Config{}, err
	}
	attempts, err := r.int64(cfg.RetryMaxAttempts, "retry_max_attempts", "FIELDSERVICE_RETRY_MAX_ATTEMPTS", transport.DefaultMaxAttempts)
	if err != nil {
		return transport.Config{}, err
	}
	if attempts < 1 {
		return transport.Config{}, fmt.Errorf("retry_max_attempts must be at least 1, got %d", attempts)
	}
	minDelay, err := r.duration(cfg.RetryMinDelay, "retry_min_delay", "FIELDSERVICE_RETRY_MIN_DELAY", transport.DefaultMinDelay)
	if err != nil {
		return transport.Config{}, err
	}
	maxDelay, err := r.duration(cfg.RetryMaxDelay, "retry_max_delay", "FIELDSERVICE_RETRY_MAX_DELAY", transport.DefaultMaxDelay)
	if err != nil {
		return transport.Config{}, err
	}
	maxElapsed, err := r.duration(cfg.RetryMaxElapsed, "retry_max_elapsed", "FIELDSERVICE_RETRY_MAX_ELAPSED", transport.DefaultMaxElapsed)
	if err != nil {
		return transport.Config{}, err
	}
	return transport.Config{
		UserAgent:      userAgent,
		RequestTimeout: timeout,
		Retry: transport.RetryPolicy{
			MaxAttempts: int(attempts),
			MinDelay:    minDelay,
			MaxDelay:    maxDelay,
			MaxElapsed:  maxElapsed,
		},
	}, nil
}

// Resources, DataSources and Functions list every vendor's types, in
// vendor order.
func (p *Provider) Resources(_ context.Context) []func() resource.Resource {
	return slices.Concat(servicetrade.Resources(), kimoby.Resources(), kickserv.Resources())
}

func (p *Provider) DataSources(_ context.Context) []func() datasource.DataSource {
	return slices.Concat(servicetrade.DataSources(), kimoby.DataSources(), kickserv.DataSources())
}

func (p *Provider) Functions(_ context.Context) []func() function.Function {
	return kimoby.Functions()
}

// ListResources lists every vendor's list resources (Terraform 1.14's
// `terraform query`), each named as the resource it lists.
func (p *Provider) ListResources(_ context.Context) []func() list.ListResource {
	return slices.Concat(servicetrade.ListResources(), kimoby.ListResources(), kickserv.ListResources())
}
