package servicetrade

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// webhookModel is the state of a webhook, shared by the resource and the
// data sources.
type webhookModel struct {
	ID                types.String `tfsdk:"id"`
	URI               types.String `tfsdk:"uri"`
	HookURL           types.String `tfsdk:"hook_url"`
	Enabled           types.Bool   `tfsdk:"enabled"`
	IncludeChangesets types.Bool   `tfsdk:"include_changesets"`
	Confirmed         types.Bool   `tfsdk:"confirmed"`
}

// webhookResourceModel is the resource's state: the webhook as the data
// sources show it, and allow_duplicate, which concerns only the provider.
type webhookResourceModel struct {
	webhookModel
	AllowDuplicate types.Bool `tfsdk:"allow_duplicate"`
}

func (m *webhookModel) fromAPI(w *api.Webhook) {
	m.ID = types.StringValue(formatID(w.ID))
	m.URI = types.StringValue(w.URI)
	m.HookURL = types.StringValue(w.HookURL)
	m.Enabled = types.BoolValue(w.Enabled)
	m.IncludeChangesets = types.BoolValue(w.IncludeChangesets)
	m.Confirmed = types.BoolValue(w.Confirmed)
}
