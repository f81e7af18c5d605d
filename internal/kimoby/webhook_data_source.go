package kimoby

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kimoby/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/lookup"
)

// NewWebhookDataSource is the fieldservice_kimoby_webhook data source.
func NewWebhookDataSource() datasource.DataSource {
	d := vendor.DataSource("webhook", "id", "url")
	return &kit.Lookup[*api.Client, webhookDataModel, api.Webhook]{
		DataBase: d,
		Definition: schema.Schema{
			Description: "Looks up one Kimoby webhook by `id` or by exact `url`. Fails when no webhook, or more than one, matches. " +
				"Kimoby has no GET by id, so the webhook list is searched. The authentication key is not available: Kimoby returns it only at creation.",
			Attributes: map[string]schema.Attribute{
				"id":         d.Key("Kimoby id of the webhook (`WH…`)."),
				"url":        d.Key("Exact URL of the webhook endpoint (compared character for character)."),
				"created_at": kit.ReadOnlyString("When the webhook was created, RFC 3339 in UTC."),
				"updated_at": kit.ReadOnlyString("When the webhook was last changed, RFC 3339 in UTC."),
			},
		},
		// Kimoby has no GET by id: the id is a key of the one list too.
		Keys: []lookup.Key[api.Webhook]{
			{Attr: "id", Of: func(w api.Webhook) string { return w.ID }},
			{Attr: "url", Of: func(w api.Webhook) string { return w.URL }},
		},
		Spec: func(ctx context.Context, client *api.Client, _ *webhookDataModel) lookup.Spec[api.Webhook] {
			return lookup.Spec[api.Webhook]{
				Kind: lookup.Kind[api.Webhook]{Vendor: "Kimoby", Name: "webhook", Ident: func(w api.Webhook) string { return w.ID }, CountSearched: true},
				List: func(lookup.Key[api.Webhook]) ([]api.Webhook, error) { return client.Webhooks(ctx) },
			}
		},
		Set: (*webhookDataModel).fromAPI,
	}
}
