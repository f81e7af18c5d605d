package servicetrade

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

var webhookKind = objectKind[api.Webhook]{name: "webhook", id: func(w api.Webhook) int64 { return w.ID }, get: (*api.Client).GetWebhook}

// NewWebhookDataSource is the fieldservice_servicetrade_webhook data source.
func NewWebhookDataSource() datasource.DataSource {
	d := lookupSource[webhookModel, api.Webhook]("webhook", "webhook",
		"Looks up one ServiceTrade webhook by `id` or by exact `hook_url`. Fails when no webhook, or more than one, has that URL.",
		[]sourceKey[api.Webhook]{{attr: "hook_url", description: "Exact URL of the webhook (compared character for character).", field: "hook URL", of: func(w api.Webhook) string { return w.HookURL }}},
		map[string]schema.Attribute{
			"uri":                kit.ReadOnlyString("Absolute API URI of the webhook."),
			"enabled":            kit.ReadOnlyBool("Whether the webhook receives notifications."),
			"include_changesets": kit.ReadOnlyBool("Whether `updated` notifications carry a changeset."),
			"confirmed":          kit.ReadOnlyBool("Whether ServiceTrade has confirmed the webhook; unconfirmed webhooks receive nothing."),
		})
	// The API has no URL filter: list every webhook and match exactly.
	d.Spec = amongAll[webhookModel](webhookKind, (*api.Client).ListWebhooks)
	d.Set = (*webhookModel).fromAPI
	return d
}
