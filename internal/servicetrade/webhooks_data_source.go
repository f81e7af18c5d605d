package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// NewWebhooksDataSource is the fieldservice_servicetrade_webhooks data
// source.
func NewWebhooksDataSource() datasource.DataSource {
	return &webhooksDataSource{dataBase: vendor.DataSource("webhooks")}
}

type webhooksDataSource struct{ dataBase }

// webhooksModel is the data source's state. The list is a slice of the
// element model, so that its type is the one the schema declares.
type webhooksModel struct {
	Webhooks []webhookModel `tfsdk:"webhooks"`
}

func (d *webhooksDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Lists every ServiceTrade webhook of the account, including those Terraform does not manage: " +
			"use it with `for_each` in `import` blocks to adopt an existing account.",
		Attributes: map[string]schema.Attribute{
			"webhooks": schema.ListNestedAttribute{
				Computed:    true,
				Description: "The webhooks, in ServiceTrade's order (by id).",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":                 schema.StringAttribute{Computed: true, Description: "Numeric id of the webhook (the import id of `fieldservice_servicetrade_webhook`)."},
					"uri":                schema.StringAttribute{Computed: true, Description: "Absolute API URI of the webhook."},
					"hook_url":           schema.StringAttribute{Computed: true, Description: "URL that receives the notifications."},
					"enabled":            schema.BoolAttribute{Computed: true, Description: "Whether the webhook receives notifications."},
					"include_changesets": schema.BoolAttribute{Computed: true, Description: "Whether `updated` notifications carry a changeset."},
					"confirmed":          schema.BoolAttribute{Computed: true, Description: "Whether ServiceTrade has confirmed the webhook."},
				}},
			},
		},
	}
}

func (d *webhooksDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	kit.ListAll(ctx, &d.dataBase, req, resp, "webhooks",
		func(ctx context.Context, client *api.Client, _ *webhooksModel) ([]api.Webhook, error) {
			return client.ListWebhooks(ctx)
		},
		func(m *webhooksModel) *[]webhookModel { return &m.Webhooks }, (*webhookModel).fromAPI)
}
