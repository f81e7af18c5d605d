package servicetrade

import (
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// contractDataModel is the state of the contract data source: the
// resource's attributes, with plain strings for the days.
type contractDataModel struct {
	contractAttributes
	StartsOn  types.String `tfsdk:"starts_on"`
	ExpiresOn types.String `tfsdk:"expires_on"`
	ReviewOn  types.String `tfsdk:"review_on"`
}

// fromAPI fills the model from the API object, mapped as the resource maps
// it.
func (m *contractDataModel) fromAPI(c *api.Contract) diag.Diagnostics {
	var r contractModel
	diags := r.fromAPI(c)
	*m = contractDataModel{
		contractAttributes: r.contractAttributes,
		StartsOn:           r.StartsOn.StringValue, ExpiresOn: r.ExpiresOn.StringValue, ReviewOn: r.ReviewOn.StringValue,
	}
	return diags
}
