package kimoby

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kimoby/api"
)

// webhookDataModel is one webhook as the data sources show it: no key, which
// the API never lists.
type webhookDataModel struct {
	ID        types.String `tfsdk:"id"`
	URL       types.String `tfsdk:"url"`
	CreatedAt types.String `tfsdk:"created_at"`
	UpdatedAt types.String `tfsdk:"updated_at"`
}

// fromAPI copies what every answer carries.
func (m *webhookDataModel) fromAPI(w *api.Webhook) {
	m.ID = types.StringValue(w.ID)
	m.URL = types.StringValue(w.URL)
	m.CreatedAt = types.StringValue(normalizeTime(w.CreatedAt))
	m.UpdatedAt = types.StringValue(normalizeTime(w.UpdatedAt))
}

// webhookModel is the state of the fieldservice_kimoby_webhook resource:
// the webhook as the data sources show it, and what only the resource
// holds. Its fromAPI (webhookDataModel's) leaves those alone: the API
// returns the key only at creation, rotate_key is the configuration's own,
// and allow_duplicate is the provider's (an import sets its default,
// webhookType.ProviderSide).
type webhookModel struct {
	webhookDataModel
	AuthenticationKey types.String `tfsdk:"authentication_key"`
	RotateKey         types.String `tfsdk:"rotate_key"`
	// AllowDuplicate concerns only the provider: it skips the check of
	// the url before a create.
	AllowDuplicate types.Bool `tfsdk:"allow_duplicate"`
}
