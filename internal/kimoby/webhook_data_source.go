package kimoby

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kimoby/api"
)

var _ datasource.DataSourceWithConfigValidators = (*webhookDataSource)(nil)

// NewWebhookDataSource is the fieldservice_kimoby_webhook data source.
func NewWebhookDataSource() datasource.DataSource { return &webhookDataSource{} }

type webhookDataSource struct{ dsBase }

func (d *webhookDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_kimoby_webhook"
}

func (d *webhookDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Looks up one Kimoby webhook by `id` or by exact `url`. Fails when no webhook, or more than one, matches. " +
			"Kimoby has no GET by id, so the webhook list is searched. The authentication key is not available: Kimoby returns it only at creation.",
		Attributes: map[string]schema.Attribute{
			"id":         schema.StringAttribute{Optional: true, Computed: true, Description: "Kimoby id of the webhook (`WH…`). Give exactly one of `id` and `url`."},
			"url":        schema.StringAttribute{Optional: true, Computed: true, Description: "Exact URL of the webhook endpoint (compared character for character). Give exactly one of `id` and `url`."},
			"created_at": schema.StringAttribute{Computed: true, Description: "When the webhook was created, RFC 3339 in UTC."},
			"updated_at": schema.StringAttribute{Computed: true, Description: "When the webhook was last changed, RFC 3339 in UTC."},
		},
	}
}

func (d *webhookDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("url")),
	}
}

func (d *webhookDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	client, ok := d.client(&resp.Diagnostics)
	if !ok {
		return
	}
	var cfg webhookDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	list, err := client.Webhooks(ctx)
	if err != nil {
		resp.Diagnostics.AddError("Listing Kimoby webhooks failed", err.Error())
		return
	}
	var (
		field, want string
		key         func(api.Webhook) string
	)
	if !cfg.ID.IsNull() {
		field, want, key = "id", cfg.ID.ValueString(), func(w api.Webhook) string { return w.ID }
	} else {
		field, want, key = "url", cfg.URL.ValueString(), func(w api.Webhook) string { return w.URL }
	}
	match, err := exactlyOne(field, want, list, key)
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root(field), "Kimoby webhook lookup failed", err.Error())
		return
	}
	state := dataFromAPI(match)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// exactlyOne picks the single webhook whose field equals want, and explains
// zero or several matches.
func exactlyOne(field, want string, list []api.Webhook, key func(api.Webhook) string) (api.Webhook, error) {
	var matches []api.Webhook
	for _, w := range list {
		if key(w) == want {
			matches = append(matches, w)
		}
	}
	switch len(matches) {
	case 1:
		return matches[0], nil
	case 0:
		return api.Webhook{}, fmt.Errorf("no Kimoby webhook has the %s %q (the match is exact and case-sensitive; %d webhooks were searched)", field, want, len(list))
	default:
		ids := make([]string, len(matches))
		for i, m := range matches {
			ids[i] = m.ID
		}
		return api.Webhook{}, fmt.Errorf("%d Kimoby webhooks have the %s %q (ids %s); look it up by id instead", len(matches), field, want, strings.Join(ids, ", "))
	}
}
