package servicetrade

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// serviceLineModel is a service line, shared by the single-object data
// source and the elements of the plural one.
type serviceLineModel struct {
	ID           types.String `tfsdk:"id"`
	Name         types.String `tfsdk:"name"`
	Abbreviation types.String `tfsdk:"abbreviation"`
	Trade        types.String `tfsdk:"trade"`
	Icon         types.String `tfsdk:"icon"`
}

// fromAPI fills the model from the API object.
func (m *serviceLineModel) fromAPI(sl *api.ServiceLine) {
	*m = serviceLineModel{
		ID:           types.StringValue(formatID(sl.ID)),
		Name:         types.StringValue(sl.Name),
		Abbreviation: types.StringValue(sl.Abbr),
		Trade:        types.StringValue(string(sl.Trade)),
		Icon:         types.StringValue(sl.Icon),
	}
}
