package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/lookup"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// NewWebhookDataSource is the fieldservice_servicetrade_webhook data source.
func NewWebhookDataSource() datasource.DataSource {
	return &kit.Lookup[*api.Client, webhookModel, api.Webhook]{
		DataBase: vendor.DataSource("webhook", "id", "hook_url"),
		Definition: schema.Schema{
			Description: "Looks up one ServiceTrade webhook by `id` or by exact `hook_url`. Fails when no webhook, or more than one, has that URL.",
			Attributes: map[string]schema.Attribute{
				"id":                 schema.StringAttribute{Optional: true, Computed: true, Description: "Numeric id of the webhook. Give exactly one of `id` and `hook_url`."},
				"hook_url":           schema.StringAttribute{Optional: true, Computed: true, Description: "Exact URL of the webhook (compared character for character). Give exactly one of `id` and `hook_url`."},
				"uri":                schema.StringAttribute{Computed: true, Description: "Absolute API URI of the webhook."},
				"enabled":            schema.BoolAttribute{Computed: true, Description: "Whether the webhook receives notifications."},
				"include_changesets": schema.BoolAttribute{Computed: true, Description: "Whether `updated` notifications carry a changeset."},
				"confirmed":          schema.BoolAttribute{Computed: true, Description: "Whether ServiceTrade has confirmed the webhook; unconfirmed webhooks receive nothing."},
			},
		},
		Spec: func(ctx context.Context, client *api.Client, cfg *webhookModel) lookup.Spec[api.Webhook] {
			return lookup.Spec[api.Webhook]{
				Kind: kindOf("webhook", func(w api.Webhook) int64 { return w.ID }),
				ID:   cfg.ID,
				Get:  byID("webhook", func(id int64) (*api.Webhook, error) { return client.GetWebhook(ctx, id) }),
				Keys: []lookup.Key[api.Webhook]{{Attr: "hook_url", Field: "hook URL", Value: cfg.HookURL, Of: func(w api.Webhook) string { return w.HookURL }}},
				// The API has no URL filter: list every webhook and match
				// exactly.
				List: listAll(func() ([]api.Webhook, error) { return client.ListWebhooks(ctx) }),
			}
		},
		Set: (*webhookModel).fromAPI,
	}
}
