package servicetrade

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// roleModel is a role as the role and roles data sources show it.
type roleModel struct {
	ID          types.String `tfsdk:"id"`
	URI         types.String `tfsdk:"uri"`
	Name        types.String `tfsdk:"name"`
	Description types.String `tfsdk:"description"`
	Activities  []string     `tfsdk:"activities"`
	Global      types.Bool   `tfsdk:"global"`
}

func (m *roleModel) fromAPI(r *api.Role) {
	activities := r.Activities
	if activities == nil {
		activities = []string{} // an empty list, not a null one
	}
	*m = roleModel{
		ID:          types.StringValue(formatID(r.ID)),
		URI:         types.StringValue(r.URI),
		Name:        types.StringValue(r.Name),
		Description: types.StringValue(r.Description),
		Activities:  activities,
		Global:      types.BoolValue(r.Global),
	}
}
