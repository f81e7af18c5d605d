package kimoby

import (
	"context"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
)

// NewWebhooksDataSource is the fieldservice_kimoby_webhooks data source.
func NewWebhooksDataSource() datasource.DataSource {
	return &webhooksDataSource{dataBase{Type: dataType("webhooks")}}
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

func (d *webhooksDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	client, ok := d.Client(&resp.Diagnostics)
	if !ok {
		return
	}
	list, err := client.Webhooks(ctx)
	if err != nil {
		resp.Diagnostics.AddError("Listing Kimoby webhooks failed", err.Error())
		return
	}
	state := webhooksModel{Webhooks: make([]webhookDataModel, 0, len(list))}
	for _, w := range list {
		state.Webhooks = append(state.Webhooks, dataFromAPI(w))
	}
	// Normalised RFC 3339 UTC strings sort chronologically.
	sort.SliceStable(state.Webhooks, func(i, j int) bool {
		a, b := state.Webhooks[i], state.Webhooks[j]
		if a.CreatedAt.ValueString() != b.CreatedAt.ValueString() {
			return a.CreatedAt.ValueString() < b.CreatedAt.ValueString()
		}
		return a.ID.ValueString() < b.ID.ValueString()
	})
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
