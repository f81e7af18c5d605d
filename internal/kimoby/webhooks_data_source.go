package kimoby

import (
	"context"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kimoby/api"
)

// NewWebhooksDataSource is the fieldservice_kimoby_webhooks data source.
func NewWebhooksDataSource() datasource.DataSource {
	return &webhooksDataSource{vendor.DataSource("webhooks")}
}

type webhooksDataSource struct{ dataBase }

type webhooksModel struct {
	Webhooks []webhookDataModel `tfsdk:"webhooks"`
}

func (d *webhooksDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Lists every Kimoby webhook of the account, across all pages of the API's list. Authentication keys are not available: Kimoby returns them only at creation.",
		Attributes: map[string]schema.Attribute{
			"webhooks": schema.ListNestedAttribute{
				Computed:    true,
				Description: "The webhooks, oldest first (by `created_at`, then `id`).",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":         schema.StringAttribute{Computed: true, Description: "Kimoby id of the webhook (`WH…`)."},
					"url":        schema.StringAttribute{Computed: true, Description: "URL of the webhook endpoint."},
					"created_at": schema.StringAttribute{Computed: true, Description: "When the webhook was created, RFC 3339 in UTC."},
					"updated_at": schema.StringAttribute{Computed: true, Description: "When the webhook was last changed, RFC 3339 in UTC."},
				}},
			},
		},
	}
}

func (d *webhooksDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var state webhooksModel
	d.ReadWith(ctx, req, resp, &state, func(ctx context.Context, client *api.Client, diags *diag.Diagnostics) bool {
		list, err := client.Webhooks(ctx)
		if err != nil {
			diags.AddError("Listing Kimoby webhooks failed", err.Error())
			return false
		}
		state.Webhooks = make([]webhookDataModel, len(list))
		for i := range list {
			state.Webhooks[i].fromAPI(&list[i])
		}
		// Normalised RFC 3339 UTC strings sort chronologically.
		sort.SliceStable(state.Webhooks, func(i, j int) bool {
			a, b := state.Webhooks[i], state.Webhooks[j]
			if a.CreatedAt.ValueString() != b.CreatedAt.ValueString() {
				return a.CreatedAt.ValueString() < b.CreatedAt.ValueString()
			}
			return a.ID.ValueString() < b.ID.ValueString()
		})
		return true
	})
}
