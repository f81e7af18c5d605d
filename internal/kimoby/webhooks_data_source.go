package kimoby

import (
	"cmp"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kimoby/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
)

// NewWebhooksDataSource is the fieldservice_kimoby_webhooks data source.
func NewWebhooksDataSource() datasource.DataSource {
	return &kit.List[*api.Client, webhooksModel, api.Webhook, webhookDataModel]{
		DataBase:    vendor.DataSource("webhooks"),
		Description: "Lists every Kimoby webhook of the account, across all pages of the API's list. Authentication keys are not available: Kimoby returns them only at creation.",
		Items:       "The webhooks, oldest first (by `created_at`, then `id`).",
		Element: map[string]schema.Attribute{
			"id":         kit.ReadOnlyString("Kimoby id of the webhook (`WH…`)."),
			"url":        kit.ReadOnlyString("URL of the webhook endpoint."),
			"created_at": kit.ReadOnlyString("When the webhook was created, RFC 3339 in UTC."),
			"updated_at": kit.ReadOnlyString("When the webhook was last changed, RFC 3339 in UTC."),
		},
		All: (*api.Client).Webhooks,
		// Normalised RFC 3339 UTC strings, as created_at shows them, sort
		// chronologically.
		Order: func(a, b api.Webhook) int {
			return cmp.Or(cmp.Compare(normalizeTime(a.CreatedAt), normalizeTime(b.CreatedAt)), cmp.Compare(a.ID, b.ID))
		},
		Of:  func(m *webhooksModel) *[]webhookDataModel { return &m.Webhooks },
		Set: (*webhookDataModel).fromAPI,
	}
}

type webhooksModel struct {
	Webhooks []webhookDataModel `tfsdk:"webhooks"`
}
