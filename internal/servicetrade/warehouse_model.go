package servicetrade

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// warehouseModel is a warehouse as the data sources show it; the resource
// adds allow_duplicate (warehouseResourceModel).
type warehouseModel struct {
	ID       types.String `tfsdk:"id"`
	URI      types.String `tfsdk:"uri"`
	Name     types.String `tfsdk:"name"`
	OfficeID types.Int64  `tfsdk:"office_id"`
	Status   types.String `tfsdk:"status"`
}

// warehouseResourceModel is the resource's state: the warehouse, and
// allow_duplicate, which concerns only the provider.
type warehouseResourceModel struct {
	warehouseModel
	AllowDuplicate types.Bool `tfsdk:"allow_duplicate"`
}

// fromAPI fills the model from the API object; a warehouse without an
// office has a null office_id.
func (m *warehouseModel) fromAPI(w *api.Warehouse) {
	*m = warehouseModel{
		ID:       types.StringValue(formatID(w.ID)),
		URI:      types.StringValue(w.URI),
		Name:     types.StringValue(w.Name),
		OfficeID: types.Int64Null(),
		Status:   types.StringValue(w.Status),
	}
	if w.Office != nil {
		m.OfficeID = types.Int64Value(w.Office.ID)
	}
}

// toInput builds the POST body from a plan: an office left out is not
// sent (the API's default is none).
func (m warehouseModel) toInput() api.WarehouseInput {
	return api.WarehouseInput{Name: m.Name.ValueString(), Status: m.Status.ValueString(), OfficeID: nullableID(m.OfficeID, false)}
}

// toUpdate builds the PUT body from a plan: every field, so that an
// out-of-band change is reverted, and null for an office the configuration
// no longer sets, which clears it.
func (m warehouseModel) toUpdate() api.WarehouseInput {
	return api.WarehouseInput{Name: m.Name.ValueString(), Status: m.Status.ValueString(), OfficeID: nullableID(m.OfficeID, true)}
}
