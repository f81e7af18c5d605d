package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// NewWarehousesDataSource is the fieldservice_servicetrade_warehouses data
// source.
func NewWarehousesDataSource() datasource.DataSource {
	return &kit.List[*api.Client, warehousesModel, api.Warehouse, warehouseModel]{
		DataBase: vendor.DataSource("warehouses"),
		Description: "Lists the ServiceTrade warehouses of the account, including those Terraform did not create, optionally filtered by status and office: " +
			"use it with `for_each` in `import` blocks to adopt existing warehouses. Like the API, it lists active warehouses unless `status` asks for others.",
		Filters: map[string]schema.Attribute{
			"status": kit.DataFilterString("`active` (or omitted, ServiceTrade's default) lists active warehouses only, `inactive` the inactive (destroyed or retired) ones, "+
				"`all` both.", stringvalidator.OneOf(api.WarehouseActive, api.WarehouseInactive, api.WarehouseAll)),
			"office_id": kit.DataFilterID("Keep only the warehouses of this office (its location id). Omit for every warehouse."),
		},
		Items: "The matching warehouses, in ServiceTrade's order.",
		Element: map[string]schema.Attribute{
			"id":        kit.ReadOnlyString("Numeric id of the warehouse (the import id of `fieldservice_servicetrade_warehouse`)."),
			"uri":       kit.ReadOnlyString("Absolute API URI of the warehouse."),
			"name":      kit.ReadOnlyString("Name of the warehouse."),
			"office_id": kit.ReadOnlyInt64("Location id of the office that controls the warehouse, or null."),
			"status":    kit.ReadOnlyString("`active` or `inactive`."),
		},
		List: func(ctx context.Context, client *api.Client, cfg *warehousesModel) ([]api.Warehouse, error) {
			return client.ListWarehouses(ctx, api.WarehouseFilter{Status: cfg.Status.ValueString(), OfficeID: cfg.OfficeID.ValueInt64()})
		},
		Of:  func(m *warehousesModel) *[]warehouseModel { return &m.Warehouses },
		Set: (*warehouseModel).fromAPI,
	}
}

type warehousesModel struct {
	Status     types.String     `tfsdk:"status"`
	OfficeID   types.Int64      `tfsdk:"office_id"`
	Warehouses []warehouseModel `tfsdk:"warehouses"`
}
