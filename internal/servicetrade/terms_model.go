package servicetrade

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// termsModel is the state of a set of terms, shared by the resource and
// the data sources.
type termsModel struct {
	ID      types.String `tfsdk:"id"`
	URI     types.String `tfsdk:"uri"`
	Name    types.String `tfsdk:"name"`
	Content types.String `tfsdk:"content"`
}

// termsResourceModel is the resource's state: the terms as the data
// sources show them, and allow_duplicate, which concerns only the
// provider.
type termsResourceModel struct {
	termsModel
	AllowDuplicate types.Bool `tfsdk:"allow_duplicate"`
}

// fromAPI fills the model from the API object. ServiceTrade stores name
// and content as sent, so there is nothing to normalise.
func (m *termsModel) fromAPI(t *api.Terms) {
	m.ID = types.StringValue(formatID(t.ID))
	m.URI = types.StringValue(t.URI)
	m.Name = types.StringValue(t.Name)
	m.Content = types.StringValue(t.Content)
}

// toInput is the POST/PUT body: both fields, so that the stored terms
// equal the configuration.
func (m termsModel) toInput() api.TermsInput {
	return api.TermsInput{Name: m.Name.ValueString(), Content: m.Content.ValueString()}
}
