package servicetrade

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// NewWebhooksDataSource is the fieldservice_servicetrade_webhooks data
// source.
func NewWebhooksDataSource() datasource.DataSource {
	return &kit.List[*api.Client, webhooksModel, api.Webhook, webhookModel]{
		DataBase: vendor.DataSource("webhooks"),
		Description: "Lists every ServiceTrade webhook of the account, including those Terraform does not manage: " +
			"use it with `for_each` in `import` blocks to adopt an existing account.",
		Items: "The webhooks, in ServiceTrade's order (by id).",
		Element: map[string]schema.Attribute{
			"id":                 kit.ReadOnlyString("Numeric id of the webhook (the import id of `fieldservice_servicetrade_webhook`)."),
			"uri":                kit.ReadOnlyString("Absolute API URI of the webhook."),
			"hook_url":           kit.ReadOnlyString("URL that receives the notifications."),
			"enabled":            kit.ReadOnlyBool("Whether the webhook receives notifications."),
			"include_changesets": kit.ReadOnlyBool("Whether `updated` notifications carry a changeset."),
			"confirmed":          kit.ReadOnlyBool("Whether ServiceTrade has confirmed the webhook."),
		},
		All: (*api.Client).ListWebhooks,
		Of:  func(m *webhooksModel) *[]webhookModel { return &m.Webhooks },
		Set: (*webhookModel).fromAPI,
	}
}

type webhooksModel struct {
	Webhooks []webhookModel `tfsdk:"webhooks"`
}
