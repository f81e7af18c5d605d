package servicetrade

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// brandModel is the state of a brand, shared by the resource and the data
// sources.
type brandModel struct {
	ID          types.String `tfsdk:"id"`
	URI         types.String `tfsdk:"uri"`
	CompanyID   types.Int64  `tfsdk:"company_id"`
	Name        types.String `tfsdk:"name"`
	DisplayName types.String `tfsdk:"display_name"`
	WebSite     types.String `tfsdk:"web_site"`
	Details     types.String `tfsdk:"details"`
	LogoID      types.Int64  `tfsdk:"logo_id"`
}

// fromAPI fills the model from the API object. company_id stays as it is
// (the key read from the state, or the configuration) when the answer names
// no company.
func (m *brandModel) fromAPI(b *api.Brand) {
	m.ID = types.StringValue(formatID(b.ID))
	m.URI = types.StringValue(b.URI)
	if b.Company != nil && b.Company.ID != 0 {
		m.CompanyID = types.Int64Value(b.Company.ID)
	}
	m.Name = types.StringValue(b.Name)
	m.DisplayName = types.StringValue(b.DisplayName)
	m.WebSite = types.StringPointerValue(b.WebSite)
	m.Details = types.StringPointerValue(b.Details)
	m.LogoID = types.Int64PointerValue(b.LogoID())
}

// toInput builds the POST body (update false: what is not configured is not
// sent, and display_name then defaults to the name) or the PUT body (update
// true: name is always sent, as the reference requires; web_site, details
// and logo_id are sent as null when not configured, which clears them;
// display_name is sent only when configured, and otherwise stays as it is).
func (m brandModel) toInput(update bool) api.BrandInput {
	in := api.BrandInput{Name: m.Name.ValueString()}
	if !m.DisplayName.IsNull() && !m.DisplayName.IsUnknown() {
		in.DisplayName = m.DisplayName.ValueString()
	}
	opt := func(v types.String) api.Nullable[string] {
		if v.IsNull() && !update {
			return api.Nullable[string]{}
		}
		return api.FromPtr(v.ValueStringPointer())
	}
	in.WebSite, in.Details = opt(m.WebSite), opt(m.Details)
	if !m.LogoID.IsNull() || update {
		in.LogoID = api.FromPtr(m.LogoID.ValueInt64Pointer())
	}
	return in
}
